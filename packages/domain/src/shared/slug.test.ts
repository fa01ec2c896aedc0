import { describe, expect, it } from "vitest";
import { slugify } from "./slug.ts";

describe("URL names", () => {
  it("spells out Danish letters the way Danish URLs do", () => {
    expect(slugify("Brønderslev Kommune")).toBe("broenderslev-kommune");
    expect(slugify("Handicaprådet")).toBe("handicapraadet");
    expect(slugify("Ældrerådet")).toBe("aeldreraadet");
    expect(slugify("Vallensbæk")).toBe("vallensbaek");
  });

  it("never gives an empty segment", () => {
    expect(slugify("!!!")).toBe("raad");
  });
});
