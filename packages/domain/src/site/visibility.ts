import type { MeetingStatus } from "../meetings/status.ts";
import { isMeetingPublic } from "../meetings/visibility.ts";

/** Where an attachment hangs: an agenda item of a meeting, or a hearing. Absent parents are null. */
export type AttachmentOwner = {
  item: { closed: boolean; deleted: boolean } | null;
  meeting: { status: MeetingStatus; agendaPublishedAt: Date | null; deleted: boolean } | null;
  hearing: { public: boolean; deleted: boolean } | null;
};

/**
 * The public may download a document only when everything above it is public: an open item on a public
 * meeting, or a public hearing. A document with no parent is an internal upload and stays internal.
 */
export function isAttachmentPublic(owner: AttachmentOwner): boolean {
  if (owner.item) {
    return (
      !owner.item.closed &&
      !owner.item.deleted &&
      owner.meeting !== null &&
      !owner.meeting.deleted &&
      isMeetingPublic(owner.meeting)
    );
  }
  if (owner.hearing) return owner.hearing.public && !owner.hearing.deleted;
  return false;
}
