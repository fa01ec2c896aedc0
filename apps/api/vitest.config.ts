import { databaseTestProject } from "@samraad/db/testing/vitest";

export default databaseTestProject("@samraad/server", { testTimeout: 30_000 });
