import { eq } from "@samraad/db";
import { enqueueMail } from "@samraad/db/queries";
import { auditLog, emailOutbox } from "@samraad/db/schema";
import type { Principal } from "@samraad/domain/access";
import { composeMail } from "@samraad/domain/mail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../src/root.ts";
import { demoFixture, failure, outcome } from "./fixture.ts";

/*
 * The outbox's given-up messages as the municipality's administrators see them: the address masked, no text,
 * the reason in Danish and English, and "send again" queueing the stored message once.
 */

type Fixture = Awaited<ReturnType<typeof demoFixture>>;
let f: Fixture;
const now = new Date();
const mail = composeMail({
  subject: { da: "Spørgeskema: Årlig evaluering", en: "Questionnaire: Annual evaluation" },
  da: [{ link: { href: "https://samraad.example/evaluering/svar/HEMMELIGT", label: "Svar her" } }],
  en: [{ paragraph: "Answer here" }],
});

beforeAll(async () => {
  f = await demoFixture(now);
});
afterAll(() => f.close());

/** A message the worker gave up on after its attempts, written straight into the outbox. */
async function givenUp(municipalityId: string, to: string, lastError = "EENVELOPE 550") {
  await enqueueMail(f.db, [{ municipalityId, kind: "evaluation.invitation", to, mail }], now);
  const [row] = await f.db
    .update(emailOutbox)
    .set({ status: "failed", attempts: 8, lastError })
    .where(eq(emailOutbox.recipient, to))
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("no outbox row");
  return row.id;
}

/** A caller on a server that has SMTP_URL. */
const withEmail = (who: Principal) =>
  createCaller({ db: f.db, now: () => now, principal: who, email: { publicUrl: "https://samraad.example" } });

describe("email that failed for good", () => {
  it("shows Brønderslev's administrator her municipality's failed messages, masked and without their text", async () => {
    const id = await givenUp(f.broenderslev.id, "bedstemor.hansen@hotmial.com");
    await givenUp(f.randers.id, "randers-borger@example.dk");
    const { messages } = await withEmail(f.principals.adminBroenderslev).emailOutbox.failed({
      municipalityId: f.broenderslev.id,
    });
    expect(messages.map((m) => m.id)).toEqual([id]);
    const [shown] = messages;
    expect(shown).toMatchObject({
      to: "b•••@hotmial.com",
      subject: "Spørgeskema: Årlig evaluering / Questionnaire: Annual evaluation",
      kind: { da: "Spørgeskema (invitation)", en: "Questionnaire (invitation)" },
      attempts: 8,
    });
    expect(shown?.reason.da).toContain("adressen ikke findes (EENVELOPE 550)");
    expect(shown?.reason.en).toContain("the address does not exist (EENVELOPE 550)");
    const wire = JSON.stringify(messages);
    expect(wire).not.toContain("bedstemor");
    expect(wire).not.toContain("HEMMELIGT");
  });

  it("refuses the list to a secretary, a member, another municipality's administrator and the public", async () => {
    const input = { municipalityId: f.broenderslev.id };
    for (const who of [f.principals.secretary, f.principals.member, f.principals.adminRanders])
      expect(await outcome(() => withEmail(who).emailOutbox.failed(input))).toBe("FORBIDDEN");
    expect(await outcome(() => f.as(null).emailOutbox.failed(input))).toBe("UNAUTHORIZED");
  });

  it("queues a failed message again once, audited without the address, and then no longer lists it", async () => {
    const id = await givenUp(f.broenderslev.id, "mor@example.dk");
    const admin = withEmail(f.principals.adminBroenderslev);
    expect(await admin.emailOutbox.resend({ municipalityId: f.broenderslev.id, mailId: id })).toEqual({
      queued: true,
    });
    const [row] = await f.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({
      status: "pending",
      attempts: 0,
      lastError: null,
      recipient: "mor@example.dk",
    });
    const [entry] = await f.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entry?.action).toBe("email.resend");
    expect(JSON.stringify(entry)).not.toContain("mor@example.dk");
    const { messages } = await admin.emailOutbox.failed({ municipalityId: f.broenderslev.id });
    expect(messages.map((m) => m.id)).not.toContain(id);

    const again = await failure(() =>
      admin.emailOutbox.resend({ municipalityId: f.broenderslev.id, mailId: id }),
    );
    expect(again.rule).toBe("email.not_failed");
    expect(again.code).toBe("CONFLICT");
  });

  it("names a malformed id at its field in Danish and English, and changes nothing", async () => {
    const before = await f.auditCount();
    const bad = await failure(() =>
      withEmail(f.principals.adminBroenderslev).emailOutbox.resend({
        municipalityId: f.broenderslev.id,
        mailId: "ikke-et-id",
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fields).toEqual([
      { field: "mailId", code: "invalid_uuid", message: { da: "Ugyldigt id", en: "Invalid id" } },
    ]);
    expect(await f.auditCount()).toBe(before);
  });

  it("does not reach another municipality's message, nor queue anything when no mail server is set up", async () => {
    const theirs = await givenUp(f.randers.id, "far@example.dk");
    const admin = withEmail(f.principals.adminBroenderslev);
    expect(
      await outcome(() => admin.emailOutbox.resend({ municipalityId: f.broenderslev.id, mailId: theirs })),
    ).toBe("NOT_FOUND");
    const mine = await givenUp(f.broenderslev.id, "soester@example.dk");
    const off = await failure(() =>
      f
        .as(f.principals.adminBroenderslev)
        .emailOutbox.resend({ municipalityId: f.broenderslev.id, mailId: mine }),
    );
    expect(off.rule).toBe("email.not_configured");
    const rows = await f.db
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, mine));
    expect(rows).toEqual([{ status: "failed" }]);
    const [randersRow] = await f.db
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, theirs));
    expect(randersRow?.status).toBe("failed");
  });
});
