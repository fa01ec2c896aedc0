import { startPeriodic } from "@samraad/bot";
import type { Database } from "@samraad/db";
import {
  type ClaimedMail,
  claimDueMail,
  markMailFailed,
  markMailSent,
  purgeFailedMail,
  purgeSentMail,
} from "@samraad/db/queries";
import { retryDelayMs } from "@samraad/domain/bot";
import { KEEP_FAILED_MAIL_DAYS } from "@samraad/domain/mail";
import nodemailer, { type Transporter } from "nodemailer";

/*
 * Delivers the email outbox through SMTP_URL. The rows are written by the sign-up and the evaluation routers in
 * their own transactions; this loop only claims, sends and marks them, so a crash anywhere leaves a row to be
 * claimed again once its lock expires. Safe in any number of processes: a claim is `FOR UPDATE SKIP LOCKED`.
 * Nothing here logs an address or a message text (the text may hold a private link).
 */

export type MailWorkerDeps = {
  db: Database;
  transport: Transporter;
  /** the From header, e.g. "Samråd <noreply@kommune.dk>" */
  from: string;
  /** the host named in Message-IDs, so a message sent twice after a crash can be recognised as one */
  host: string;
  now?: () => Date;
  /** how often the loop looks for due messages */
  intervalMs?: number;
  /** how long a claim holds before another worker may take the message over (after a crash) */
  lockMs?: number;
  /** attempts before a message is marked failed */
  maxAttempts?: number;
  batchSize?: number;
  onError?: (context: string, error: unknown) => void;
};

/** A sent message's row (kind, status, times: no address, no text) is kept a month, then deleted. */
const KEEP_SENT_MS = 30 * 86_400_000;

export type MailTickResult = { sent: number; retried: number; failed: number };

/** The SMTP server's verdict without the addresses it may quote: the error code and the reply code only. */
export function smtpErrorText(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; name?: unknown };
  const code = typeof e.code === "string" ? e.code : typeof e.name === "string" ? e.name : "Error";
  return typeof e.responseCode === "number" ? `${code} ${e.responseCode}` : code;
}

async function send(deps: MailWorkerDeps, claim: ClaimedMail) {
  await deps.transport.sendMail({
    from: deps.from,
    to: claim.to,
    subject: claim.subject,
    text: claim.text,
    html: claim.html,
    messageId: `<${claim.id}@${deps.host}>`,
  });
}

/** One pass: claim due messages in batches and send each; a failure is retried with back-off, then given up. */
export async function runMailTick(deps: MailWorkerDeps): Promise<MailTickResult> {
  const now = (deps.now ?? (() => new Date()))();
  const maxAttempts = deps.maxAttempts ?? 8;
  const result: MailTickResult = { sent: 0, retried: 0, failed: 0 };
  await purgeSentMail(deps.db, new Date(now.getTime() - KEEP_SENT_MS));
  await purgeFailedMail(deps.db, new Date(now.getTime() - KEEP_FAILED_MAIL_DAYS * 86_400_000));
  for (;;) {
    const claims = await claimDueMail(deps.db, now, deps.lockMs ?? 5 * 60_000, deps.batchSize ?? 20);
    if (claims.length === 0) return result;
    for (const claim of claims) {
      try {
        await send(deps, claim);
        await markMailSent(deps.db, claim, now);
        result.sent++;
      } catch (error) {
        const last = claim.attempts >= maxAttempts;
        const retryAt = last ? null : new Date(now.getTime() + retryDelayMs(claim.attempts));
        await markMailFailed(deps.db, claim, smtpErrorText(error), retryAt);
        if (last) result.failed++;
        else result.retried++;
      }
    }
  }
}

/** The loop the server starts; `stop()` waits for a running pass, then closes the SMTP transport. */
export function startMailWorker(deps: MailWorkerDeps): { stop: () => Promise<void> } {
  const onError =
    deps.onError ?? ((context, error) => console.error(`[email] ${context}:`, smtpErrorText(error)));
  const loop = startPeriodic(
    () => runMailTick(deps),
    deps.intervalMs ?? 5_000,
    (error) => onError("tick", error),
  );
  return {
    stop: async () => {
      await loop.stop();
      deps.transport.close();
    },
  };
}

/**
 * Email for the server when SMTP_URL is set: the transport (nodemailer reads smtp:// and smtps:// URLs with
 * user, password and options) and the From address, by default noreply at the public host.
 */
export function smtpMailer(smtpUrl: string, publicUrl: string, from?: string) {
  const host = new URL(publicUrl).hostname;
  return { transport: nodemailer.createTransport(smtpUrl), from: from ?? `Samråd <noreply@${host}>`, host };
}
