/** Types for clients (the admin app): the router's shape, nothing that runs on the server. */
export type { AppRouter } from "./root.ts";
