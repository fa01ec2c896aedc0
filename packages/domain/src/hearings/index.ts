export * from "./editing.ts";
export * from "./response.ts";
export * from "./schemas.ts";
