export * from "./csv.ts";
export * from "./follow-up.ts";
export * from "./lifecycle.ts";
export * from "./model.ts";
export * from "./removal.ts";
export * from "./rules.ts";
export * from "./schemas.ts";
