import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CouncilRules, defaultCouncilRules } from "../councils/council.ts";
import { hearingResponseStatuses } from "../hearings/response.ts";
import { meetingStatuses } from "../meetings/status.ts";
import { zonedInstant } from "../shared/calendar.ts";
import type { DeadlineSources } from "./deadline.ts";
import { compareDeadlines, upcomingDeadlines } from "./upcoming.ts";

const handicapraad = {
  id: "council-1",
  municipalityId: "bronderslev",
  name: "Handicaprådet",
  rules: defaultCouncilRules,
};

const bronderslev: DeadlineSources = {
  councils: [handicapraad],
  meetings: [
    {
      id: "meeting-dec",
      councilId: "council-1",
      title: null,
      startsAt: zonedInstant("2019-12-03", "14:00"),
      status: "planned",
    },
  ],
  hearings: [
    {
      id: "hearing-policy",
      councilId: "council-1",
      title: "Input til handicappolitikken",
      responseDeadline: zonedInstant("2020-01-20", "12:00"),
      responseStatus: null,
      public: true,
    },
  ],
};

describe("upcoming deadlines", () => {
  it("lists the Brønderslev agenda cut-off, meeting and hearing soonest first", () => {
    const deadlines = upcomingDeadlines(bronderslev, zonedInstant("2019-11-20", "09:00"));
    expect(deadlines).toEqual([
      {
        id: "agenda_cutoff:meeting-dec",
        kind: "agenda_cutoff",
        title: {
          da: "Dagsordensfrist: Møde i Handicaprådet",
          en: "Agenda deadline: Meeting of Handicaprådet",
        },
        dueAt: zonedInstant("2019-11-26", "12:00"),
        councilId: "council-1",
        municipalityId: "bronderslev",
        target: { type: "meeting", id: "meeting-dec" },
        public: false,
      },
      {
        id: "meeting:meeting-dec",
        kind: "meeting",
        title: { da: "Møde i Handicaprådet", en: "Meeting of Handicaprådet" },
        dueAt: zonedInstant("2019-12-03", "14:00"),
        councilId: "council-1",
        municipalityId: "bronderslev",
        target: { type: "meeting", id: "meeting-dec" },
        public: true,
      },
      {
        id: "hearing_response:hearing-policy",
        kind: "hearing_response",
        title: {
          da: "Høringssvar: Input til handicappolitikken",
          en: "Hearing response: Input til handicappolitikken",
        },
        dueAt: zonedInstant("2020-01-20", "12:00"),
        councilId: "council-1",
        municipalityId: "bronderslev",
        target: { type: "hearing", id: "hearing-policy" },
        public: true,
      },
    ]);
  });

  it("drops the cut-off once it has passed, and shows the correction window once the meeting is held", () => {
    const afterCutoff = upcomingDeadlines(bronderslev, zonedInstant("2019-11-27", "09:00"));
    expect(afterCutoff.map((d) => d.kind)).toEqual(["meeting", "hearing_response"]);
    const held = {
      ...bronderslev,
      meetings: bronderslev.meetings.map((m) => ({ ...m, status: "held" as const })),
    };
    const afterMeeting = upcomingDeadlines(held, zonedInstant("2019-12-03", "17:00"));
    expect(afterMeeting.map((d) => [d.kind, d.dueAt])).toEqual([
      ["minutes_correction", zonedInstant("2019-12-11", "12:00")],
      ["hearing_response", zonedInstant("2020-01-20", "12:00")],
    ]);
  });

  it("drops a hearing once the response is submitted", () => {
    const submitted = {
      ...bronderslev,
      hearings: bronderslev.hearings.map((h) => ({ ...h, responseStatus: "submitted" as const })),
    };
    expect(upcomingDeadlines(submitted, zonedInstant("2019-12-04", "09:00"))).toEqual([]);
  });

  it("filters by horizon, kind, public and limit", () => {
    const now = zonedInstant("2019-11-20", "09:00");
    expect(upcomingDeadlines(bronderslev, now, { horizonDays: 14 }).map((d) => d.kind)).toEqual([
      "agenda_cutoff",
      "meeting",
    ]);
    expect(upcomingDeadlines(bronderslev, now, { kinds: ["hearing_response"] }).map((d) => d.kind)).toEqual([
      "hearing_response",
    ]);
    expect(upcomingDeadlines(bronderslev, now, { publicOnly: true }).map((d) => d.kind)).toEqual([
      "meeting",
      "hearing_response",
    ]);
    expect(upcomingDeadlines(bronderslev, now, { limit: 1 }).map((d) => d.kind)).toEqual(["agenda_cutoff"]);
  });

  it("ignores a source whose council was not loaded", () => {
    expect(upcomingDeadlines({ ...bronderslev, councils: [] }, zonedInstant("2019-11-20", "09:00"))).toEqual(
      [],
    );
  });
});

