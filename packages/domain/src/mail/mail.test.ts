import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import {
  canSendQuestionnaire,
  emailInvitationsSchema,
  questionnaireInvitationMail,
  questionnaireReminderMail,
  type SignUpMailFacts,
  sessionTime,
  signUpConfirmationMail,
  splitAddresses,
  waitingListPromotionMail,
} from "./index.ts";

const facts: SignUpMailFacts = {
  name: "Else <Ø>",
  municipalityName: "Odense Kommune",
  processTitle: "Bolbro bestemmer",
  session: {
    title: "Idémøde 1",
    // 14:00–16:00 in Copenhagen (winter time, UTC+1)
    startsAt: new Date("2019-12-03T13:00:00Z"),
    endsAt: new Date("2019-12-03T15:00:00Z"),
    place: "Bolbro Bibliotek",
    address: "Bolbrovej 1, 5200 Odense V",
    stepFree: true,
    hearingLoop: false,
    signLanguageOnRequest: true,
    childcare: false,
    accessibilityNote: "Elevator ved hovedindgangen",
  },
  receiptUrl: "https://samraad.example/kommuner/odense/samskabelse/tilmelding/abc",
};

describe("sign-up emails", () => {
  it("say the time in Danish on the Copenhagen clock, the place, the accessibility facts and the private link", () => {
    const mail = signUpConfirmationMail(facts, { status: "confirmed" });
    expect(mail.subject).toBe("Du er tilmeldt: Idémøde 1 / You are signed up: Idémøde 1");
    expect(mail.text).toContain("Tidspunkt: 3. december 2019 kl. 14:00–16:00");
    expect(mail.text).toContain("Time: 3 December 2019 14:00–16:00");
    expect(mail.text).toContain("Sted: Bolbro Bibliotek, Bolbrovej 1, 5200 Odense V");
    expect(mail.text).toContain(
      "Niveaufri adgang (ingen trin). Ingen teleslynge. Tegnsprogstolk efter aftale. Ingen børnepasning. Elevator ved hovedindgangen",
    );
    expect(mail.text).toContain(facts.receiptUrl);
    // Danish first, English below.
    expect(mail.text.indexOf("Du er tilmeldt Idémøde 1")).toBeLessThan(mail.text.indexOf("In English"));
    expect(mail.html).toContain(`<a href="${facts.receiptUrl}">Se eller annuller din tilmelding</a>`);
    expect(mail.html).toContain("Kære Else &lt;Ø&gt;");
    expect(mail.html).toContain('<div lang="en">');
  });

  it("tell a person on the waiting list their number, and later that they have a place", () => {
    const waiting = signUpConfirmationMail(facts, { status: "waiting", position: 2 });
    expect(waiting.subject).toMatch(/^Venteliste: Idémøde 1/);
    expect(waiting.text).toContain("du står på ventelisten som nummer 2");
    const promoted = waitingListPromotionMail(facts);
    expect(promoted.subject).toMatch(/^Du har fået en plads: Idémøde 1/);
    expect(promoted.text).toContain("Du er nu tilmeldt Idémøde 1 (Bolbro bestemmer)");
    expect(promoted.text).toContain(facts.receiptUrl);
  });

  it("write the end's date when a session runs past midnight", () => {
    expect(sessionTime(new Date("2026-06-20T18:00:00Z"), new Date("2026-06-20T23:30:00Z"), "da")).toBe(
      "20. juni 2026 kl. 20:00–21. juni 2026 kl. 01:30",
    );
    expect(sessionTime(new Date("2026-06-20T18:00:00Z"), null, "da")).toBe("20. juni 2026 kl. 20:00");
  });
});

describe("questionnaire emails", () => {
  const q = {
    evaluationTitle: "Forældrekurset 2026",
    municipalityName: "Randers Kommune",
    closesOn: "2026-10-01",
    anonymous: true,
    link: "https://samraad.example/evaluering/svar/t1",
  };
  it("invite with the link, the closing date and the promise of anonymity", () => {
    const mail = questionnaireInvitationMail(q);
    expect(mail.subject).toBe("Spørgeskema: Forældrekurset 2026 / Questionnaire: Forældrekurset 2026");
    expect(mail.text).toContain("Svar senest 1. oktober 2026.");
    expect(mail.text).toContain("Dine svar er anonyme");
    expect(mail.text).toContain(q.link);
  });
  it("remind with a link that replaces the first one", () => {
    const mail = questionnaireReminderMail(q);
    expect(mail.subject).toMatch(/^Påmindelse: Forældrekurset 2026/);
    expect(mail.text).toContain("det erstatter linket fra den første mail");
  });
});

describe("a list of addresses", () => {
  it("is split on lines, commas, semicolons and spaces", () => {
    expect(splitAddresses(" a@x.dk\nb@x.dk; c@x.dk, d@x.dk  \n\n")).toEqual([
      "a@x.dk",
      "b@x.dk",
      "c@x.dk",
      "d@x.dk",
    ]);
  });
  it("names each bad address by its place in the list, and invites a repeated one once", () => {
    const evaluationId = "00000000-0000-4000-8000-000000000001";
    const bad = emailInvitationsSchema.safeParse({
      evaluationId,
      emails: ["a@x.dk", "ikke-en-adresse", "b@"],
    });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(fieldErrors(bad.error).map((e) => `${e.field}:${e.message.da}`)).toEqual([
      "emails.1:Skriv en gyldig e-mailadresse",
      "emails.2:Skriv en gyldig e-mailadresse",
    ]);
    const empty = emailInvitationsSchema.safeParse({ evaluationId, emails: [] });
    expect(empty.success ? [] : fieldErrors(empty.error).map((e) => e.field)).toEqual(["emails"]);
    expect(
      emailInvitationsSchema.parse({ evaluationId, emails: ["A@x.dk", "a@x.dk ", "b@x.dk"] }).emails,
    ).toEqual(["a@x.dk", "b@x.dk"]);
  });
});

describe("when a questionnaire may be emailed", () => {
  it("only while it takes answers, up to and including its closing date", () => {
    const open = { status: "collecting", closesOn: "2026-10-01" };
    expect(canSendQuestionnaire(open, "2026-10-01").ok).toBe(true);
    expect(canSendQuestionnaire({ ...open, closesOn: null }, "2030-01-01").ok).toBe(true);
    const late = canSendQuestionnaire(open, "2026-10-02");
    expect(late.ok ? "" : late.error.code).toBe("evaluation.not_before_closing");
    const planned = canSendQuestionnaire({ ...open, status: "planned" }, "2026-09-01");
    expect(planned.ok ? "" : planned.error.message.da).toBe(
      "Åbn evalueringen for svar, før du sender spørgeskemaet",
    );
  });
});
