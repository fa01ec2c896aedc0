import { describe, expect, it } from "vitest";
import { responseEditable } from "./editing.ts";

describe("editing a hearing response", () => {
  it("lets the council write a new response or change a draft", () => {
    expect(responseEditable(null).ok).toBe(true);
    expect(responseEditable("draft").ok).toBe(true);
  });

  it("refuses changes to an approved or submitted response, saying what to do", () => {
    const approved = responseEditable("approved");
    expect(approved.ok).toBe(false);
    if (!approved.ok) expect(approved.error.message.da).toMatch(/åbn det igen/);
    expect(responseEditable("submitted").ok).toBe(false);
  });
});
