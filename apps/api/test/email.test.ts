import type { AppRouter } from "@samraad/api/client";
import { demoCoCreation, demoEvaluations } from "@samraad/db/demo";
import {
  findMunicipality,
  findPublicProcessBySlug,
  insertSession,
  invitationTokenHash,
  listEvaluations,
  submitResponse,
  updateEvaluation,
} from "@samraad/db/queries";
import { emailOutbox, evaluationInvitations } from "@samraad/db/schema";
import { localDate } from "@samraad/domain/shared";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestServer } from "../src/testing.ts";
import { startTestSmtpServer } from "../src/testing-smtp.ts";

/*
 * Email through SMTP_URL, end to end: the whole server on a real port with its outbox worker, delivering over
 * TCP to a local SMTP server started here. Sign-ups and cancellations go through the public site's forms; the
 * questionnaire through the admin API as an official.
 */

let offset = 0;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let signUpPath: string;
const sessionYear = Number(localDate(new Date()).slice(0, 4)) + 1;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startTestServer({ now: () => new Date(Date.now() + offset), smtpUrl: smtp.url });
  const odense = await findMunicipality(server.db, { slug: demoCoCreation.bolbro.municipality });
  const process = odense && (await findPublicProcessBySlug(server.db, odense.id, demoCoCreation.bolbro.slug));
  if (!odense || !process) throw new Error("no Bolbro process in the demo");
  // One place and a waiting list, on 3 December next year from 14:00 to 16:00 Copenhagen time (UTC+1 in
  // winter): a session that has begun takes no sign-ups, so it must stay ahead of the real clock.
  const session = await insertSession(server.db, odense.id, process.id, {
    title: "Idémøde om legepladsen",
    description: null,
    startsAt: new Date(`${sessionYear}-12-03T13:00:00Z`),
    endsAt: new Date(`${sessionYear}-12-03T15:00:00Z`),
    place: "Bolbro Bibliotek",
    address: "Bolbrovej 1, 5200 Odense V",
    stepFree: true,
    hearingLoop: true,
    signLanguageOnRequest: false,
    childcare: true,
    accessibilityNote: "Elevator ved hovedindgangen",
    capacity: 1,
    registrationDeadline: null,
    waitingList: true,
  });
  signUpPath = `/kommuner/${odense.slug}/samskabelse/${process.slug}/tilmelding/${session.id}`;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const post = (path: string, form: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    body: new URLSearchParams(form),
    redirect: "manual",
  });

const signUp = async (name: string, email: string, needs = "") => {
  const res = await post(signUpPath, { name, email, needs });
  expect(res.status).toBe(303);
  return res.headers.get("location") ?? "";
};

const linkIn = (mail: ParsedMail, path: RegExp) => {
  const found = new RegExp(`${server.url.replace(/[.]/g, "\\.")}${path.source}`).exec(mail.text ?? "");
  if (!found) throw new Error("no link in the email");
  return found[0];
};
const outboxRows = () => server.db.select().from(emailOutbox);

