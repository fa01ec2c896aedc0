export * from "./highlight.ts";
export * from "./visibility.ts";
