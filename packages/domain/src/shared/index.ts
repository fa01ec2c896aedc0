export * from "./calendar.ts";
export * from "./danish-holidays.ts";
export * from "./format.ts";
export * from "./messages.ts";
export * from "./result.ts";
export * from "./schemas.ts";
export * from "./slug.ts";
export * from "./types.ts";
