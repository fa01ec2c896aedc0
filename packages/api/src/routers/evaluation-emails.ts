import { emailInvitationCounts, inviteByEmail, remindUnanswered } from "@samraad/db/queries";
import { canCreateInvitations, evaluationRef } from "@samraad/domain/evaluations";
import { canSendQuestionnaire, emailInvitationsSchema, evaluationReminderSchema } from "@samraad/domain/mail";
import { localDate } from "@samraad/domain/shared";
import type { Context } from "../context.ts";
import { unwrap, violation } from "../errors.ts";
import { authedProcedure, router } from "../trpc.ts";
import { changeEvaluation, evaluationFor } from "./evaluations.ts";

/*
 * Sending a questionnaire by email (when SMTP_URL is set): one single-use link per address, and a reminder to
 * the addresses whose link is unused. Whoever may run the evaluation may do this. The audit log records how
 * many, never an address; the messages go through the outbox in the same transaction.
 */

export function emailing(ctx: Context): { publicUrl: string } {
  if (!ctx.email)
    throw violation(
      "email.not_configured",
      "Der er ikke sat en mailserver op (SMTP_URL), så der kan ikke sendes e-mail. Del linkene på anden vis.",
      "No mail server is configured (SMTP_URL), so no email can be sent. Share the links another way.",
    );
  return ctx.email;
}

export const evaluationEmailsRouter = router({
  /** Whether email can be sent, and how many emailed links are still unused. */
  status: authedProcedure.input(evaluationRef).query(async ({ ctx, input }) => {
    const e = await evaluationFor(ctx, input.evaluationId);
    return { enabled: Boolean(ctx.email), ...(await emailInvitationCounts(ctx.db, e.municipalityId, e.id)) };
  }),

  invite: authedProcedure.input(emailInvitationsSchema).mutation(async ({ ctx, input }) => {
    const e = await evaluationFor(ctx, input.evaluationId);
    unwrap(canCreateInvitations(e));
    unwrap(canSendQuestionnaire(e, localDate(ctx.now())));
    const mailing = { publicUrl: emailing(ctx).publicUrl, now: ctx.now() };
    const { count } = await changeEvaluation(ctx, e, "evaluation.invite_by_email", async (tx) => ({
      count: await inviteByEmail(
        tx,
        e.municipalityId,
        e.id,
        { emails: input.emails, label: input.label || null },
        mailing,
      ),
      label: input.label || null,
    }));
    return { invited: count };
  }),

  remind: authedProcedure.input(evaluationReminderSchema).mutation(async ({ ctx, input }) => {
    const e = await evaluationFor(ctx, input.evaluationId);
    unwrap(canSendQuestionnaire(e, localDate(ctx.now())));
    const mailing = { publicUrl: emailing(ctx).publicUrl, now: ctx.now() };
    const { count } = await changeEvaluation(ctx, e, "evaluation.remind_by_email", async (tx) => ({
      count: await remindUnanswered(tx, e.municipalityId, e.id, mailing),
    }));
    return { reminded: count };
  }),
});
