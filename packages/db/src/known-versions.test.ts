import { describe, expect, it } from "vitest";
import { KnownVersions } from "./known-versions.ts";

function withClock() {
  let now = 0;
  const known = new KnownVersions(1_000, () => now);
  known.listening();
  return { known, advance: (ms: number) => (now += ms) };
}

describe("the content versions a process knows", () => {
  it("trusts nothing while nobody listens for announcements", () => {
    const known = new KnownVersions(1_000, () => 0);
    known.learnt("m", 3, known.generation);
    expect(known.known("m")).toBeUndefined();
    known.listening();
    known.learnt("m", 3, known.generation);
    expect(known.known("m")).toBe(3);
  });

  it("trusts a version for a while after it was read or announced, then asks again", () => {
    const { known, advance } = withClock();
    known.learnt("m", 3, known.generation);
    advance(900);
    expect(known.known("m")).toBe(3);
    known.announced("m 3");
    advance(900);
    expect(known.known("m")).toBe(3);
    advance(200);
    expect(known.known("m")).toBeUndefined();
  });

  it("never goes back to an older version that arrives late", () => {
    const { known } = withClock();
    known.announced("m 5");
    known.learnt("m", 4, known.generation);
    expect(known.known("m")).toBe(5);
    known.announced("m 6");
    expect(known.known("m")).toBe(6);
  });

  it("forgets everything when this process writes, and keeps no read that overlapped the write", () => {
    const { known } = withClock();
    known.learnt("m", 3, known.generation);
    const readStartedAt = known.generation;
    known.statements.logQuery('update "meetings" set "title" = $1');
    expect(known.known("m")).toBeUndefined();
    known.learnt("m", 3, readStartedAt);
    expect(known.known("m")).toBeUndefined();
    known.statements.logQuery('select "content_version" from "municipalities"');
    known.learnt("m", 4, known.generation);
    expect(known.known("m")).toBe(4);
  });

  it("forgets everything when listening starts again after a lost connection", () => {
    const { known } = withClock();
    known.announced("m 3");
    known.listening();
    expect(known.known("m")).toBeUndefined();
  });

  it("ignores an announcement it cannot read", () => {
    const { known } = withClock();
    known.announced("garbage");
    known.announced("m x");
    expect(known.known("m")).toBeUndefined();
  });
});
