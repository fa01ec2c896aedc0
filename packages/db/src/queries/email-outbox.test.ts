import { parentCourseQuestionnaire } from "@samraad/domain/evaluations";
import { composeMail } from "@samraad/domain/mail";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.ts";
import type { OpenedDatabase } from "../open.ts";
import { coCreationProcesses, emailOutbox, evaluationDrafts } from "../schema/index.ts";
import { createTestDatabase, insertTestMunicipality, rowsOf } from "../testing/index.ts";
import {
  claimDueMail,
  enqueueMail,
  findOutboxMail,
  listFailedMail,
  markMailFailed,
  markMailSent,
  purgeSentMail,
  requeueFailedMail,
} from "./email-outbox.ts";
import { emailInvitationCounts, inviteByEmail, remindUnanswered } from "./evaluation-mail.ts";
import {
  findInvitation,
  insertEvaluation,
  invitationTokenHash,
  listResponses,
  sealResponses,
  submitResponse,
} from "./evaluations.ts";

let opened: OpenedDatabase;
let db: Database;
let municipalityId: string;
const now = new Date("2026-09-01T08:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const mail = composeMail({
  subject: { da: "Hej", en: "Hello" },
  da: [{ paragraph: "Hej" }],
  en: [{ paragraph: "Hi" }],
});

beforeAll(async () => {
  opened = await createTestDatabase();
  db = opened.db;
  municipalityId = await insertTestMunicipality(db, {
    slug: "randers-mail",
    name: "Randers Kommune",
    code: "0730",
  });
});
afterAll(() => opened.close());

const clearOutbox = () => db.delete(emailOutbox);
const outbox = () => db.select().from(emailOutbox);

describe("the email outbox", () => {
  it("gives each message to exactly one of many workers claiming at once", async () => {
    await clearOutbox();
    await enqueueMail(
      db,
      Array.from({ length: 30 }, (_, i) => ({ municipalityId, kind: "test", to: `p${i}@example.dk`, mail })),
      now,
    );
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimDueMail(db, now, 60_000, 10)));
    const ids = claims.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Whatever the first round left (a pool may have served some claims later) is claimed by the next.
    const rest = await claimDueMail(db, now, 60_000, 100);
    expect(ids.length + rest.length).toBe(30);
    expect(await claimDueMail(db, now, 60_000, 100)).toEqual([]);
  });

  it("forgets the address and the text once sent, and retries a failure after its delay", async () => {
    await clearOutbox();
    await enqueueMail(db, [{ municipalityId, kind: "test", to: "else@example.dk", mail }], now);
    const [first] = await claimDueMail(db, now, 60_000, 10);
    if (!first) throw new Error("nothing claimed");
    expect(first).toMatchObject({ to: "else@example.dk", subject: "Hej / Hello", attempts: 1 });
    await markMailFailed(db, first, "connection refused", later(60_000));
    expect(await claimDueMail(db, later(30_000), 60_000, 10)).toEqual([]);
    const [second] = await claimDueMail(db, later(61_000), 60_000, 10);
    expect(second?.attempts).toBe(2);
    if (!second) throw new Error("not retried");
    // A worker whose claim was taken over cannot finish the row.
    await markMailSent(db, first, later(62_000));
    expect((await outbox())[0]?.status).toBe("sending");
    await markMailSent(db, second, later(62_000));
    const [row] = await outbox();
    expect(row).toMatchObject({
      status: "sent",
      recipient: null,
      textBody: null,
      htmlBody: null,
      attempts: 2,
    });
    // Some time after sending, even that row goes.
    expect(await purgeSentMail(db, later(62_000))).toBe(0);
    expect(await purgeSentMail(db, later(62_001))).toBe(1);
  });

  it("takes over a claim whose worker died once its lock has expired, and gives up after the last attempt", async () => {
    await clearOutbox();
    await enqueueMail(db, [{ municipalityId, kind: "test", to: "a@example.dk", mail }], now);
    expect(await claimDueMail(db, now, 60_000, 10)).toHaveLength(1);
    expect(await claimDueMail(db, later(30_000), 60_000, 10)).toHaveLength(0);
    const [taken] = await claimDueMail(db, later(61_000), 60_000, 10);
    if (!taken) throw new Error("not taken over");
    await markMailFailed(db, taken, "550 mailbox unavailable", null);
    expect((await outbox())[0]).toMatchObject({ status: "failed", lastError: "550 mailbox unavailable" });
    expect(await claimDueMail(db, later(86_400_000), 60_000, 10)).toEqual([]);
  });

  it("lists a municipality's given-up messages without their text, and queues one again only once", async () => {
    await clearOutbox();
    const otherId = await insertTestMunicipality(db, {
      slug: "viborg-mail",
      name: "Viborg Kommune",
      code: "0791",
    });
    await enqueueMail(
      db,
      [
        { municipalityId, kind: "evaluation.invitation", to: "mor@example.dk", mail },
        { municipalityId: otherId, kind: "evaluation.invitation", to: "far@example.dk", mail },
      ],
      now,
    );
    for (const claim of await claimDueMail(db, now, 60_000, 10))
      await markMailFailed(db, claim, "EENVELOPE 550", null);
    const failed = await listFailedMail(db, municipalityId);
    expect(failed).toHaveLength(1);
    const [row] = failed;
    if (!row) throw new Error("no failed mail");
    expect(Object.keys(row).sort()).toEqual(
      ["attempts", "createdAt", "id", "kind", "lastError", "recipient", "subject"].sort(),
    );
    expect(row).toMatchObject({ recipient: "mor@example.dk", lastError: "EENVELOPE 550", attempts: 1 });
    // Another municipality's message is neither found nor queued through this one.
    const [theirs] = await listFailedMail(db, otherId);
    if (!theirs) throw new Error("no failed mail in the other municipality");
    expect(await findOutboxMail(db, municipalityId, theirs.id)).toBeNull();
    expect(await requeueFailedMail(db, municipalityId, theirs.id, later(1000))).toBe(false);

    expect(await requeueFailedMail(db, municipalityId, row.id, later(1000))).toBe(true);
    expect(await requeueFailedMail(db, municipalityId, row.id, later(1000))).toBe(false);
    expect(await findOutboxMail(db, municipalityId, row.id)).toMatchObject({ status: "pending" });
    expect(await listFailedMail(db, municipalityId)).toEqual([]);
    const [again] = await claimDueMail(db, later(1000), 60_000, 10);
    expect(again).toMatchObject({ id: row.id, to: "mor@example.dk", attempts: 1 });
  });
});

