import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { upcomingDeadlines } from "../deadlines/upcoming.ts";
import { agreement, forening, kommune, partners, signature } from "./fixtures.test-helpers.ts";
import { agreementSectionDefinitions, agreementSections, stepQuestions } from "./model.ts";
import { checkSteeringGroup, type SteeringMember } from "./steering.ts";
import { isOverdue, partnershipWarnings, schedulePhases, workScheduleTemplate } from "./work-schedule.ts";
import { stepProgress } from "./workflow.ts";

const rep = (id: string, partnerId: string | null, lead = false): SteeringMember => ({
  id,
  name: `Person ${id}`,
  role: partnerId ? "partner_representative" : "user_representative",
  partnerId,
  lead,
});
const lawfulGroup = () => [
  rep("1", kommune.id, true),
  rep("2", kommune.id),
  rep("3", forening.id),
  rep("4", forening.id),
  rep("5", null),
];

describe("the steering group", () => {
  it("given two from each partner, one parent and one lead, then nothing is wrong", () => {
    expect(checkSteeringGroup(partners, lawfulGroup())).toEqual([]);
  });

  it("given one municipal representative, then the finding names the partner and the counts in Danish and English", () => {
    const members = lawfulGroup().filter((m) => m.id !== "2");
    expect(checkSteeringGroup(partners, members)).toEqual([
      {
        code: "steering.partner_too_few",
        severity: "error",
        message: {
          da: "Randers Kommune har 1 repræsentant i styregruppen, men skal have 2",
          en: "Randers Kommune has 1 representative on the steering group but must have 2",
        },
        subject: { type: "partner", id: kommune.id },
      },
    ]);
  });

  it("given no parents or three parents, no lead or two leads, then each is a finding", () => {
    const noParents = lawfulGroup().filter((m) => m.partnerId !== null);
    expect(checkSteeringGroup(partners, noParents).map((f) => f.code)).toEqual(["steering.users_too_few"]);
    const threeParents = [...lawfulGroup(), rep("6", null), rep("7", null)];
    expect(checkSteeringGroup(partners, threeParents).map((f) => f.code)).toEqual([
      "steering.users_too_many",
    ]);
    const noLead = lawfulGroup().map((m) => ({ ...m, lead: false }));
    expect(checkSteeringGroup(partners, noLead)[0]?.message.da).toBe(
      "Styregruppen har ikke udpeget en overordnet ansvarlig",
    );
    const twoLeads = lawfulGroup().map((m) => ({ ...m, lead: m.id === "1" || m.id === "3" }));
    expect(checkSteeringGroup(partners, twoLeads).map((f) => f.code)).toEqual(["steering.several_leads"]);
  });

  it("property: a finding about partner seats appears exactly when a partner does not have two", () => {
    fc.assert(
      fc.property(fc.nat(4), fc.nat(4), (a, b) => {
        const members = [
          ...Array.from({ length: a }, (_, i) => rep(`k${i}`, kommune.id)),
          ...Array.from({ length: b }, (_, i) => rep(`f${i}`, forening.id)),
          { ...rep("u", null), lead: true },
        ];
        const codes = checkSteeringGroup(partners, members).map((f) => f.subject?.id);
        expect(codes.includes(kommune.id)).toBe(a !== 2);
        expect(codes.includes(forening.id)).toBe(b !== 2);
      }),
    );
  });
});

