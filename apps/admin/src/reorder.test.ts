import { describe, expect, it } from "vitest";
import { moveItem } from "./reorder.ts";

describe("moving an agenda item", () => {
  it("moves an item up and down one place (the keyboard's Flyt op / Flyt ned)", () => {
    expect(moveItem(["a", "b", "c"], "b", 0)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], "b", 2)).toEqual(["a", "c", "b"]);
  });

  it("drops a dragged item on another item's place", () => {
    expect(moveItem(["a", "b", "c", "d"], "d", 1)).toEqual(["a", "d", "b", "c"]);
    expect(moveItem(["a", "b", "c", "d"], "a", 3)).toEqual(["b", "c", "d", "a"]);
  });

  it("changes nothing past the ends or for an unknown item", () => {
    expect(moveItem(["a", "b"], "a", -1)).toBeNull();
    expect(moveItem(["a", "b"], "b", 5)).toBeNull();
    expect(moveItem(["a", "b"], "x", 0)).toBeNull();
  });
});
