export * from "./co-creation.ts";
export * from "./compose.ts";
export * from "./evaluations.ts";
export * from "./failures.ts";
