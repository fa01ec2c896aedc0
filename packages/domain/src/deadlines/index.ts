export * from "./deadline.ts";
export * from "./from-evaluations.ts";
export * from "./from-hearings.ts";
export * from "./from-meetings.ts";
export * from "./from-partnerships.ts";
export * from "./from-policies.ts";
export * from "./upcoming.ts";
