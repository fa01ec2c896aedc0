import { databaseTestProject } from "./src/testing/vitest-project.js";

export default databaseTestProject("@samraad/db");
