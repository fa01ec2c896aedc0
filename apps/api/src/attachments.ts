import { createHash } from "node:crypto";
import type { Database } from "@samraad/db";
import { findAgendaItemOwner, findHearingOwner, insertAttachment, recordAudit } from "@samraad/db/queries";
import { can, type Principal } from "@samraad/domain/access";
import { attachmentLimits, checkAttachment } from "@samraad/domain/meetings";
import type { Bilingual } from "@samraad/domain/shared";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";

const refuse = (c: Context, status: 400 | 401 | 403 | 404 | 413, message: Bilingual) =>
  c.json({ error: { message: message.da, data: { message } } }, status);

const texts = {
  unauthorized: { da: "Log ind for at fortsætte", en: "Sign in to continue" },
  forbidden: {
    da: "Det findes ikke, eller du har ikke adgang til det",
    en: "It does not exist, or you cannot see it",
  },
  noFile: { da: "Vælg en fil", en: "Choose a file" },
  tooLarge: {
    da: "Filen er for stor; bilag må højst fylde 20 MB",
    en: "The file is too large; at most 20 MB",
  },
} satisfies Record<string, Bilingual>;

/**
 * POST /api/attachments (multipart: file + agendaItemId or hearingId). The same principal resolution as
 * /trpc, the domain's type and size check, the content stored in the database with its SHA-512, and an
 * audit entry in the same transaction. /api/* already carries the same-origin (CSRF) check.
 */
export function mountAttachments(
  app: Hono,
  deps: { db: Database; principalOf: (headers: Headers) => Promise<Principal | null> },
) {
  const { db, principalOf } = deps;
  app.post(
    "/api/attachments",
    // Refuse an oversized body before reading it into memory; a little room for the multipart framing.
    bodyLimit({
      maxSize: attachmentLimits.maxBytes + 64 * 1024,
      onError: (c) => refuse(c, 413, texts.tooLarge),
    }),
    async (c) => {
      const principal = await principalOf(c.req.raw.headers);
      if (!principal) return refuse(c, 401, texts.unauthorized);

      const form = await c.req.formData().catch(() => null);
      const file = form?.get("file");
      if (!form || !(file instanceof File)) return refuse(c, 400, texts.noFile);
      const agendaItemId = form.get("agendaItemId");
      const hearingId = form.get("hearingId");
      const uuid = /^[0-9a-f-]{36}$/i;
      const owner =
        typeof agendaItemId === "string" && uuid.test(agendaItemId)
          ? await findAgendaItemOwner(db, agendaItemId)
          : typeof hearingId === "string" && uuid.test(hearingId)
            ? await findHearingOwner(db, hearingId)
            : null;
      if (!owner || !can(principal, "council.edit", owner)) return refuse(c, 403, texts.forbidden);

      const checked = checkAttachment({ fileName: file.name, mimeType: file.type, size: file.size });
      if (!checked.ok)
        return refuse(c, checked.error.code === "attachment.too_large" ? 413 : 400, checked.error.message);

      const content = new Uint8Array(await file.arrayBuffer());
      const sha512 = createHash("sha512").update(content).digest("hex");
      const saved = await db.transaction(async (tx) => {
        const row = await insertAttachment(tx, owner.municipalityId, {
          agendaItemId: typeof agendaItemId === "string" && agendaItemId ? agendaItemId : null,
          hearingId: typeof agendaItemId === "string" && agendaItemId ? null : String(hearingId),
          fileName: checked.value.fileName,
          mimeType: checked.value.mimeType,
          size: content.byteLength,
          sha512,
          content,
        });
        await recordAudit(tx, {
          municipalityId: owner.municipalityId,
          actor: { userId: principal.userId, name: principal.name },
          action: "attachment.add",
          entityType: "attachment",
          entityId: row.id,
          after: row,
        });
        return row;
      });
      return c.json(saved, 201);
    },
  );
}