describe("questionnaire links sent by email", () => {
  let evaluationId: string;
  const mailing = { publicUrl: "https://samraad.example/", now };
  const tokenIn = (text: string) => /\/evaluering\/svar\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? "";

  beforeAll(async () => {
    const [p] = await db
      .insert(coCreationProcesses)
      .values({ municipalityId, slug: "mail", title: "Forløb", purpose: "Formål" })
      .returning({ id: coCreationProcesses.id });
    evaluationId = await insertEvaluation(db, municipalityId, {
      councilId: null,
      subjectType: "co_creation_process",
      subjectId: p?.id ?? "",
      kind: "process_evaluation",
      title: "Forældrekurset 2026",
      periodStart: "2026-01-01",
      periodEnd: "2026-08-31",
      status: "collecting",
      responsibles: { sendsQuestionnaire: "Sekretær", chasesAnswers: "Sekretær", writesSummary: "Formand" },
      questionnaire: parentCourseQuestionnaire,
      closesOn: "2026-09-30",
    });
  });

  it("give each address its own working link, and remind only those whose link is unused", async () => {
    await clearOutbox();
    const emails = ["a@example.dk", "b@example.dk", "c@example.dk"];
    await db.transaction((tx) =>
      inviteByEmail(tx, municipalityId, evaluationId, { emails, label: "Forældre" }, mailing),
    );
    const invitations = await outbox();
    expect(invitations.map((m) => m.recipient).sort()).toEqual(emails);
    const tokens = new Map(invitations.map((m) => [m.recipient, tokenIn(m.textBody ?? "")]));
    expect(new Set(tokens.values()).size).toBe(3);
    for (const token of tokens.values())
      expect(await findInvitation(db, invitationTokenHash(token))).toMatchObject({ answered: false });

    const answer = { overall: 4 };
    expect(
      await db.transaction((tx) =>
        submitResponse(
          tx,
          municipalityId,
          evaluationId,
          invitationTokenHash(tokens.get("b@example.dk") ?? ""),
          answer,
          null,
        ),
      ),
    ).toBe("counted");

    // c has answered the first page of a long questionnaire.
    await db.insert(evaluationDrafts).values({
      municipalityId,
      evaluationId,
      tokenHash: invitationTokenHash(tokens.get("c@example.dk") ?? ""),
      answers: { overall: 3 },
      page: 2,
    });

    await clearOutbox();
    const reminded = await db.transaction((tx) =>
      remindUnanswered(tx, municipalityId, evaluationId, { ...mailing, now: later(86_400_000) }),
    );
    expect(reminded).toBe(2);
    const reminders = await outbox();
    expect(reminders.map((m) => m.recipient).sort()).toEqual(["a@example.dk", "c@example.dk"]);
    expect(reminders.every((m) => m.kind === "evaluation.reminder")).toBe(true);
    for (const m of reminders) {
      const fresh = tokenIn(m.textBody ?? "");
      // The reminder's link works; the first email's link for the same person no longer does.
      expect(await findInvitation(db, invitationTokenHash(fresh))).toMatchObject({ answered: false });
      expect(await findInvitation(db, invitationTokenHash(tokens.get(m.recipient ?? "") ?? ""))).toBeNull();
    }
    // Her saved answers follow the new link.
    const cReminder = reminders.find((m) => m.recipient === "c@example.dk");
    const drafts = await db.select().from(evaluationDrafts);
    expect(drafts.map((d) => d.tokenHash)).toEqual([invitationTokenHash(tokenIn(cReminder?.textBody ?? ""))]);
    expect(await emailInvitationCounts(db, municipalityId, evaluationId)).toEqual({
      emailed: 3,
      unanswered: 2,
    });
    expect(await listResponses(db, municipalityId, evaluationId)).toHaveLength(1);
  });

  it("are forgotten when the evaluation is concluded and its answers sealed", async () => {
    expect((await emailInvitationCounts(db, municipalityId, evaluationId)).emailed).toBeGreaterThan(0);
    await db.transaction((tx) => sealResponses(tx, municipalityId, evaluationId));
    expect(await emailInvitationCounts(db, municipalityId, evaluationId)).toEqual({
      emailed: 0,
      unanswered: 0,
    });
    await clearOutbox();
    expect(await db.transaction((tx) => remindUnanswered(tx, municipalityId, evaluationId, mailing))).toBe(0);
    expect(await outbox()).toEqual([]);
  });

  it("keep the addresses out of reach of the answers: no shared column but the evaluation, no key to an answer", async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await db.execute(sql`select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and table_name in ('evaluation_invitation_emails', 'evaluation_responses', 'email_outbox')`),
    );
    const of = (t: string) => columns.filter((c) => c.table_name === t).map((c) => c.column_name);
    const shared = of("evaluation_invitation_emails").filter((c) => of("evaluation_responses").includes(c));
    expect(shared.sort()).toEqual(["evaluation_id", "municipality_id"]);
    // The outbox names no evaluation, link or answer at all.
    expect(of("email_outbox").filter((c) => /evaluation|token|response|answer/.test(c))).toEqual([]);
    const edges = rowsOf<{ from_table: string; to_table: string }>(
      await db.execute(sql`select distinct tc.table_name as from_table, ccu.table_name as to_table
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_name in ('evaluation_invitation_emails', 'email_outbox')`),
    );
    expect(edges.map((e) => `${e.from_table}->${e.to_table}`).sort()).toEqual([
      "email_outbox->municipalities",
      "evaluation_invitation_emails->evaluation_invitations",
      "evaluation_invitation_emails->evaluations",
      "evaluation_invitation_emails->municipalities",
    ]);
    const toResponses = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from information_schema.constraint_column_usage ccu
        join information_schema.table_constraints tc on tc.constraint_name = ccu.constraint_name
        where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = 'evaluation_responses'`),
    );
    expect(toResponses[0]?.n).toBe(0);
  });

  it("keep nothing in clear once sent: a sent invitation's text (and its token) is gone", async () => {
    await clearOutbox();
    await db.transaction((tx) =>
      inviteByEmail(tx, municipalityId, evaluationId, { emails: ["d@example.dk"], label: null }, mailing),
    );
    const [claim] = await claimDueMail(db, now, 60_000, 10);
    if (!claim) throw new Error("nothing claimed");
    await markMailSent(db, claim, now);
    const dump = JSON.stringify(await db.select().from(emailOutbox).where(eq(emailOutbox.id, claim.id)));
    expect(dump).not.toContain(tokenIn(claim.text));
    expect(dump).not.toContain("d@example.dk");
  });
});
