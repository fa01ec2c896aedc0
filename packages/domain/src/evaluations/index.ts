export * from "./aggregate.ts";
export * from "./criteria.ts";
export * from "./inputs.ts";
export * from "./lifecycle.ts";
export * from "./model.ts";
export * from "./questionnaire.ts";
export * from "./templates.ts";
