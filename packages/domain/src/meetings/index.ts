export * from "./agenda-edits.ts";
export * from "./attachments.ts";
export * from "./lifecycle.ts";
export * from "./schemas.ts";
export * from "./status.ts";
export * from "./timing.ts";
export * from "./visibility.ts";
