import type { Bilingual } from "../shared/types.ts";
import type { MeetingStatus } from "./status.ts";

/*
 * The rule: closed items and drafts never reach the public. These functions are the only way a meeting or an
 * item should be turned into something the public site, the iCal feed or the bot shows.
 */

/**
 * A meeting is public once its agenda is out. A cancelled meeting whose agenda was published stays public so
 * citizens see the cancellation; one cancelled while still being planned never was public.
 */
export function isMeetingPublic(meeting: { status: MeetingStatus; agendaPublishedAt: Date | null }): boolean {
  switch (meeting.status) {
    case "planned":
      return false;
    case "agenda_published":
    case "held":
    case "minutes_published":
      return true;
    case "cancelled":
      return meeting.agendaPublishedAt !== null;
  }
}

export const closedItemTitle: Bilingual = { da: "Lukket punkt", en: "Closed item" };

export type AgendaItemRecord = {
  id: string;
  position: number;
  title: string;
  closed: boolean;
  plainSummary?: string | null;
  summary?: string | null;
  caseHistory?: string | null;
  casePresentation?: string | null;
  recommendation?: string | null;
  guests?: string | null;
  decision?: string | null;
};

export type ClosedItemView = { id: string; position: number; closed: true; title: string };

export type OpenItemView = {
  id: string;
  position: number;
  closed: false;
  title: string;
  plainSummary: string | null;
  summary: string | null;
  caseHistory: string | null;
  casePresentation: string | null;
  recommendation: string | null;
  guests: string | null;
  /** Only once the minutes are published; before that a decision is a draft. */
  decision: string | null;
};

export type PublicItemView = ClosedItemView | OpenItemView;

/** What the public may see of an item. A closed item shows its place on the agenda and nothing else. */
export function publicItemView(item: AgendaItemRecord, meeting: { status: MeetingStatus }): PublicItemView {
  if (item.closed) {
    // Built field by field, never by spreading the item, so no new column can leak.
    return { id: item.id, position: item.position, closed: true, title: closedItemTitle.da };
  }
  return {
    id: item.id,
    position: item.position,
    closed: false,
    title: item.title,
    plainSummary: item.plainSummary ?? null,
    summary: item.summary ?? null,
    caseHistory: item.caseHistory ?? null,
    casePresentation: item.casePresentation ?? null,
    recommendation: item.recommendation ?? null,
    guests: item.guests ?? null,
    decision: meeting.status === "minutes_published" ? (item.decision ?? null) : null,
  };
}

/** The agenda view of an item (no decisions): the same as `publicItemView` before minutes are published. */
export function publicAgendaItem(item: AgendaItemRecord): PublicItemView {
  return publicItemView(item, { status: "agenda_published" });
}
