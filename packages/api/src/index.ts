export type { Context } from "./context.ts";
export { RuleViolation } from "./errors.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";
