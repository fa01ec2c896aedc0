import { describe, expect, it } from "vitest";
import { splitHighlight } from "./highlight.ts";
import { type AttachmentOwner, isAttachmentPublic } from "./visibility.ts";

const published = {
  status: "minutes_published" as const,
  agendaPublishedAt: new Date("2019-11-26T11:00:00Z"),
  deleted: false,
};
const openItem = { closed: false, deleted: false };

describe("who may download an attachment", () => {
  const owner = (o: Partial<AttachmentOwner>): AttachmentOwner => ({
    item: null,
    meeting: null,
    hearing: null,
    ...o,
  });

  it("serves a document of an open item on a published meeting", () => {
    expect(isAttachmentPublic(owner({ item: openItem, meeting: published }))).toBe(true);
  });

  it("withholds a document of a closed item even after the minutes are published", () => {
    expect(isAttachmentPublic(owner({ item: { closed: true, deleted: false }, meeting: published }))).toBe(
      false,
    );
  });

  it("withholds a document while the meeting's agenda is unpublished", () => {
    const planned = { status: "planned" as const, agendaPublishedAt: null, deleted: false };
    expect(isAttachmentPublic(owner({ item: openItem, meeting: planned }))).toBe(false);
  });

  it("withholds a document of a deleted item or meeting", () => {
    expect(isAttachmentPublic(owner({ item: { closed: false, deleted: true }, meeting: published }))).toBe(
      false,
    );
    expect(isAttachmentPublic(owner({ item: openItem, meeting: { ...published, deleted: true } }))).toBe(
      false,
    );
  });

  it("serves a public hearing's documents but not an internal hearing's", () => {
    expect(isAttachmentPublic(owner({ hearing: { public: true, deleted: false } }))).toBe(true);
    expect(isAttachmentPublic(owner({ hearing: { public: false, deleted: false } }))).toBe(false);
  });

  it("withholds a document with no item and no hearing", () => {
    expect(isAttachmentPublic(owner({}))).toBe(false);
  });
});

describe("search excerpts", () => {
  const marks = { start: "[", stop: "]" };
  it("splits an excerpt into plain and matched runs", () => {
    expect(splitHighlight("om [tilgængelighed] på [rådhuset] i dag", marks)).toEqual([
      { text: "om ", match: false },
      { text: "tilgængelighed", match: true },
      { text: " på ", match: false },
      { text: "rådhuset", match: true },
      { text: " i dag", match: false },
    ]);
  });
  it("keeps text without matches as one plain run, and tolerates an unclosed mark", () => {
    expect(splitHighlight("ingen træf", marks)).toEqual([{ text: "ingen træf", match: false }]);
    expect(splitHighlight("a [b", marks)).toEqual([
      { text: "a ", match: false },
      { text: "b", match: true },
    ]);
  });
});
