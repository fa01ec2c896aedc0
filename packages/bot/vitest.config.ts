import { databaseTestProject } from "@samraad/db/testing/vitest";

export default databaseTestProject("@samraad/bot");
