import { randomBytes } from "node:crypto";
import {
  type QuestionnaireMailFacts,
  questionnaireInvitationMail,
  questionnairePath,
  questionnaireReminderMail,
} from "@samraad/domain/mail";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import {
  evaluationDrafts,
  evaluationInvitationEmails,
  evaluationInvitations,
  evaluations,
  municipalities,
} from "../schema/index.ts";
import { enqueueMail } from "./email-outbox.ts";
import { insertInvitations, invitationTokenHash } from "./evaluations.ts";

/*
 * Questionnaire links sent by email. The address is kept next to the link (evaluation_invitation_emails), so a
 * reminder reaches those whose link is unused; the answers never see either table. Tokens exist in clear only
 * in the queued message, which forgets its text once sent — the database keeps their hashes, as for links
 * handed out by hand.
 */

/** An address row and the link it was sent (the link knows only whether it was used). */
const emailedLink = and(
  eq(evaluationInvitations.evaluationId, evaluationInvitationEmails.evaluationId),
  eq(evaluationInvitations.tokenHash, evaluationInvitationEmails.tokenHash),
);
const emailedFor = (municipalityId: string, evaluationId: string) =>
  and(
    eq(evaluationInvitationEmails.municipalityId, municipalityId),
    eq(evaluationInvitationEmails.evaluationId, evaluationId),
  );

const newToken = () => randomBytes(24).toString("base64url");

type Mailing = { publicUrl: string; now: Date };

async function mailFacts(tx: Db, municipalityId: string, evaluationId: string) {
  const [row] = await tx
    .select({
      evaluationTitle: evaluations.title,
      municipalityName: municipalities.name,
      closesOn: evaluations.closesOn,
      responseMode: evaluations.responseMode,
    })
    .from(evaluations)
    .innerJoin(municipalities, eq(municipalities.id, evaluations.municipalityId))
    .where(
      and(
        eq(evaluations.id, evaluationId),
        eq(evaluations.municipalityId, municipalityId),
        isNull(evaluations.deletedAt),
      ),
    );
  if (!row) throw new Error("evaluation not found");
  return (token: string, publicUrl: string): QuestionnaireMailFacts => ({
    evaluationTitle: row.evaluationTitle,
    municipalityName: row.municipalityName,
    closesOn: row.closesOn,
    anonymous: row.responseMode === "anonymous",
    link: `${publicUrl.replace(/\/$/, "")}${questionnairePath(token)}`,
  });
}

/** One new single-use link per address, the address kept beside it, and the invitation queued — in one transaction. */
export async function inviteByEmail(
  tx: Db,
  municipalityId: string,
  evaluationId: string,
  invite: { emails: string[]; label: string | null },
  mailing: Mailing,
): Promise<number> {
  const facts = await mailFacts(tx, municipalityId, evaluationId);
  const sent = invite.emails.map((email) => ({ email, token: newToken() }));
  const links = sent.map((s) => ({ ...s, tokenHash: invitationTokenHash(s.token) }));
  await insertInvitations(
    tx,
    municipalityId,
    evaluationId,
    links.map((l) => ({ tokenHash: l.tokenHash, label: invite.label })),
  );
  await tx
    .insert(evaluationInvitationEmails)
    .values(links.map((l) => ({ municipalityId, evaluationId, tokenHash: l.tokenHash, email: l.email })));
  await enqueueMail(
    tx,
    links.map((l) => ({
      municipalityId,
      kind: "evaluation.invitation",
      to: l.email,
      mail: questionnaireInvitationMail(facts(l.token, mailing.publicUrl)),
    })),
    mailing.now,
  );
  return links.length;
}

/**
 * A reminder to every emailed link that is still unused. Only the hash of a link's token is stored, so the
 * reminder carries a new token for the same link (the first email's link stops working); a link answered
 * meanwhile is left alone, as its row lock decides. Returns how many were reminded.
 */
export async function remindUnanswered(
  tx: Db,
  municipalityId: string,
  evaluationId: string,
  mailing: Mailing,
): Promise<number> {
  const facts = await mailFacts(tx, municipalityId, evaluationId);
  const waiting = await tx
    .select({ tokenHash: evaluationInvitationEmails.tokenHash, email: evaluationInvitationEmails.email })
    .from(evaluationInvitationEmails)
    .innerJoin(evaluationInvitations, emailedLink)
    .where(and(emailedFor(municipalityId, evaluationId), eq(evaluationInvitations.answered, false)));
  const reminders = [];
  for (const link of waiting) {
    const token = newToken();
    const tokenHash = invitationTokenHash(token);
    // The address row follows through ON UPDATE CASCADE.
    const rotated = await tx
      .update(evaluationInvitations)
      .set({ tokenHash })
      .where(
        and(
          eq(evaluationInvitations.evaluationId, evaluationId),
          eq(evaluationInvitations.tokenHash, link.tokenHash),
          eq(evaluationInvitations.answered, false),
        ),
      )
      .returning({ tokenHash: evaluationInvitations.tokenHash });
    if (rotated.length === 0) continue;
    // Answers saved between pages follow the link, so the reminder's link goes on where the person left off.
    await tx
      .update(evaluationDrafts)
      .set({ tokenHash })
      .where(
        and(eq(evaluationDrafts.evaluationId, evaluationId), eq(evaluationDrafts.tokenHash, link.tokenHash)),
      );
    await tx
      .update(evaluationInvitationEmails)
      .set({ remindedAt: mailing.now })
      .where(
        and(
          eq(evaluationInvitationEmails.evaluationId, evaluationId),
          eq(evaluationInvitationEmails.tokenHash, tokenHash),
        ),
      );
    reminders.push({
      municipalityId,
      kind: "evaluation.reminder",
      to: link.email,
      mail: questionnaireReminderMail(facts(token, mailing.publicUrl)),
    });
  }
  await enqueueMail(tx, reminders, mailing.now);
  return reminders.length;
}

/** How many links went out by email and how many of those are still unused — for the official's screen. */
export async function emailInvitationCounts(db: Db, municipalityId: string, evaluationId: string) {
  const [row] = await db
    .select({
      emailed: sql<number>`count(*)::int`,
      unanswered: sql<number>`(count(*) filter (where not ${evaluationInvitations.answered}))::int`,
    })
    .from(evaluationInvitationEmails)
    .innerJoin(evaluationInvitations, emailedLink)
    .where(emailedFor(municipalityId, evaluationId));
  return { emailed: row?.emailed ?? 0, unanswered: row?.unanswered ?? 0 };
}
