import { describe, expect, it } from "vitest";
import { actionRemoval, focusAreaRemoval, goalRemoval } from "./removal.ts";

describe("removing parts of a plan", () => {
  it("given an empty focus area, when removed, then it may go", () => {
    expect(focusAreaRemoval({ goals: 0, actions: 0 }).ok).toBe(true);
  });

  it("given a focus area with goals and actions, when removed, then it is refused naming what is left, in Danish and English", () => {
    const result = focusAreaRemoval({ goals: 2, actions: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("policy.removal.focus_area_not_empty");
    expect(result.error.message.da).toBe(
      "Fokusområdet har 2 mål og 1 handling. Fjern eller flyt dem først, før fokusområdet kan fjernes",
    );
    expect(result.error.message.en).toContain("2 goals and 1 action");
  });

  it("given a focus area with only actions, when removed, then it is refused too", () => {
    const result = focusAreaRemoval({ goals: 0, actions: 3 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.da).toContain("3 handlinger");
  });

  it("given a goal no action serves, when removed, then it may go; with actions it is refused", () => {
    expect(goalRemoval({ actions: 0 }).ok).toBe(true);
    const refused = goalRemoval({ actions: 1 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message.da).toContain("Målet har 1 handling");
  });

  it("given an action with reported progress, when removed, then it is refused and dropping is suggested", () => {
    expect(actionRemoval({ progressUpdates: 0 }).ok).toBe(true);
    const refused = actionRemoval({ progressUpdates: 2 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe("policy.removal.action_has_progress");
      expect(refused.error.message.da).toContain("opgivet");
    }
  });
});
