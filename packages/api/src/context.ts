import type { Database } from "@samraad/db";
import type { Principal } from "@samraad/domain/access";

/** What every procedure gets: the database handle, the clock, and who is asking (null: the public). */
export type Context = {
  db: Database;
  now: () => Date;
  principal: Principal | null;
};
