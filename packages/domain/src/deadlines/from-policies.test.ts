import { describe, expect, it } from "vitest";
import { defaultCouncilRules } from "../councils/council.ts";
import { zonedInstant } from "../shared/calendar.ts";
import type { DeadlineSources } from "./deadline.ts";
import { upcomingDeadlines } from "./upcoming.ts";

const council = { id: "c1", municipalityId: "randers", name: "Handicaprådet", rules: defaultCouncilRules };
const sources: DeadlineSources = {
  councils: [council],
  meetings: [],
  hearings: [],
  policies: [
    {
      id: "p1",
      councilId: "c1",
      title: "Handicappolitik 2026-2030",
      nextFollowUpOn: "2026-12-10",
      public: true,
    },
    { id: "p2", councilId: "c1", title: "Udkast", nextFollowUpOn: "2026-12-11", public: false },
  ],
  actions: [
    {
      id: "a1",
      policyId: "p1",
      councilId: "c1",
      handling: "Temadag",
      dueOn: "2026-12-03",
      status: "in_progress",
      public: true,
    },
    {
      id: "a2",
      policyId: "p1",
      councilId: "c1",
      handling: "Kursus",
      dueOn: "2026-12-04",
      status: "done",
      public: true,
    },
    {
      id: "a3",
      policyId: "p1",
      councilId: "c1",
      handling: "Intern",
      dueOn: "2026-12-05",
      status: "not_started",
      public: false,
    },
  ],
};
const now = zonedInstant("2026-11-23", "09:00");

describe("policy deadlines in the one deadlines function", () => {
  it("given an open action and a planned follow-up, then both are deadlines with their labels' kinds", () => {
    const list = upcomingDeadlines(sources, now);
    expect(list.map((d) => [d.id, d.kind])).toEqual([
      ["action_due:a1", "action_due"],
      ["action_due:a3", "action_due"],
      ["policy_follow_up:p1", "policy_follow_up"],
      ["policy_follow_up:p2", "policy_follow_up"],
    ]);
    expect(list[0]?.dueAt).toEqual(zonedInstant("2026-12-03", "12:00"));
    expect(list[0]?.target).toEqual({ type: "policy", id: "p1" });
  });
  it("given a done action, then it is no longer a deadline", () => {
    expect(upcomingDeadlines(sources, now).map((d) => d.id)).not.toContain("action_due:a2");
  });
  it("given publicOnly, then unpublished actions and draft policies stay out", () => {
    expect(upcomingDeadlines(sources, now, { publicOnly: true }).map((d) => d.id)).toEqual([
      "action_due:a1",
      "policy_follow_up:p1",
    ]);
  });
  it("given sources without policies (older callers), then nothing changes", () => {
    expect(upcomingDeadlines({ councils: [council], meetings: [], hearings: [] }, now)).toEqual([]);
  });
});
