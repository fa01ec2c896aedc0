import { agendaRouter } from "./routers/agenda.ts";
import { auditRouter } from "./routers/audit.ts";
import { coCreationRouter } from "./routers/co-creation.ts";
import { coCreationOidcRouter } from "./routers/co-creation-oidc.ts";
import { coCreationOutcomeRouter } from "./routers/co-creation-outcome.ts";
import { coCreationVotesRouter } from "./routers/co-creation-votes.ts";
import { councilsRouter } from "./routers/councils.ts";
import { deadlinesRouter } from "./routers/deadlines.ts";
import { emailOutboxRouter } from "./routers/evaluation-email-outbox.ts";
import { evaluationEmailsRouter } from "./routers/evaluation-emails.ts";
import { evaluationsRouter } from "./routers/evaluations.ts";
import { hearingsRouter } from "./routers/hearings.ts";
import { integrationsRouter } from "./routers/integrations.ts";
import { meetingsRouter } from "./routers/meetings.ts";
import { membersRouter } from "./routers/members.ts";
import { municipalitiesRouter } from "./routers/municipalities.ts";
import { partnershipsRouter } from "./routers/partnerships.ts";
import { policyRouter } from "./routers/policy.ts";
import { sessionRouter } from "./routers/session.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  municipalities: municipalitiesRouter,
  councils: councilsRouter,
  members: membersRouter,
  meetings: meetingsRouter,
  agenda: agendaRouter,
  hearings: hearingsRouter,
  deadlines: deadlinesRouter,
  audit: auditRouter,
  integrations: integrationsRouter,
  policy: policyRouter,
  partnerships: partnershipsRouter,
  session: sessionRouter,
  coCreation: coCreationRouter,
  coCreationOidc: coCreationOidcRouter,
  coCreationOutcome: coCreationOutcomeRouter,
  coCreationVotes: coCreationVotesRouter,
  evaluations: evaluationsRouter,
  evaluationEmails: evaluationEmailsRouter,
  emailOutbox: emailOutboxRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
