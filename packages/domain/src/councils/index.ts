export * from "./composition.ts";
export * from "./council.ts";
export * from "./membership.ts";
export * from "./new-membership.ts";
export * from "./schemas.ts";
export * from "./term.ts";
