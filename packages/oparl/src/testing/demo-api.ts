import { seedDemoData } from "@samraad/db/demo";
import { createTestDatabase } from "@samraad/db/testing";
import { Hono } from "hono";
import { createOparl } from "../index.ts";

export const publicUrl = "https://samraad.example.dk";
/** Where the API answers in tests: every id and link starts with it. */
export const base = `${publicUrl}/oparl/v1`;

/** A fresh test database with the demo data, and the OParl API on it at `base`, with the clock stopped at `now`. */
export async function oparlWithDemo(now: Date) {
  const opened = await createTestDatabase();
  await seedDemoData(opened.db, now);
  const app = new Hono().route("/oparl/v1", createOparl({ db: opened.db, publicUrl, now: () => now }));
  return { db: opened.db, app, close: opened.close };
}
