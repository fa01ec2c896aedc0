export { type AnswerContext, answerCommand, type BotReply } from "./answer.ts";
export { startPeriodic } from "./periodic.ts";
export {
  type ReminderWorkerDeps,
  runReminderTick,
  startReminderWorker,
  type TickResult,
} from "./reminders.ts";
export { type BotDeps, createBotRoutes } from "./routes.ts";
export { verifySlackSignature, verifyTeamsSignature } from "./verify.ts";
