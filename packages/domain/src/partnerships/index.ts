export * from "./agreement-kinds.ts";
export * from "./lifecycle.ts";
export * from "./model.ts";
export * from "./schemas.ts";
export * from "./signing.ts";
export * from "./steering.ts";
export * from "./work-schedule.ts";
export * from "./workflow.ts";
