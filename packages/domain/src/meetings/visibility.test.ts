import { describe, expect, it } from "vitest";
import { isMeetingPublic, publicAgendaItem, publicItemView } from "./visibility.ts";

const secret = "Personfølsomme oplysninger om en navngiven borger";
const closedItem = {
  id: "item-7",
  position: 7,
  closed: true,
  title: `Klage fra ${secret}`,
  plainSummary: secret,
  summary: secret,
  caseHistory: secret,
  casePresentation: secret,
  recommendation: secret,
  guests: secret,
  decision: secret,
};
const openItem = {
  ...closedItem,
  id: "item-1",
  position: 1,
  closed: false,
  title: "Tilgængelighed på rådhuset",
};

describe("what the public sees of a meeting", () => {
  it("shows a meeting once its agenda is published, and a cancellation only if the agenda was out", () => {
    const published = new Date("2019-11-26T10:00:00Z");
    expect(isMeetingPublic({ status: "planned", agendaPublishedAt: null })).toBe(false);
    expect(isMeetingPublic({ status: "agenda_published", agendaPublishedAt: published })).toBe(true);
    expect(isMeetingPublic({ status: "held", agendaPublishedAt: published })).toBe(true);
    expect(isMeetingPublic({ status: "minutes_published", agendaPublishedAt: published })).toBe(true);
    expect(isMeetingPublic({ status: "cancelled", agendaPublishedAt: published })).toBe(true);
    expect(isMeetingPublic({ status: "cancelled", agendaPublishedAt: null })).toBe(false);
  });

  it("never lets any of a closed item's content through", () => {
    for (const status of ["agenda_published", "held", "minutes_published"] as const) {
      const view = publicItemView(closedItem, { status });
      expect(view).toEqual({ id: "item-7", position: 7, closed: true, title: "Lukket punkt" });
      expect(JSON.stringify(view)).not.toContain("Personfølsomme");
    }
    expect(JSON.stringify(publicAgendaItem(closedItem))).not.toContain("Personfølsomme");
  });

  it("shows an open item's decision only once the minutes are published", () => {
    expect(publicItemView(openItem, { status: "held" })).toMatchObject({ closed: false, decision: null });
    expect(publicItemView(openItem, { status: "minutes_published" })).toMatchObject({
      closed: false,
      title: "Tilgængelighed på rådhuset",
      decision: secret,
    });
  });

  it("does not pass on fields it does not know", () => {
    const view = publicItemView({ ...openItem, internalNote: "kun til forvaltningen" } as typeof openItem, {
      status: "minutes_published",
    });
    expect(JSON.stringify(view)).not.toContain("kun til forvaltningen");
  });
});
