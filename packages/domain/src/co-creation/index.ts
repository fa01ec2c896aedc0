export * from "./process.ts";
export * from "./sessions.ts";
export * from "./ballot.ts";
export * from "./ballot-codes.ts";
export * from "./budget-vote.ts";
export * from "./eligibility.ts";
export * from "./ideas.ts";
export * from "./winners.ts";