describe("upcoming deadlines, for any data", () => {
  const councilIds = ["c1", "c2", "c3"] as const;
  // "c-missing" is referenced by sources but never loaded.
  const anyCouncilId = fc.constantFrom(...councilIds, "c-missing");
  const anyInstant = fc.date({
    min: new Date("2019-01-01T00:00:00Z"),
    max: new Date("2021-12-31T00:00:00Z"),
    noInvalidDate: true,
  });
  const anyRules: fc.Arbitrary<CouncilRules> = fc.record({
    agendaCutoffWorkingDays: fc.integer({ min: 0, max: 30 }),
    minutesCorrectionDays: fc.integer({ min: 0, max: 60 }),
    meetingsPerYear: fc.constant(4),
    reminderOffsetsDays: fc.constant([7, 1]).map((offsets) => [...offsets]),
  });
  const anySources: fc.Arbitrary<DeadlineSources> = fc.record({
    councils: fc.tuple(anyRules, anyRules, anyRules).map((rules) =>
      councilIds.map((id, i) => ({
        id,
        municipalityId: `muni-${i % 2}`,
        name: `Råd ${id}`,
        rules: rules[i] ?? defaultCouncilRules,
      })),
    ),
    meetings: fc
      .array(
        fc.record({
          councilId: anyCouncilId,
          title: fc.option(fc.string(), { nil: null }),
          startsAt: anyInstant,
          status: fc.constantFrom(...meetingStatuses),
        }),
        { maxLength: 12 },
      )
      .map((ms) => ms.map((m, i) => ({ ...m, id: `m${i}` }))),
    hearings: fc
      .array(
        fc.record({
          councilId: anyCouncilId,
          title: fc.string(),
          responseDeadline: anyInstant,
          responseStatus: fc.option(fc.constantFrom(...hearingResponseStatuses), { nil: null }),
          public: fc.boolean(),
        }),
        { maxLength: 12 },
      )
      .map((hs) => hs.map((h, i) => ({ ...h, id: `h${i}` }))),
  });
  const anyOptions = fc.record(
    {
      horizonDays: fc.integer({ min: 0, max: 400 }),
      publicOnly: fc.boolean(),
      kinds: fc.subarray(["agenda_cutoff", "meeting", "minutes_correction", "hearing_response"] as const),
    },
    { requiredKeys: [] },
  );

  it("is always sorted, never before now and never beyond the horizon", () => {
    fc.assert(
      fc.property(anySources, anyInstant, anyOptions, (sources, now, options) => {
        const deadlines = upcomingDeadlines(sources, now, options);
        for (const [i, d] of deadlines.entries()) {
          expect(d.dueAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
          if (options.horizonDays !== undefined) {
            expect(d.dueAt.getTime()).toBeLessThanOrEqual(now.getTime() + options.horizonDays * 86_400_000);
          }
          if (options.publicOnly) expect(d.public).toBe(true);
          if (options.kinds) expect(options.kinds).toContain(d.kind);
          const next = deadlines[i + 1];
          if (next) expect(compareDeadlines(d, next)).toBeLessThan(0);
        }
      }),
    );
  });

  it("gives for several councils the merge of each council's own deadlines", () => {
    fc.assert(
      fc.property(anySources, anyInstant, anyOptions, (sources, now, options) => {
        const perCouncil = councilIds.flatMap((id) =>
          upcomingDeadlines(
            {
              councils: sources.councils.filter((c) => c.id === id),
              meetings: sources.meetings.filter((m) => m.councilId === id),
              hearings: sources.hearings.filter((h) => h.councilId === id),
            },
            now,
            options,
          ),
        );
        expect(upcomingDeadlines(sources, now, options)).toEqual(perCouncil.sort(compareDeadlines));
      }),
    );
  });

  it("never adds a deadline when a source is removed", () => {
    fc.assert(
      fc.property(anySources, anyInstant, fc.nat(), fc.boolean(), (sources, now, pick, fromMeetings) => {
        const before = new Set(upcomingDeadlines(sources, now).map((d) => d.id));
        const list = fromMeetings ? sources.meetings : sources.hearings;
        fc.pre(list.length > 0);
        const drop = pick % list.length;
        const fewer = fromMeetings
          ? { ...sources, meetings: sources.meetings.filter((_, i) => i !== drop) }
          : { ...sources, hearings: sources.hearings.filter((_, i) => i !== drop) };
        for (const d of upcomingDeadlines(fewer, now)) expect(before.has(d.id)).toBe(true);
      }),
    );
  });

  it("gives every deadline a stable id from its kind and source", () => {
    fc.assert(
      fc.property(anySources, anyInstant, (sources, now) => {
        const deadlines = upcomingDeadlines(sources, now);
        for (const d of deadlines) expect(d.id).toBe(`${d.kind}:${d.target.id}`);
        expect(new Set(deadlines.map((d) => d.id)).size).toBe(deadlines.length);
      }),
    );
  });
});
