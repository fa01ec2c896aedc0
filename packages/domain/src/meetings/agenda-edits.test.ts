import { describe, expect, it } from "vitest";
import { agendaEditable, checkReorder, decisionsEditable } from "./agenda-edits.ts";

describe("editing an agenda", () => {
  it("locks the agenda once the minutes are published or the meeting is cancelled", () => {
    expect(agendaEditable("planned").ok).toBe(true);
    expect(agendaEditable("agenda_published").ok).toBe(true);
    expect(agendaEditable("held").ok).toBe(true);
    const locked = agendaEditable("minutes_published");
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.code).toBe("agenda.locked");
    expect(agendaEditable("cancelled").ok).toBe(false);
  });

  it("takes decisions only between publishing the agenda and publishing the minutes", () => {
    expect(decisionsEditable("planned").ok).toBe(false);
    expect(decisionsEditable("agenda_published").ok).toBe(true);
    expect(decisionsEditable("held").ok).toBe(true);
    expect(decisionsEditable("minutes_published").ok).toBe(false);
  });

  it("accepts a new order only when it names every item exactly once", () => {
    expect(checkReorder(["a", "b", "c"], ["c", "a", "b"]).ok).toBe(true);
    expect(checkReorder(["a", "b", "c"], ["a", "b"]).ok).toBe(false);
    expect(checkReorder(["a", "b", "c"], ["a", "b", "b"]).ok).toBe(false);
    expect(checkReorder(["a", "b", "c"], ["a", "b", "x"]).ok).toBe(false);
  });
});
