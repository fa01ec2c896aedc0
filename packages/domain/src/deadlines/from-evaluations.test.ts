import { describe, expect, it } from "vitest";
import { defaultCouncilRules } from "../councils/council.ts";
import type { DeadlineEvaluation, DeadlineSources } from "./deadline.ts";
import { upcomingDeadlines } from "./upcoming.ts";

const council = { id: "c1", municipalityId: "m1", name: "Handicaprådet", rules: defaultCouncilRules };
const evaluation = (over: Partial<DeadlineEvaluation> = {}): DeadlineEvaluation => ({
  id: "e1",
  councilId: "c1",
  title: "Årlig evaluering 2026",
  status: "collecting",
  closesOn: "2026-10-09",
  reminderDates: ["2026-10-05", "2026-10-01"],
  meetingAt: new Date("2026-10-20T13:00:00Z"),
  target: { type: "partnership", id: "p1" },
  ...over,
});
const sources = (...evaluations: DeadlineEvaluation[]): DeadlineSources => ({
  councils: [council],
  meetings: [],
  hearings: [],
  evaluations,
});
const now = new Date("2026-09-01T10:00:00Z");

describe("evaluation deadlines", () => {
  it("put the reminders, the closing date (end of the day, Copenhagen) and the meeting in the one list", () => {
    const list = upcomingDeadlines(sources(evaluation()), now);
    expect(list.map((d) => [d.kind, d.dueAt.toISOString()])).toEqual([
      ["evaluation_reminder", "2026-10-01T07:00:00.000Z"],
      ["evaluation_reminder", "2026-10-05T07:00:00.000Z"],
      ["evaluation_closes", "2026-10-09T21:59:00.000Z"],
      ["evaluation_meeting", "2026-10-20T13:00:00.000Z"],
    ]);
    expect(list[2]).toMatchObject({
      id: "evaluation_closes:e1",
      title: { da: "Svarfrist: Årlig evaluering 2026" },
      target: { type: "partnership", id: "p1" },
      councilId: "c1",
      public: false,
    });
  });

  it("drop reminders after the closing date, and everything once the evaluation is concluded", () => {
    const late = upcomingDeadlines(sources(evaluation({ reminderDates: ["2026-10-12"] })), now);
    expect(late.map((d) => d.kind)).toEqual(["evaluation_closes", "evaluation_meeting"]);
    expect(upcomingDeadlines(sources(evaluation({ status: "concluded" })), now)).toEqual([]);
  });

  it("leave out evaluations of councils not in scope, and stay out of public lists", () => {
    expect(upcomingDeadlines(sources(evaluation({ councilId: "other" })), now)).toEqual([]);
    expect(upcomingDeadlines(sources(evaluation()), now, { publicOnly: true })).toEqual([]);
  });
});