describe("signing up for a co-creation session", () => {
  let elseReceipt = "";

  it("sends a confirmation with the Danish time, the place, its accessibility and the private receipt link", async () => {
    elseReceipt = await signUp("Else Jensen", "else@example.dk", "Glutenfri kost");
    const [mail] = await smtp.waitFor("else@example.dk");
    if (!mail) throw new Error("no email");
    expect(mail.subject).toBe(
      "Du er tilmeldt: Idémøde om legepladsen / You are signed up: Idémøde om legepladsen",
    );
    const text = mail.text ?? "";
    expect(text).toContain("Kære Else Jensen");
    expect(text).toContain(`Tidspunkt: 3. december ${sessionYear} kl. 14:00–16:00`);
    expect(text).toContain("Sted: Bolbro Bibliotek, Bolbrovej 1, 5200 Odense V");
    expect(text).toContain("Niveaufri adgang (ingen trin). Teleslynge i lokalet.");
    expect(text).toContain("Elevator ved hovedindgangen");
    // Needs (diet, access) are for the organisers only, never repeated back.
    expect(text).not.toContain("Glutenfri");
    expect(text.indexOf("Tidspunkt:")).toBeLessThan(
      text.indexOf(`Time: 3 December ${sessionYear} 14:00–16:00`),
    );
    // The link is the receipt the form led to, and it opens the person's own sign-up.
    const link = linkIn(mail, /\/kommuner\/[a-z-]+\/samskabelse\/tilmelding\/[A-Za-z0-9_-]+/);
    expect(link).toBe(`${server.url}${elseReceipt}`);
    expect(mail.html || "").toContain(`href="${link}"`);
    const receipt = await fetch(link);
    expect(receipt.status).toBe(200);
    const page = await receipt.text();
    expect(page).toContain("Tak, Else Jensen. Du er tilmeldt.");
    expect(page).toContain("Vi har også sendt dig en bekræftelse på e-mail");
  });

  it("tells the next person they are on the waiting list, and mails them a place when someone cancels", async () => {
    await signUp("Bo Hansen", "bo@example.dk");
    const [waiting] = await smtp.waitFor("bo@example.dk");
    expect(waiting?.subject).toMatch(/^Venteliste: Idémøde om legepladsen/);
    expect(waiting?.text).toContain("du står på ventelisten som nummer 1");

    const cancelled = await post(`${elseReceipt}/annuller`, {});
    expect(cancelled.status).toBe(303);
    const [, promoted] = await smtp.waitFor("bo@example.dk", 2);
    if (!promoted) throw new Error("no email");
    expect(promoted.subject).toMatch(/^Du har fået en plads: Idémøde om legepladsen/);
    expect(promoted.text).toContain("Du er nu tilmeldt Idémøde om legepladsen (Bolbro bestemmer)");
    const receipt = await fetch(
      linkIn(promoted, /\/kommuner\/[a-z-]+\/samskabelse\/tilmelding\/[A-Za-z0-9_-]+/),
    );
    expect(await receipt.text()).toContain("Tak, Bo Hansen. Du er tilmeldt.");
    // Else cancelled herself: she gets no more email.
    expect(smtp.to("else@example.dk")).toHaveLength(1);
  });

  it("mails the person an organiser's cancellation moves up from the waiting list", async () => {
    const cookie = await signIn(server.url, "admin@broenderslev.demo");
    const organiser = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${server.url}/trpc`, headers: { cookie, origin: server.url } })],
    });
    const broenderslev = await findMunicipality(server.db, {
      slug: demoCoCreation.broenderslev.municipality,
    });
    const process =
      broenderslev &&
      (await findPublicProcessBySlug(server.db, broenderslev.id, demoCoCreation.broenderslev.slug));
    if (!process) throw new Error("no Brønderslev process");
    const full = (await organiser.coCreation.registrations.query({ processId: process.id })).filter(
      (r) => r.sessionTitle === demoCoCreation.broenderslev.fullSessionTitle,
    );
    const seated = full.find((r) => r.status === "confirmed");
    const next = full.find((r) => r.status === "waiting");
    if (!seated || !next) throw new Error("the demo's full session has changed");
    const { promoted } = await organiser.coCreation.cancelRegistration.mutate({ registrationId: seated.id });
    expect(promoted).toEqual([next.name]);
    const [mail] = await smtp.waitFor(next.email);
    expect(mail?.subject).toMatch(`Du har fået en plads: ${demoCoCreation.broenderslev.fullSessionTitle}`);
    // The one whose place was cancelled by the organiser is not mailed by this change.
    expect(smtp.to(seated.email)).toHaveLength(0);
  });

  it("still signs a person up when the mail server fails, and delivers once it answers again", async () => {
    smtp.failNext(1);
    await signUp("Karin Møller", "karin@example.dk");
    await expect
      .poll(async () => (await outboxRows()).find((r) => r.recipient === "karin@example.dk")?.status, {
        timeout: 10_000,
      })
      .toBe("retry");
    expect(smtp.to("karin@example.dk")).toHaveLength(0);
    // What is kept of the failure names the SMTP reply, not the address the server quoted.
    const failed = (await outboxRows()).find((r) => r.recipient === "karin@example.dk");
    expect(failed?.lastError).toMatch(/^\w+ 451$/);
    // The retry is due a minute later.
    offset += 61_000;
    const [mail] = await smtp.waitFor("karin@example.dk");
    expect(mail?.subject).toMatch(/^Venteliste: /);
    await expect
      .poll(async () => (await outboxRows()).filter((r) => r.status !== "sent").length, { timeout: 10_000 })
      .toBe(0);
    // Once sent, no address or text is kept.
    expect((await outboxRows()).every((r) => r.recipient === null && r.textBody === null)).toBe(true);
  });

  it("refuses a bad address at the field, in Danish, and stores and sends nothing", async () => {
    const before = (await outboxRows()).length;
    const res = await post(signUpPath, { name: "Ulla", email: "ulla-at-example.dk", needs: "" });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("Fejl: ");
    expect(page).toContain("Skriv en gyldig e-mailadresse");
    expect((await outboxRows()).length).toBe(before);
  });
});

describe("a questionnaire sent by email", () => {
  type Client = ReturnType<typeof createTRPCClient<AppRouter>>;
  let admin: Client;
  let evaluationId: string;
  const addresses = ["mor1@example.dk", "far2@example.dk", "mor3@example.dk"];
  const questionnaireLink = /\/evaluering\/svar\/[A-Za-z0-9_-]+/;

  beforeAll(async () => {
    const cookie = await signIn(server.url, "admin@randers.demo");
    admin = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${server.url}/trpc`, headers: { cookie, origin: server.url } })],
    });
    const randers = await findMunicipality(server.db, { slug: "randers" });
    const found = randers
      ? (await listEvaluations(server.db, randers.id)).find(
          (e) => e.title === demoEvaluations.partnershipTitle,
        )
      : undefined;
    if (!randers || !found) throw new Error("no demo evaluation");
    evaluationId = found.id;
  });

  it("gives each address its own single-use link that opens the questionnaire", async () => {
    expect(await admin.evaluationEmails.status.query({ evaluationId })).toMatchObject({
      enabled: true,
      emailed: 0,
    });
    expect(await admin.evaluationEmails.invite.mutate({ evaluationId, emails: addresses })).toEqual({
      invited: 3,
    });
    const links = [];
    for (const address of addresses) {
      const [mail] = await smtp.waitFor(address);
      if (!mail) throw new Error("no email");
      expect(mail.subject).toBe(
        `Spørgeskema: ${demoEvaluations.partnershipTitle} / Questionnaire: ${demoEvaluations.partnershipTitle}`,
      );
      expect(mail.text).toContain("Dine svar er anonyme");
      links.push(linkIn(mail, questionnaireLink));
    }
    expect(new Set(links).size).toBe(3);
    for (const link of links) {
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Hvor tilfreds er du alt i alt");
    }
  });

  it("reminds only those whose link is unused, with a new link that works", async () => {
    // far2 answers (through the link's hash, as the questionnaire page does).
    const [farMail] = smtp.to("far2@example.dk");
    if (!farMail) throw new Error("no email");
    const farToken = linkIn(farMail, questionnaireLink).split("/").pop() ?? "";
    const randers = await findMunicipality(server.db, { slug: "randers" });
    await server.db.transaction((tx) =>
      submitResponse(
        tx,
        randers?.id ?? "",
        evaluationId,
        invitationTokenHash(farToken),
        { overall: 5 },
        null,
      ),
    );
    expect(await admin.evaluationEmails.remind.mutate({ evaluationId })).toEqual({ reminded: 2 });
    for (const address of ["mor1@example.dk", "mor3@example.dk"]) {
      const [first, reminder] = await smtp.waitFor(address, 2);
      if (!first || !reminder) throw new Error("no reminder");
      expect(reminder.subject).toMatch(/^Påmindelse: /);
      const fresh = linkIn(reminder, questionnaireLink);
      expect((await fetch(fresh)).status).toBe(200);
      // The first link was replaced by the reminder's.
      expect((await fetch(linkIn(first, questionnaireLink))).status).toBe(404);
    }
    expect(smtp.to("far2@example.dk")).toHaveLength(1);
    expect(await admin.evaluationEmails.status.query({ evaluationId })).toMatchObject({
      emailed: 3,
      unanswered: 2,
    });
  });

  it("names a bad address at its field, in Danish, and stores and sends nothing", async () => {
    const [links, mails] = [
      (await server.db.select().from(evaluationInvitations)).length,
      (await outboxRows()).length,
    ];
    const error = await admin.evaluationEmails.invite
      .mutate({ evaluationId, emails: ["ny@example.dk", "ikke en adresse"] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data as { httpStatus: number; fieldErrors?: unknown };
    expect(data.httpStatus).toBe(400);
    expect(JSON.stringify(data)).toContain("emails.1");
    expect(JSON.stringify(data)).toContain("Skriv en gyldig e-mailadresse");
    expect((await server.db.select().from(evaluationInvitations)).length).toBe(links);
    expect((await outboxRows()).length).toBe(mails);
  });
  it("is not sent once the closing date has passed", async () => {
    const randers = await findMunicipality(server.db, { slug: "randers" });
    const [evaluation] = (await listEvaluations(server.db, randers?.id ?? "")).filter(
      (e) => e.id === evaluationId,
    );
    const yesterday = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(
      new Date(Date.now() - 86_400_000),
    );
    await updateEvaluation(server.db, randers?.id ?? "", evaluationId, { closesOn: yesterday }, new Date());
    try {
      const mails = (await outboxRows()).length;
      const refused = await admin.evaluationEmails.remind.mutate({ evaluationId }).catch((e: unknown) => e);
      expect((refused as TRPCClientError<AppRouter>).data?.httpStatus).toBe(409);
      expect((refused as TRPCClientError<AppRouter>).message).toBe(
        "Svarfristen er overskredet, så spørgeskemaet sendes ikke. Ret svarfristen først.",
      );
      expect((await outboxRows()).length).toBe(mails);
    } finally {
      await updateEvaluation(
        server.db,
        randers?.id ?? "",
        evaluationId,
        { closesOn: evaluation?.closesOn ?? null },
        new Date(),
      );
    }
  });
});

