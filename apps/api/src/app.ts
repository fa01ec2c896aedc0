import { appRouter, type Context } from "@samraad/api";
import { createBotRoutes } from "@samraad/bot";
import type { Database, DatabaseKind } from "@samraad/db";
import { createOparl } from "@samraad/oparl";
import { createSite } from "@samraad/site";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import { mountAdmin } from "./admin.ts";
import { mountAttachments } from "./attachments.ts";
import type { Auth } from "./auth.ts";
import { mountEvaluationExport } from "./evaluation-docx.ts";
import { mountPartnershipExport } from "./partnership-docx.ts";
import { mountPartnershipInvitations } from "./partnership-invitations.ts";
import { requestPrincipal } from "./principals.ts";
import { sameOrigin } from "./same-origin.ts";

export type AppDeps = {
  db: Database;
  kind: DatabaseKind;
  auth: Auth;
  /** the public base URL, for absolute links in feeds, OParl ids and chat messages */
  publicUrl: string;
  now?: () => Date;
  /** SMTP_URL is set: sign-ups and evaluations queue email for the outbox worker */
  sendsEmail?: boolean;
  /** Slack and Teams secrets from env.ts; an endpoint whose secret is missing answers 503 */
  chat?: {
    slackSigningSecret?: string;
    slackBotToken?: string;
    slackApiUrl?: string;
    teamsWebhookSecret?: string;
  };
};

/** The whole product on one Hono app: API, sign-in, public site, admin build and bot webhooks. */
export function createApp({
  db,
  kind,
  auth,
  publicUrl,
  now = () => new Date(),
  chat = {},
  sendsEmail = false,
}: AppDeps) {
  const app = new Hono();
  const email = sendsEmail ? { publicUrl } : undefined;
  const principalOf = requestPrincipal(auth, db);

  app.get("/healthz", (c) => c.json({ status: "ok", database: kind }));

  app.use("/api/*", sameOrigin(publicUrl));
  app.use("/trpc/*", sameOrigin(publicUrl));
  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(c.req.raw));

  app.all("/trpc/*", (c) =>
    fetchRequestHandler({
      endpoint: "/trpc",
      req: c.req.raw,
      router: appRouter,
      createContext: async (): Promise<Context> => {
        return { db, now, principal: await principalOf(c.req.raw.headers), ...(email ? { email } : {}) };
      },
    }),
  );

  app.route(
    "/integrations",
    createBotRoutes({
      db,
      publicUrl,
      now,
      slack: {
        signingSecret: chat.slackSigningSecret,
        botToken: chat.slackBotToken,
        apiUrl: chat.slackApiUrl,
      },
      teams: { webhookSecret: chat.teamsWebhookSecret },
    }),
  );

  mountAttachments(app, { db, principalOf });
  mountPartnershipExport(app, { db, now, principalOf });
  mountEvaluationExport(app, { db, now, principalOf });
  mountPartnershipInvitations(app, { db, auth, now, publicUrl, principalOf });
  mountAdmin(app);

  app.route("/oparl/v1", createOparl({ db, publicUrl, now }));

  // The public site last: it answers "/" and its Danish paths (/kommuner, /moeder, /hoeringer, /bilag, /soeg),
  // and any path nobody else knows gets its Danish "Siden findes ikke" page rather than a bare 404.
  const site = createSite({ db, now, publicUrl, sendsEmail });
  app.route("/", site);
  app.notFound((c) => site.fetch(c.req.raw));

  return app;
}
