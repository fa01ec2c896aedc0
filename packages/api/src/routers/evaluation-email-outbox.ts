import { findOutboxMail, listFailedMail, requeueFailedMail } from "@samraad/db/queries";
import {
  canResendMail,
  failedMailListSchema,
  failureReason,
  mailKindText,
  maskAddress,
  resendMailSchema,
} from "@samraad/domain/mail";
import { notFound, unwrap } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, router } from "../trpc.ts";
import { emailing } from "./evaluation-emails.ts";

/*
 * Email the outbox worker gave up on (all kinds: sign-up confirmations, waiting-list places, questionnaire
 * invitations and reminders), for the municipality's administrators: an outbox row names no council, and the
 * audit log's readers are the ones who answer for the mail server. The address leaves the API masked and the
 * text not at all (why: packages/domain/src/mail/failures.ts). The audit log records the message id and kind.
 */

export const emailOutboxRouter = router({
  failed: authedProcedure.input(failedMailListSchema).query(async ({ ctx, input }) => {
    authorize(ctx, "municipality.administer", { municipalityId: input.municipalityId });
    const rows = await listFailedMail(ctx.db, input.municipalityId);
    return {
      enabled: Boolean(ctx.email),
      messages: rows.map((r) => ({
        id: r.id,
        kind: mailKindText(r.kind),
        to: maskAddress(r.recipient),
        subject: r.subject,
        attempts: r.attempts,
        reason: failureReason(r.lastError),
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }),

  resend: authedProcedure.input(resendMailSchema).mutation(async ({ ctx, input }) => {
    authorize(ctx, "municipality.administer", { municipalityId: input.municipalityId });
    const mail = await findOutboxMail(ctx.db, input.municipalityId, input.mailId);
    if (!mail) throw notFound();
    unwrap(canResendMail(mail));
    emailing(ctx);
    await change(ctx, input.municipalityId, async (tx, audit) => {
      if (!(await requeueFailedMail(tx, input.municipalityId, mail.id, ctx.now()))) {
        // Another official pressed it first: judged again on the row as it is now.
        unwrap(canResendMail((await findOutboxMail(tx, input.municipalityId, mail.id)) ?? mail));
      }
      await audit({
        action: "email.resend",
        entityType: "email",
        entityId: mail.id,
        after: { kind: mail.kind },
      });
    });
    return { queued: true };
  }),
});
