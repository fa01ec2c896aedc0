import type { CouncilRules } from "../councils/council.ts";
import { addDays, localDate, zonedInstant } from "../shared/calendar.ts";
import { subtractWorkingDays } from "../shared/danish-holidays.ts";

/** Deadlines within the municipality's working day are set at noon, local time. */
const DEADLINE_TIME = "12:00";

/**
 * The latest moment the agenda can be sent out: 12:00 Copenhagen time on the working day that lies
 * `agendaCutoffWorkingDays` working days before the meeting's date (forretningsorden: "dagsordenen udsendes
 * senest 5 arbejdsdage før mødet"). With 0 working days the agenda may go out up to the meeting itself.
 */
export function agendaCutoff(
  meetingStartsAt: Date,
  rules: Pick<CouncilRules, "agendaCutoffWorkingDays">,
): Date {
  const day = subtractWorkingDays(localDate(meetingStartsAt), rules.agendaCutoffWorkingDays);
  const cutoff = zonedInstant(day, DEADLINE_TIME);
  return cutoff.getTime() > meetingStartsAt.getTime() ? new Date(meetingStartsAt.getTime()) : cutoff;
}

/**
 * Minutes are open for corrections for `minutesCorrectionDays` calendar days after the meeting day and may be
 * published from 12:00 Copenhagen time on the last of them.
 */
export function minutesCorrectionEnds(
  meetingStartsAt: Date,
  rules: Pick<CouncilRules, "minutesCorrectionDays">,
): Date {
  return zonedInstant(addDays(localDate(meetingStartsAt), rules.minutesCorrectionDays), DEADLINE_TIME);
}

/** An item added after the agenda went out belongs on the supplementary agenda (tillægsdagsorden). */
export function isSupplementaryItem(item: { createdAt: Date }, agendaPublishedAt: Date | null): boolean {
  return agendaPublishedAt !== null && item.createdAt.getTime() > agendaPublishedAt.getTime();
}