describe("without SMTP_URL", () => {
  it("signs up with the confirmation page alone: nothing is queued, and the official is told email is off", async () => {
    const plain = await startTestServer({});
    try {
      const odense = await findMunicipality(plain.db, { slug: demoCoCreation.bolbro.municipality });
      const process =
        odense && (await findPublicProcessBySlug(plain.db, odense.id, demoCoCreation.bolbro.slug));
      if (!odense || !process) throw new Error("no Bolbro process");
      const session = await insertSession(plain.db, odense.id, process.id, {
        title: "Uden mail",
        description: null,
        startsAt: new Date(`${sessionYear}-12-03T13:00:00Z`),
        endsAt: null,
        place: "Bolbro Bibliotek",
        address: null,
        stepFree: false,
        hearingLoop: false,
        signLanguageOnRequest: false,
        childcare: false,
        accessibilityNote: null,
        capacity: null,
        registrationDeadline: null,
        waitingList: true,
      });
      const res = await fetch(
        `${plain.url}/kommuner/${odense.slug}/samskabelse/${process.slug}/tilmelding/${session.id}`,
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
          body: new URLSearchParams({ name: "Ib", email: "ib@example.dk", needs: "" }),
          redirect: "manual",
        },
      );
      expect(res.status).toBe(303);
      const receipt = await (await fetch(`${plain.url}${res.headers.get("location")}`)).text();
      expect(receipt).toContain("Du er tilmeldt");
      expect(receipt).not.toContain("bekræftelse på e-mail");
      expect(await plain.db.select().from(emailOutbox)).toEqual([]);
      expect(smtp.to("ib@example.dk")).toHaveLength(0);

      const cookie = await signIn(plain.url, "admin@randers.demo");
      const official = createTRPCClient<AppRouter>({
        links: [httpLink({ url: `${plain.url}/trpc`, headers: { cookie, origin: plain.url } })],
      });
      const randers = await findMunicipality(plain.db, { slug: "randers" });
      const [evaluation] = randers ? await listEvaluations(plain.db, randers.id) : [];
      if (!evaluation) throw new Error("no evaluation");
      const status = await official.evaluationEmails.status.query({ evaluationId: evaluation.id });
      expect(status.enabled).toBe(false);
      const refused = await official.evaluationEmails.invite
        .mutate({ evaluationId: evaluation.id, emails: ["ib@example.dk"] })
        .catch((e: unknown) => e);
      expect((refused as TRPCClientError<AppRouter>).message).toContain("SMTP_URL");
      expect(await plain.db.select().from(emailOutbox)).toEqual([]);
    } finally {
      await plain.close();
    }
  }, 120_000);
});
