import { fail, ok, type Result } from "../shared/result.ts";
import type { MeetingStatus } from "./status.ts";

/**
 * Items can be added and edited until the minutes are published; after the agenda is published a new
 * item lands on the supplementary agenda. Decisions are recorded once the meeting is under way: from
 * agenda publication (decisions are drafted during the meeting) until the minutes are published.
 */
export function agendaEditable(status: MeetingStatus): Result<null> {
  if (status === "minutes_published") {
    return fail(
      "agenda.locked",
      "Referatet er offentliggjort; dagsordenen kan ikke længere ændres",
      "The minutes are published; the agenda can no longer be changed",
    );
  }
  if (status === "cancelled") {
    return fail(
      "agenda.locked",
      "Mødet er aflyst; dagsordenen kan ikke ændres",
      "The meeting is cancelled; the agenda cannot be changed",
    );
  }
  return ok(null);
}

export function decisionsEditable(status: MeetingStatus): Result<null> {
  if (status === "agenda_published" || status === "held") return ok(null);
  return fail(
    "agenda.decisions_closed",
    status === "planned"
      ? "Beslutninger kan først skrives, når dagsordenen er offentliggjort"
      : "Beslutninger kan ikke længere ændres",
    status === "planned"
      ? "Decisions can be recorded once the agenda is published"
      : "Decisions can no longer be changed",
  );
}

/** A new order must name every item of the agenda exactly once. */
export function checkReorder(currentIds: string[], newOrder: string[]): Result<null> {
  const current = new Set(currentIds);
  const same =
    newOrder.length === current.size &&
    new Set(newOrder).size === newOrder.length &&
    newOrder.every((id) => current.has(id));
  return same
    ? ok(null)
    : fail(
        "agenda.reorder_mismatch",
        "Den nye rækkefølge skal indeholde hvert punkt på dagsordenen præcis én gang",
        "The new order must contain every item of the agenda exactly once",
      );
}
