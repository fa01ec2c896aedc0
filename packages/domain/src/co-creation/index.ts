export * from "./process.ts";
export * from "./sessions.ts";
