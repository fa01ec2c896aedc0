import { describe, expect, it } from "vitest";
import {
  agreementKindLabels,
  agreementKindOf,
  agreementSectionDefinitions,
  sectionDefinitionsFor,
} from "../partnerships/index.ts";
import { zonedInstant } from "../shared/calendar.ts";
import {
  canStartAgreement,
  cooperationAgreementDraft,
  cooperationAgreementInput,
  publicFollowUps,
} from "./outcome.ts";
import { sessionInstants, sessionTimesOf } from "./sessions.ts";

const processId = "00000000-0000-4000-8000-000000000001";
const gribskov = {
  title: "IT-frivillige på sociale tilbud",
  purpose: "En lokal drejebog for, hvordan vi finder IT-frivillige til bosteder og dagtilbud.",
};

describe("the cooperation agreement a process ends in", () => {
  it("is a cooperation agreement exactly when it came from a process", () => {
    expect(agreementKindOf({ coCreationProcessId: processId })).toBe("cooperation");
    expect(agreementKindOf({ coCreationProcessId: null })).toBe("partnership");
    expect(agreementKindLabels.cooperation.da).toBe("Samarbejdsaftale");
  });

  it("keeps the template's nine sections but asks who the volunteers are and how they are recruited", () => {
    const cooperation = sectionDefinitionsFor("cooperation");
    expect(cooperation.map((d) => [d.number, d.key, d.title.da])).toEqual(
      agreementSectionDefinitions.map((d) => [d.number, d.key, d.title.da]),
    );
    const prompts = (key: string) => cooperation.find((d) => d.key === key)?.prompts.map((x) => x.da) ?? [];
    expect(prompts("content")).toContain("Hvem er de frivillige?");
    expect(prompts("content")).toContain("Hvordan rekrutteres de frivillige?");
    expect(prompts("division_of_work")).toContain("Hvem har ansvar for hvad?");
    // A partnership agreement keeps the model's own prompts.
    expect(sectionDefinitionsFor("partnership")).toBe(agreementSectionDefinitions);
  });

  it("starts from the process: its purpose is the task and the partners are named in § 1", () => {
    const draft = cooperationAgreementDraft(gribskov, {
      municipalityName: "Gribskov Kommune",
      organisations: ["Frivilligcenter Gribskov"],
    });
    expect(draft.title).toBe("IT-frivillige på sociale tilbud");
    expect(draft.task).toBe(gribskov.purpose);
    expect(draft.sections.partners).toBe("Gribskov Kommune\nFrivilligcenter Gribskov");
    expect(draft.sections.task).toContain('samskabelsesforløbet "IT-frivillige på sociale tilbud"');
    const named = cooperationAgreementDraft(gribskov, {
      title: "  Aftale om IT-frivillige  ",
      municipalityName: "Gribskov Kommune",
      organisations: ["Frivilligcenter Gribskov"],
    });
    expect(named.title).toBe("Aftale om IT-frivillige");
  });

  it("is one per process: a second is refused with a reason in Danish and English", () => {
    expect(canStartAgreement(null).ok).toBe(true);
    const refused = canStartAgreement({ id: "a" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe("co_creation.agreement_exists");
      expect(refused.error.message.da).toContain("tillæg");
      expect(refused.error.message.en).toContain("amendments");
    }
  });

  it("needs at least one organisation, each named once, to sign beside the municipality", () => {
    const issues = (organisations: unknown) => {
      const r = cooperationAgreementInput.safeParse({ processId, organisations });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues([])).toEqual(["organisations:too_few"]);
    expect(issues(["  "])).toEqual(["organisations.0:required"]);
    expect(issues(["Frivilligcenter", "frivilligcenter"])).toEqual(["organisations:duplicate_items"]);
    expect(issues(["Frivilligcenter Gribskov"])).toEqual([]);
  });
});

describe("follow-up actions on the public process page", () => {
  it("shows only published actions of an adopted policy", () => {
    const actions = [
      { id: "1", handling: "Computercafé på Bostedet", published: true, policyStatus: "adopted" },
      { id: "2", handling: "Intern", published: false, policyStatus: "adopted" },
      { id: "3", handling: "Kladdepolitik", published: true, policyStatus: "draft" },
    ];
    expect(publicFollowUps(actions).map((a) => a.id)).toEqual(["1"]);
  });
});

describe("editing a session", () => {
  it("shows the stored times as typed, so saving unchanged stores the same instants", () => {
    const typed = {
      date: "2026-03-29",
      startTime: "13:00",
      endTime: "16:00",
      registrationDeadlineOn: "2026-03-27",
    };
    const stored = sessionInstants(typed);
    expect(sessionTimesOf(stored)).toEqual(typed);
    expect(sessionInstants(sessionTimesOf(stored))).toEqual(stored);
  });

  it("leaves optional times empty when none were stored", () => {
    const times = sessionTimesOf({
      startsAt: zonedInstant("2026-07-01", "09:30"),
      endsAt: null,
      registrationDeadline: null,
    });
    expect(times).toEqual({
      date: "2026-07-01",
      startTime: "09:30",
      endTime: "",
      registrationDeadlineOn: "",
    });
  });
});
