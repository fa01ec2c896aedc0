import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { startReminderWorker } from "@samraad/bot";
import { isEmpty, openDatabase } from "@samraad/db";
import { seedDemoData } from "@samraad/db/demo";
import { createApp } from "./app.ts";
import { createAuth } from "./auth.ts";
import { readEnv } from "./env.ts";
import { smtpMailer, startMailWorker } from "./mail/outbox-worker.ts";
import { DEMO_PASSWORD, seedDemoAccounts } from "./users.ts";

const env = readEnv();
const opened = env.DATABASE_URL
  ? await openDatabase({ url: env.DATABASE_URL })
  : await openDatabase({ dataDir: resolve(env.SAMRAAD_DATA_DIR) });

const publicUrl = env.SAMRAAD_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
const auth = await createAuth(opened.db, publicUrl, publicUrl.startsWith("https:"));

if (env.SAMRAAD_DEMO && (await isEmpty(opened.db))) {
  const summary = await seedDemoData(opened.db, new Date());
  const accounts = await seedDemoAccounts(auth, opened.db);
  console.log(
    `Demo data: ${summary.municipalities} municipalities, ${summary.councils} councils, ${summary.meetings} meetings, ${summary.hearings} hearings.`,
  );
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"): ${accounts.join(", ")}`);
}
// Email only with SMTP_URL: without it a sign-up shows its confirmation page alone and nothing is queued.
const mailer = env.SMTP_URL ? smtpMailer(env.SMTP_URL, publicUrl, env.SMTP_FROM) : null;
const app = createApp({
  db: opened.db,
  kind: opened.kind,
  auth,
  publicUrl,
  sendsEmail: mailer !== null,
  chat: {
    ...(env.SLACK_SIGNING_SECRET ? { slackSigningSecret: env.SLACK_SIGNING_SECRET } : {}),
    ...(env.SLACK_BOT_TOKEN ? { slackBotToken: env.SLACK_BOT_TOKEN } : {}),
    slackApiUrl: env.SLACK_API_URL,
    ...(env.TEAMS_WEBHOOK_SECRET ? { teamsWebhookSecret: env.TEAMS_WEBHOOK_SECRET } : {}),
  },
});
// Reminders before deadlines; safe in every process at once (the reminder_deliveries ledger decides who sends).
const reminders = startReminderWorker({
  db: opened.db,
  publicUrl,
  slack: { botToken: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL },
});
// The email outbox; safe in every process at once (a message is claimed with FOR UPDATE SKIP LOCKED).
const mail = mailer ? startMailWorker({ db: opened.db, ...mailer }) : null;

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => {
  console.log(
    `Samråd is running at ${publicUrl} (database: ${opened.kind === "embedded" ? `embedded, ${env.SAMRAAD_DATA_DIR}` : "PostgreSQL"})`,
  );
});

async function shutdown() {
  server.close();
  await reminders.stop();
  await mail?.stop();
  await opened.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
