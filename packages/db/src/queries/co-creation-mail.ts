import {
  type SignUpMailFacts,
  signUpConfirmationMail,
  signUpReceiptPath,
  waitingListPromotionMail,
} from "@samraad/domain/mail";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../database.ts";
import {
  coCreationProcesses,
  coCreationRegistrations,
  coCreationSessions,
  municipalities,
} from "../schema/index.ts";
import { registrantColumns, sessionColumns, waitingPositionOf } from "./co-creation.ts";
import { enqueueMail } from "./email-outbox.ts";

/** Where the sign-up emails are written: on when SMTP_URL is set, with the base of the links they carry. */
export type SignUpMailing = { publicUrl: string };

async function signUpFacts(tx: Db, registrationIds: string[], publicUrl: string) {
  if (registrationIds.length === 0) return [];
  const rows = await tx
    .select({
      ...registrantColumns,
      token: coCreationRegistrations.cancelToken,
      municipalityName: municipalities.name,
      municipalitySlug: municipalities.slug,
      processTitle: coCreationProcesses.title,
      session: sessionColumns,
    })
    .from(coCreationRegistrations)
    .innerJoin(coCreationSessions, eq(coCreationSessions.id, coCreationRegistrations.sessionId))
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationSessions.processId))
    .innerJoin(municipalities, eq(municipalities.id, coCreationRegistrations.municipalityId))
    .where(inArray(coCreationRegistrations.id, registrationIds));
  const base = publicUrl.replace(/\/$/, "");
  return rows.map((r) => ({
    ...r,
    facts: {
      name: r.name,
      municipalityName: r.municipalityName,
      processTitle: r.processTitle,
      session: r.session,
      receiptUrl: `${base}${signUpReceiptPath(r.municipalitySlug, r.token)}`,
    } satisfies SignUpMailFacts,
  }));
}

/** The sign-up's confirmation (a seat, or the waiting list with the person's number), queued with the sign-up. */
export async function queueSignUpConfirmation(
  tx: Db,
  mailing: SignUpMailing,
  registrationId: string,
  now: Date,
): Promise<void> {
  const [found] = await signUpFacts(tx, [registrationId], mailing.publicUrl);
  if (!found || found.status === "cancelled") return;
  const placed =
    found.status === "waiting"
      ? { status: "waiting" as const, position: await waitingPositionOf(tx, found.sessionId, found.id) }
      : { status: "confirmed" as const };
  await enqueueMail(
    tx,
    [
      {
        municipalityId: found.municipalityId,
        kind: "co_creation.confirmation",
        to: found.email,
        mail: signUpConfirmationMail(found.facts, placed),
      },
    ],
    now,
  );
}

/** "You now have a place" to everyone a cancellation or a larger room moved up, queued in the same transaction. */
export async function queuePromotionNotices(
  tx: Db,
  mailing: SignUpMailing,
  promoted: { id: string }[],
  now: Date,
): Promise<void> {
  const found = await signUpFacts(
    tx,
    promoted.map((p) => p.id),
    mailing.publicUrl,
  );
  await enqueueMail(
    tx,
    found.map((f) => ({
      municipalityId: f.municipalityId,
      kind: "co_creation.promotion",
      to: f.email,
      mail: waitingListPromotionMail(f.facts),
    })),
    now,
  );
}
