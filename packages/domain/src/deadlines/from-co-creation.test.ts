import { describe, expect, it } from "vitest";
import { defaultCouncilRules } from "../councils/council.ts";
import type { DeadlineCoCreationSession, DeadlineSources } from "./deadline.ts";
import { upcomingDeadlines } from "./upcoming.ts";

const council = { id: "c1", municipalityId: "m1", name: "Handicaprådet", rules: defaultCouncilRules };
const session = (over: Partial<DeadlineCoCreationSession>): DeadlineCoCreationSession => ({
  id: "s1",
  processId: "p1",
  councilId: "c1",
  processTitle: "Bolbro bestemmer",
  title: "Idémøde 1",
  registrationClosesAt: new Date("2026-09-18T10:00:00Z"),
  cancelled: false,
  public: true,
  ...over,
});
const now = new Date("2026-09-01T10:00:00Z");

describe("co-creation sign-up deadlines", () => {
  it("appear in the one deadlines list, for the council that follows the process", () => {
    const sources: DeadlineSources = {
      councils: [council],
      meetings: [],
      hearings: [],
      coCreationSessions: [session({})],
    };
    const [d] = upcomingDeadlines(sources, now);
    expect(d).toMatchObject({
      id: "co_creation_registration:s1",
      kind: "co_creation_registration",
      title: { da: "Tilmeldingsfrist: Bolbro bestemmer – Idémøde 1" },
      dueAt: new Date("2026-09-18T10:00:00Z"),
      target: { type: "co_creation_process", id: "p1" },
      municipalityId: "m1",
    });
  });

  it("leave out cancelled sessions, other councils' sessions, and draft processes in public lists", () => {
    const sources: DeadlineSources = {
      councils: [council],
      meetings: [],
      hearings: [],
      coCreationSessions: [
        session({ id: "cancelled", cancelled: true }),
        session({ id: "elsewhere", councilId: "c2" }),
        session({ id: "draft", public: false }),
      ],
    };
    expect(upcomingDeadlines(sources, now).map((d) => d.id)).toEqual(["co_creation_registration:draft"]);
    expect(upcomingDeadlines(sources, now, { publicOnly: true })).toEqual([]);
  });
});
