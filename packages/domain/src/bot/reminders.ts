import type { Deadline } from "../deadlines/deadline.ts";
import { addDays, localDate, localTime, zonedInstant } from "../shared/calendar.ts";

export type ReminderSlot = { deadlineId: string; offsetDays: number; dueAt: Date; sendAt: Date };

/**
 * A reminder `offsetDays` before a deadline goes out at the same Copenhagen wall-clock time that many calendar
 * days earlier: "7 days before Friday 12:00" is the previous Friday 12:00 even across a daylight-saving change.
 */
export function reminderSendAt(dueAt: Date, offsetDays: number): Date {
  return zonedInstant(addDays(localDate(dueAt), -offsetDays), localTime(dueAt));
}

/**
 * The reminders of one deadline that are still worth planning at `now`: every offset whose moment has not
 * come yet, plus the one most recent offset that has come (a reminder 7 days before is pointless once the
 * 1-day reminder is due too, e.g. after the server was down for a week or the deadline was created late).
 * Nothing for a deadline that has passed.
 */
export function reminderSlots(deadline: Pick<Deadline, "id" | "dueAt">, offsetsDays: number[], now: Date) {
  if (deadline.dueAt.getTime() <= now.getTime()) return [];
  const offsets = [...new Set(offsetsDays)].filter((o) => o >= 0).sort((a, b) => a - b);
  const slots: ReminderSlot[] = offsets.map((offsetDays) => ({
    deadlineId: deadline.id,
    offsetDays,
    dueAt: deadline.dueAt,
    sendAt: reminderSendAt(deadline.dueAt, offsetDays),
  }));
  const reached = slots.filter((s) => s.sendAt.getTime() <= now.getTime());
  const mostRecent = reached[0];
  return slots.filter((s) => s.sendAt.getTime() > now.getTime() || s === mostRecent);
}

/** The slots of many deadlines that fall due within `lookaheadMs` (those later are planned on a later tick). */
export function planReminders(
  deadlines: Pick<Deadline, "id" | "dueAt">[],
  offsetsDays: number[],
  now: Date,
  lookaheadMs = 0,
): ReminderSlot[] {
  const until = now.getTime() + lookaheadMs;
  return deadlines.flatMap((d) =>
    reminderSlots(d, offsetsDays, now).filter((s) => s.sendAt.getTime() <= until),
  );
}

/** Whether a stored reminder should still go out at `now` (the deadline unmoved, not superseded, not past). */
export function isReminderDue(
  slot: { deadlineId: string; offsetDays: number; dueAt: Date },
  current: Pick<Deadline, "id" | "dueAt"> | undefined,
  offsetsDays: number[],
  now: Date,
): boolean {
  if (!current || current.dueAt.getTime() !== slot.dueAt.getTime()) return false;
  return reminderSlots(current, offsetsDays, now).some(
    (s) => s.offsetDays === slot.offsetDays && s.sendAt.getTime() <= now.getTime(),
  );
}

/** Backoff after a failed post: 1, 2, 4, 8 … minutes, capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}