describe("the four steps", () => {
  it("given no answers, then every question of steps 1–3 and every section of step 4 is unanswered", () => {
    const progress = stepProgress({}, null, partners);
    expect(progress.map((s) => s.unanswered)).toEqual([6, 6, 6, 9]);
    expect(progress[0]?.items[0]?.text.da).toBe("Mål: Hvad vil vi opnå sammen?");
  });

  it("given answers and a signed agreement, then the answered items are ticked off, and blank answers do not count", () => {
    const answers = Object.fromEntries(stepQuestions.map((q) => [q.key, "svar"]));
    answers.goal = "   ";
    const sections = Object.fromEntries(agreementSections.map((s) => [s, "tekst"]));
    const signed = {
      ...agreement(
        ["s-direktor", "s-formand", "s-kasserer"].map((id) => signature(id, new Date("2024-01-02"))),
      ),
    };
    const progress = stepProgress(
      answers,
      { ...signed, sections: { ...signed.sections, ...sections } },
      partners,
    );
    expect(progress.map((s) => s.complete)).toEqual([false, true, true, true]);
    expect(progress[0]?.items.filter((i) => !i.answered).map((i) => i.key)).toEqual(["goal"]);
  });

  it("the agreement has exactly the template's nine sections, numbered in order", () => {
    expect(agreementSectionDefinitions.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(agreementSectionDefinitions.map((d) => d.key)).toEqual([...agreementSections]);
    expect(agreementSectionDefinitions.map((d) => d.title.da)).toEqual([
      "Aftalens partnere",
      "Opgaven",
      "Aftalens indhold",
      "Finansiering og budget",
      "Organisering og ledelse",
      "Opgave- og ansvarsfordeling",
      "Varighed og ophør",
      "Ændringer",
      "Underskrifter",
    ]);
  });
});

describe("the work schedule", () => {
  it("the model's checklist covers every phase, in Danish", () => {
    for (const phase of schedulePhases)
      expect(workScheduleTemplate.some((t) => t.phase === phase)).toBe(true);
    expect(workScheduleTemplate[0]?.title).toBe("Afklar målgruppe og antal deltagere");
  });

  it("an open task past its date is overdue; a done one never is", () => {
    expect(isOverdue({ dueOn: "2024-03-01", doneOn: null }, "2024-03-02")).toBe(true);
    expect(isOverdue({ dueOn: "2024-03-01", doneOn: null }, "2024-03-01")).toBe(false);
    expect(isOverdue({ dueOn: "2024-03-01", doneOn: "2024-03-05" }, "2024-03-09")).toBe(false);
  });

  it("warns of six families, late recruitment and no volunteer coordinator, in Danish and English", () => {
    const findings = partnershipWarnings({
      familiesRecruited: 6,
      firstSessionOn: "2024-09-02",
      recruitmentStartsOn: "2024-08-05",
      volunteerCoordinator: null,
    });
    expect(findings.map((f) => f.message.da)).toEqual([
      "6 familier er rekrutteret; et netværk bør have mindst 8",
      "Rekrutteringen begynder 4 uger før første undervisningsgang; sæt mindst 8 uger af",
      "Ingen er udpeget til at rekruttere og følge op på de frivillige",
    ]);
    expect(findings[0]?.message.en).toBe("6 families recruited; a network should have at least 8");
  });

  it("warns of nothing with eight families, recruitment in good time and a coordinator", () => {
    const facts = {
      familiesRecruited: 8,
      firstSessionOn: "2024-09-02",
      recruitmentStartsOn: "2024-07-08",
      volunteerCoordinator: "Frida",
    };
    expect(partnershipWarnings(facts)).toEqual([]);
    expect(partnershipWarnings(facts, 12).map((f) => f.code)).toEqual(["partnership.late_recruitment"]);
  });
});

describe("partnership deadlines in the one deadlines function", () => {
  const council = {
    id: "c-1",
    municipalityId: "m-randers",
    name: "Handicaprådet",
    rules: {
      agendaCutoffWorkingDays: 10,
      minutesCorrectionDays: 14,
      meetingsPerYear: 4,
      reminderOffsetsDays: [7],
    },
  };
  const sources = {
    councils: [council],
    meetings: [],
    hearings: [],
    partnerships: [
      {
        id: "ps-1",
        councilId: "c-1",
        title: "Forældrekursus",
        evaluationOn: "2024-06-10",
        endsOn: null,
        tasks: [
          { id: "t-open", title: "Send invitation", dueOn: "2024-06-03", done: false },
          { id: "t-done", title: "Book lokale", dueOn: "2024-06-04", done: true },
        ],
        unsignedAmendments: [{ id: "am-1", number: 2, proposedAt: new Date("2024-05-27T08:00:00Z") }],
      },
    ],
  };

  it("lists open tasks, the unsigned amendment 14 days after it was put forward, and the yearly evaluation", () => {
    const list = upcomingDeadlines(sources, new Date("2024-06-01T00:00:00Z"));
    expect(list.map((d) => [d.kind, d.title.da, d.dueAt.toISOString(), d.public])).toEqual([
      ["partnership_task", "Forældrekursus: Send invitation", "2024-06-03T10:00:00.000Z", false],
      ["partnership_evaluation", "Årlig evaluering: Forældrekursus", "2024-06-10T10:00:00.000Z", false],
      [
        "partnership_amendment_unsigned",
        "Tillæg 2 mangler underskrift: Forældrekursus",
        "2024-06-10T10:00:00.000Z",
        false,
      ],
    ]);
    expect(upcomingDeadlines(sources, new Date("2024-06-01T00:00:00Z"), { publicOnly: true })).toEqual([]);
  });

  it("a partnership whose council was not loaded contributes nothing", () => {
    expect(upcomingDeadlines({ ...sources, councils: [] }, new Date("2024-06-01T00:00:00Z"))).toEqual([]);
  });

  it("a terminated partnership contributes nothing: its tasks, evaluation and amendments stop", () => {
    const [p] = sources.partnerships;
    if (!p) throw new Error("no partnership");
    const terminated = { ...sources, partnerships: [{ ...p, terminatedOn: "2024-05-31" }] };
    expect(upcomingDeadlines(terminated, new Date("2024-06-01T00:00:00Z"))).toEqual([]);
  });
});
