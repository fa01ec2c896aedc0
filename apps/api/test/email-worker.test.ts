import type { Database } from "@samraad/db";
import { enqueueMail } from "@samraad/db/queries";
import { emailOutbox } from "@samraad/db/schema";
import { createTestDatabase, insertTestMunicipality } from "@samraad/db/testing";
import { composeMail } from "@samraad/domain/mail";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runMailTick } from "../src/mail/outbox-worker.ts";
import { startTestSmtpServer } from "../src/testing-smtp.ts";

/* The outbox worker on its own: several workers at once, and a mail server that keeps failing. */

let opened: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let municipalityId: string;
const now = new Date("2026-11-23T10:00:00Z");
const mail = composeMail({
  subject: { da: "Hej", en: "Hello" },
  da: [{ paragraph: "Hej" }],
  en: [{ paragraph: "Hi" }],
});

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  smtp = await startTestSmtpServer();
  municipalityId = await insertTestMunicipality(db, { slug: "worker", name: "Testkommune", code: "9999" });
});
afterAll(async () => {
  await smtp.close();
  await opened.close();
});
beforeEach(async () => {
  await db.delete(emailOutbox);
  smtp.received.length = 0;
});

const worker = (at: Date, maxAttempts?: number) => ({
  db,
  transport: nodemailer.createTransport(smtp.url),
  from: "Samråd <noreply@samraad.test>",
  host: "samraad.test",
  now: () => at,
  batchSize: 3,
  ...(maxAttempts ? { maxAttempts } : {}),
});

describe("the outbox worker", () => {
  it("sends each message once when three workers run at the same time", async () => {
    const to = Array.from({ length: 12 }, (_, i) => `p${i}@example.dk`);
    await enqueueMail(
      db,
      to.map((address) => ({ municipalityId, kind: "test", to: address, mail })),
      now,
    );
    const results = await Promise.all([
      runMailTick(worker(now)),
      runMailTick(worker(now)),
      runMailTick(worker(now)),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(smtp.received).toHaveLength(12);
    expect(to.every((address) => smtp.to(address).length === 1)).toBe(true);
    // The outbox row's id is the Message-ID, so a copy sent twice after a crash can be recognised.
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(12);
    expect(ids.every((id) => /^<[0-9a-f-]{36}@samraad\.test>$/.test(id ?? ""))).toBe(true);
  });

  it("retries with growing delays and gives up after the last attempt, keeping the failure for officials", async () => {
    smtp.failNext(100);
    await enqueueMail(db, [{ municipalityId, kind: "test", to: "down@example.dk", mail }], now);
    expect(await runMailTick(worker(now, 3))).toEqual({ sent: 0, retried: 1, failed: 0 });
    // Not again before the first delay (a minute) has passed.
    expect(await runMailTick(worker(new Date(now.getTime() + 30_000), 3))).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await runMailTick(worker(new Date(now.getTime() + 61_000), 3))).toEqual({
      sent: 0,
      retried: 1,
      failed: 0,
    });
    // The second delay is two minutes.
    expect(await runMailTick(worker(new Date(now.getTime() + 150_000), 3))).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await runMailTick(worker(new Date(now.getTime() + 182_000), 3))).toEqual({
      sent: 0,
      retried: 0,
      failed: 1,
    });
    const [row] = await db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: "failed", attempts: 3, recipient: "down@example.dk" });
    expect(row?.lastError).not.toContain("down@example.dk");
    smtp.failNext(0);
  });

  it("deletes a message given up on, address and text with it, 30 days after it was due", async () => {
    await enqueueMail(db, [{ municipalityId, kind: "test", to: "gone@example.dk", mail }], now);
    await db.update(emailOutbox).set({ status: "failed", attempts: 8, lastError: "EENVELOPE 550" });
    const day = 86_400_000;
    await runMailTick(worker(new Date(now.getTime() + 29 * day)));
    expect(await db.select({ recipient: emailOutbox.recipient }).from(emailOutbox)).toEqual([
      { recipient: "gone@example.dk" },
    ]);
    await runMailTick(worker(new Date(now.getTime() + 30 * day + 1000)));
    expect(await db.select().from(emailOutbox)).toEqual([]);
    expect(smtp.received).toHaveLength(0);
  });
});
