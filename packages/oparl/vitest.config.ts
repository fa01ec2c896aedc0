import { databaseTestProject } from "@samraad/db/testing/vitest";

export default databaseTestProject("@samraad/oparl", { testTimeout: 180_000 });
