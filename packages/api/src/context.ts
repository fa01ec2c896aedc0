import type { Database } from "@samraad/db";
import type { Principal } from "@samraad/domain/access";

/** What every procedure gets: the database handle, the clock, and who is asking (null: the public). */
export type Context = {
  db: Database;
  now: () => Date;
  principal: Principal | null;
  /** set when SMTP_URL is: mutations then queue email (outbox) with links under this base URL */
  email?: { publicUrl: string };
};
