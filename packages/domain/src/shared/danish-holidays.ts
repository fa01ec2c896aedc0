import { addDays, epochDay, fromEpochDay, isoWeekday } from "./calendar.ts";

export type Holiday = { date: string; name: string };

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const cache = new Map<number, Holiday[]>();

/** Days on which Danish municipal offices are closed, sorted by date. */
export function danishHolidays(year: number): Holiday[] {
  const cached = cache.get(year);
  if (cached) return cached.map((h) => ({ ...h }));
  const y = String(year).padStart(4, "0");
  const easter = easterSunday(year);
  const e = (n: number) => addDays(easter, n);
  const days: Holiday[] = [
    { date: `${y}-01-01`, name: "Nytårsdag" },
    { date: e(-3), name: "Skærtorsdag" },
    { date: e(-2), name: "Langfredag" },
    { date: easter, name: "Påskedag" },
    { date: e(1), name: "2. påskedag" },
    // Store bededag was abolished as a public holiday from 2024 (lov om afskaffelse af store bededag, 2023).
    ...(year <= 2023 ? [{ date: e(26), name: "Store bededag" }] : []),
    { date: e(39), name: "Kristi himmelfartsdag" },
    { date: e(49), name: "Pinsedag" },
    { date: e(50), name: "2. pinsedag" },
    // Grundlovsdag, juleaftensdag and nytårsaftensdag are not public holidays by law, but municipal offices
    // are closed on them by agreement, so no council deadline may fall on them.
    { date: `${y}-06-05`, name: "Grundlovsdag" },
    { date: `${y}-12-24`, name: "Juleaftensdag" },
    { date: `${y}-12-25`, name: "1. juledag" },
    { date: `${y}-12-26`, name: "2. juledag" },
    { date: `${y}-12-31`, name: "Nytårsaftensdag" },
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(year, days);
  return days.map((h) => ({ ...h }));
}

export function holidayOn(date: string): Holiday | undefined {
  return danishHolidays(Number(date.slice(0, 4))).find((h) => h.date === date);
}

/** A weekday on which municipal offices are open. */
export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && holidayOn(date) === undefined;
}

/**
 * The working day `n` working days before `date` (`date` itself never counts).
 * With n = 0 it is `date` if that is a working day, else the working day before it.
 */
export function subtractWorkingDays(date: string, n: number): string {
  return stepWorkingDays(date, n, -1);
}

/**
 * The working day `n` working days after `date` (`date` itself never counts).
 * With n = 0 it is `date` if that is a working day, else the working day after it.
 */
export function addWorkingDays(date: string, n: number): string {
  return stepWorkingDays(date, n, 1);
}

function stepWorkingDays(date: string, n: number, step: 1 | -1): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
  let day = epochDay(date);
  if (n === 0) {
    while (!isWorkingDay(fromEpochDay(day))) day += step;
    return fromEpochDay(day);
  }
  let left = n;
  while (left > 0) {
    day += step;
    if (isWorkingDay(fromEpochDay(day))) left -= 1;
  }
  return fromEpochDay(day);
}
