export * from "./answer.ts";
export * from "./command.ts";
export * from "./reminders.ts";
export * from "./schemas.ts";
