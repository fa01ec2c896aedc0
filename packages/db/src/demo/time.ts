/**
 * Calendar helpers for the demo seed, on top of the domain's Copenhagen calendar: the server runs in
 * UTC, councils meet in Copenhagen time. Dates are "YYYY-MM-DD" strings, instants are JS Dates.
 */
import { addDays, isoWeekday, isWorkingDay, localDate, zonedInstant } from "@samraad/domain/shared";

export { addDays, isWorkingDay };

/** The instant of a Copenhagen wall-clock time: copenhagen("2019-12-03", "14:00") = 2019-12-03T13:00:00Z. */
export const copenhagen = (date: string, time: string): Date => zonedInstant(date, time);

/** The Copenhagen calendar date of an instant. */
export const copenhagenDate = (instant: Date): string => localDate(instant);

/** Between Christmas and New Year and in July councils do not meet. */
function isHolidaySeason(date: string): boolean {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return month === 7 || (month === 12 && day >= 22) || (month === 1 && day <= 2);
}

/**
 * A plausible meeting day near `date`: a weekend moves to the following Tuesday (forward) or the
 * preceding Thursday (backward); holidays (and, unless told otherwise, the Christmas and July
 * holiday seasons) move it one working day further in the same direction.
 */
export function meetingDay(
  date: string,
  direction: "forward" | "backward",
  options: { avoidHolidaySeasons?: boolean } = {},
): string {
  const avoidSeasons = options.avoidHolidaySeasons ?? true;
  let day = date;
  const dow = isoWeekday(day);
  if (dow === 6) day = addDays(day, direction === "forward" ? 3 : -2);
  if (dow === 7) day = addDays(day, direction === "forward" ? 2 : -3);
  while (!isWorkingDay(day) || (avoidSeasons && isHolidaySeason(day))) {
    day = addDays(day, direction === "forward" ? 1 : -1);
  }
  return day;
}

/** Working day on or after (forward) / on or before (backward) the date. */
export function workingDay(date: string, direction: "forward" | "backward"): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, direction === "forward" ? 1 : -1);
  return day;
}
