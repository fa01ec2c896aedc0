import type { Db } from "../database.ts";
import { attachments } from "../schema/index.ts";

export type AttachmentValues = {
  agendaItemId: string | null;
  hearingId: string | null;
  fileName: string;
  mimeType: string;
  size: number;
  sha512: string;
  content: Uint8Array;
};

/** Stores an uploaded file in the database itself, so one backup holds everything; returns its metadata. */
export async function insertAttachment(db: Db, municipalityId: string, values: AttachmentValues) {
  const [row] = await db
    .insert(attachments)
    .values({ municipalityId, ...values })
    .returning({
      id: attachments.id,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      sha512: attachments.sha512,
    });
  if (!row) throw new Error("insert returned no row");
  return row;
}
