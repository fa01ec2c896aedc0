/**
 * Demo data: nine municipalities with their councils, members, meetings, agendas, minutes and hearings.
 * Meetings and deadlines are placed relative to `now`, so the demo always has something coming up.
 * Only ever seeds an empty database, in one transaction.
 */
import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import type { Database, Transaction } from "../database.ts";
import { isEmpty } from "../open.ts";
import {
  agendaItems,
  attachments,
  chatChannelLinks,
  councils,
  hearingResponses,
  hearings,
  meetings,
  memberships,
  municipalities,
  people,
  terms,
} from "../schema/index.ts";
import {
  historicMeeting,
  historicOrdinaryItems,
  nordjyskSocialaftaleHearing,
  nordjyskSocialaftaleItem,
} from "./broenderslev.ts";
import { seedDemoCoCreation } from "./co-creation.ts";
import { seedDemoCoCreationVotes } from "./co-creation-votes.ts";
import {
  announcements,
  approveAgenda,
  type Ctx,
  closedSubjects,
  type DemoAttachment,
  type HearingText,
  handicapSubjects,
  hearingItem,
  hearingTemplates,
  type ItemText,
  internalHearing,
  other,
  seniorHearing,
  seniorSubjects,
  taskCommitteeSubjects,
} from "./content.ts";
import { seedDemoCooperationAgreement } from "./cooperation.ts";
import { seedDemoEvaluations } from "./evaluations.ts";
import { inventedName, type MunicipalitySpec, municipalitySpecs } from "./municipalities.ts";
import { seedDemoPartnerships } from "./partnerships.ts";
import { makePdf } from "./pdf.ts";
import { seedDemoPolicies } from "./policy.ts";
import { addDays, copenhagen, copenhagenDate, meetingDay, workingDay } from "./time.ts";

export { demoCoCreation } from "./co-creation.ts";
export { demoBallotCodes, demoVotes } from "./co-creation-votes.ts";
export { demoCooperation } from "./cooperation.ts";
export { demoEvaluations, demoInvitationToken } from "./evaluations.ts";
export { demoPartnership } from "./partnerships.ts";
export { demoPolicy } from "./policy.ts";

export type DemoSummary = {
  seeded: boolean;
  municipalities: number;
  councils: number;
  meetings: number;
  hearings: number;
};

/** Stable lookups for tests and documentation. */
export const demo = {
  broenderslev: {
    slug: "broenderslev",
    code: "0810",
    councilSlug: "handicapraadet",
    seniorCouncilSlug: "aeldreraadet",
    historicMeetingStartsAt: copenhagen(historicMeeting.date, historicMeeting.time),
    supplementaryItemTitle: nordjyskSocialaftaleItem.title,
    hearingTitle: nordjyskSocialaftaleHearing.title,
    hearingDeadline: copenhagen(
      nordjyskSocialaftaleHearing.deadline.date,
      nordjyskSocialaftaleHearing.deadline.time,
    ),
    slack: { teamId: "T0DEMO", channelId: "C0HANDICAP" },
    teams: { teamId: "", channelId: "19:demo-handicapraad@thread.tacv2" },
  },
  /** the one Handicapråd whose composition is deliberately unlawful (6 organisation seats, 5 municipal; one member without substitute) */
  unbalanced: { slug: "viborg", councilSlug: "handicapraadet" },
  /** the municipality with a task committee where citizens sit beside politicians */
  taskCommittee: { slug: "skanderborg", councilSlug: "opgaveudvalg-faellesskaber-for-alle" },
  /** the municipality with a cancelled meeting */
  cancelledMeeting: { slug: "favrskov", councilSlug: "handicapraadet" },
  municipalitySlugs: municipalitySpecs.map((m) => m.slug),
  currentTerm: { name: "Funktionsperiode 2026–2029", startsOn: "2026-01-01", endsOn: "2029-12-31" },
} as const;

type Rows = {
  municipalities: (typeof municipalities.$inferInsert)[];
  councils: (typeof councils.$inferInsert)[];
  terms: (typeof terms.$inferInsert)[];
  people: (typeof people.$inferInsert)[];
  memberships: (typeof memberships.$inferInsert)[];
  hearings: (typeof hearings.$inferInsert)[];
  hearingResponses: (typeof hearingResponses.$inferInsert)[];
  meetings: (typeof meetings.$inferInsert)[];
  agendaItems: (typeof agendaItems.$inferInsert)[];
  attachments: (typeof attachments.$inferInsert)[];
  chatChannelLinks: (typeof chatChannelLinks.$inferInsert)[];
};

type Status = "planned" | "agenda_published" | "held" | "minutes_published" | "cancelled";

type ItemPlan = { text: ItemText; closed?: boolean; hearingId?: string; supplementary?: boolean };

type MeetingPlan = {
  councilId: string;
  date: string;
  time: string;
  durationMinutes?: number;
  location: string;
  status: Status;
  editor: string;
  items: ItemPlan[];
  cancellationReason?: string;
  /** overrides for the historic meeting */
  agendaPublishedAt?: Date;
  minutesPublishedAt?: Date;
  itemsCreatedAt?: Date;
  supplementaryCreatedAt?: Date;
};

type ResponsePlan = {
  body: string;
  status: "draft" | "approved" | "submitted";
  approvedAt?: Date;
  submittedAt?: Date;
};

type HearingPlan = {
  councilId: string;
  text: HearingText;
  receivedOn: string;
  deadline: Date;
  public?: boolean;
  response?: ResponsePlan;
};

type Member = {
  name: string;
  side: "organisation" | "municipal";
  seat: "dh" | "local_organisation" | "politician" | "official";
  role: "formand" | "naestformand" | "medlem" | "sekretaer";
  nominatedBy: string | null;
  livesInMunicipality: boolean | null;
  substitute: { name: string; publicName: boolean } | null;
};

const HOUR = 3_600_000;

class DemoBuilder {
  readonly rows: Rows = {
    municipalities: [],
    councils: [],
    terms: [],
    people: [],
    memberships: [],
    hearings: [],
    hearingResponses: [],
    meetings: [],
    agendaItems: [],
    attachments: [],
    chatChannelLinks: [],
  };
  readonly today: string;

  constructor(
    readonly now: Date,
    readonly municipalityId: string = "",
  ) {
    this.today = copenhagenDate(now);
  }

  /** never later than now (a published agenda or a response can't lie in the future) */
  notAfterNow(date: Date): Date {
    return date.getTime() > this.now.getTime() ? new Date(this.now.getTime() - 10 * 60_000) : date;
  }

  person(
    municipalityId: string,
    name: string,
    opts: { publicName?: boolean; lives?: boolean | null } = {},
  ): string {
    const id = randomUUID();
    this.rows.people.push({
      id,
      municipalityId,
      name,
      publicName: opts.publicName ?? true,
      livesInMunicipality: opts.lives ?? null,
    });
    return id;
  }

  /** Principals and their personal substitutes, from startsOn to endsOn (null while running). */
  members(
    municipalityId: string,
    councilId: string,
    list: readonly (Member & { personId?: string; substituteId?: string })[],
    startsOn: string,
    endsOn: string | null,
  ): { personId: string; substituteId: string | null }[] {
    return list.map((m) => {
      const personId =
        m.personId ?? this.person(municipalityId, m.name, { lives: m.livesInMunicipality, publicName: true });
      const membershipId = randomUUID();
      this.rows.memberships.push({
        id: membershipId,
        municipalityId,
        councilId,
        personId,
        side: m.side,
        seat: m.seat,
        role: m.role,
        votingRight: m.role !== "sekretaer" && m.seat !== "official",
        startsOn,
        endsOn,
        endReason: endsOn ? "Funktionsperioden udløb" : null,
        nominatedBy: m.nominatedBy,
      });
      let substituteId: string | null = null;
      if (m.substitute) {
        substituteId =
          m.substituteId ??
          this.person(municipalityId, m.substitute.name, {
            publicName: m.substitute.publicName,
            lives: m.livesInMunicipality,
          });
        this.rows.memberships.push({
          id: randomUUID(),
          municipalityId,
          councilId,
          personId: substituteId,
          side: m.side,
          seat: m.seat,
          role: "medlem",
          votingRight: m.seat !== "official",
          startsOn,
          endsOn,
          endReason: endsOn ? "Funktionsperioden udløb" : null,
          nominatedBy: m.nominatedBy,
          substituteForMembershipId: membershipId,
        });
      }
      return { personId, substituteId };
    });
  }

  attachment(
    municipalityId: string,
    owner: { agendaItemId?: string; hearingId?: string },
    file: DemoAttachment,
    at: Date,
  ) {
    const pdf = makePdf(file.title, file.lines);
    this.rows.attachments.push({
      municipalityId,
      agendaItemId: owner.agendaItemId ?? null,
      hearingId: owner.hearingId ?? null,
      fileName: file.fileName,
      mimeType: "application/pdf",
      size: pdf.size,
      sha512: pdf.sha512,
      content: pdf.content,
      text: pdf.text,
      createdAt: at,
      updatedAt: at,
    });
  }

  meeting(municipalityId: string, plan: MeetingPlan): string {
    const id = randomUUID();
    const startsAt = copenhagen(plan.date, plan.time);
    const endsAt = new Date(startsAt.getTime() + (plan.durationMinutes ?? 120) * 60_000);
    const published =
      plan.status === "agenda_published" || plan.status === "held" || plan.status === "minutes_published";
    const held = plan.status === "held" || plan.status === "minutes_published";
    const lastWorkingDay = workingDay(addDays(this.today, -1), "backward");
    const agendaPublishedAt = published
      ? (plan.agendaPublishedAt ??
        new Date(
          Math.min(
            copenhagen(workingDay(addDays(plan.date, -8), "backward"), "09:00").getTime(),
            copenhagen(lastWorkingDay, "09:00").getTime(),
          ),
        ))
      : null;
    const minutesPublishedAt =
      plan.status === "minutes_published"
        ? this.notAfterNow(
            plan.minutesPublishedAt ?? copenhagen(workingDay(addDays(plan.date, 9), "forward"), "10:00"),
          )
        : null;
    const cancelledAt =
      plan.status === "cancelled"
        ? copenhagen(workingDay(addDays(plan.date, -6), "backward"), "11:00")
        : null;
    const itemsCreatedAt =
      plan.itemsCreatedAt ??
      (agendaPublishedAt
        ? new Date(agendaPublishedAt.getTime() - 72 * HOUR)
        : this.notAfterNow(
            new Date(Math.min(startsAt.getTime() - 21 * 24 * HOUR, this.now.getTime() - 48 * HOUR)),
          ));
    const createdAt = new Date(itemsCreatedAt.getTime() - 24 * HOUR);
    const updatedAt =
      minutesPublishedAt ??
      (held ? this.notAfterNow(endsAt) : (agendaPublishedAt ?? cancelledAt ?? createdAt));
    this.rows.meetings.push({
      id,
      municipalityId,
      councilId: plan.councilId,
      startsAt,
      endsAt,
      location: plan.location,
      status: plan.status,
      agendaPublishedAt,
      heldAt: held ? endsAt : null,
      minutesPublishedAt,
      cancelledAt,
      cancellationReason: plan.cancellationReason ?? null,
      responsibleEditor: plan.editor,
      createdAt,
      updatedAt,
    });
    plan.items.forEach((item, index) => {
      const itemId = randomUUID();
      const created =
        item.supplementary && agendaPublishedAt
          ? this.notAfterNow(
              plan.supplementaryCreatedAt ?? new Date(agendaPublishedAt.getTime() + 25.5 * HOUR),
            )
          : itemsCreatedAt;
      const t = item.text;
      this.rows.agendaItems.push({
        id: itemId,
        municipalityId,
        meetingId: id,
        position: index + 1,
        title: t.title,
        plainSummary: t.plainSummary ?? null,
        summary: t.summary,
        caseHistory: t.caseHistory ?? null,
        casePresentation: t.casePresentation,
        recommendation: t.recommendation,
        guests: t.guests ?? null,
        decision: held ? t.decision : null,
        closed: item.closed ?? false,
        hearingId: item.hearingId ?? null,
        createdAt: created,
        updatedAt: held ? (minutesPublishedAt ?? this.notAfterNow(endsAt)) : created,
      });
      if (t.attachment) this.attachment(municipalityId, { agendaItemId: itemId }, t.attachment, created);
    });
    return id;
  }

  hearing(municipalityId: string, plan: HearingPlan): string {
    const id = randomUUID();
    const createdAt = this.notAfterNow(copenhagen(plan.receivedOn, "10:00"));
    this.rows.hearings.push({
      id,
      municipalityId,
      councilId: plan.councilId,
      title: plan.text.title,
      plainSummary: plan.text.plainSummary,
      description: plan.text.description,
      requestingBody: plan.text.requestingBody,
      receivedOn: plan.receivedOn,
      responseDeadline: plan.deadline,
      public: plan.public ?? true,
      createdAt,
      updatedAt: createdAt,
    });
    if (plan.text.attachment)
      this.attachment(municipalityId, { hearingId: id }, plan.text.attachment, createdAt);
    if (plan.response) {
      const r = plan.response;
      const responseCreated = this.notAfterNow(new Date(createdAt.getTime() + 7 * 24 * HOUR));
      this.rows.hearingResponses.push({
        municipalityId,
        hearingId: id,
        body: r.body,
        status: r.status,
        approvedAt: r.approvedAt ?? null,
        submittedAt: r.submittedAt ?? null,
        createdAt: responseCreated,
        updatedAt: r.submittedAt ?? r.approvedAt ?? responseCreated,
      });
    }
    return id;
  }

  deadlineAt(date: string, direction: "forward" | "backward" = "forward"): Date {
    return copenhagen(workingDay(date, direction), "12:00");
  }

  hearingDeadlineText(deadline: Date): string {
    const date = copenhagenDate(deadline);
    const [y, m, d] = date.split("-").map(Number);
    const months = [
      "januar",
      "februar",
      "marts",
      "april",
      "maj",
      "juni",
      "juli",
      "august",
      "september",
      "oktober",
      "november",
      "december",
    ];
    return `${d}. ${months[(m ?? 1) - 1] ?? ""} ${y} kl. 12:00`;
  }
}

function ctxFor(spec: MunicipalitySpec, year: number): Ctx {
  return {
    kommune: spec.name,
    town: spec.town,
    year,
    forvaltning: spec.forvaltning,
    socialaftale: spec.socialaftale,
    socialaftaleSekretariat: spec.socialaftaleSekretariat,
    raadhus: spec.raadhus,
  };
}

function pick<T>(list: readonly T[], index: number): T {
  const value = list[index % list.length];
  if (value === undefined) throw new Error("empty list");
  return value;
}

/** Builds every demo row in memory; nothing touches the database here. */
export function buildDemoRows(now: Date): Rows {
  const b = new DemoBuilder(now);
  const today = b.today;
  const year = Number(today.slice(0, 4));

  municipalitySpecs.forEach((spec, i) => {
    const municipalityId = randomUUID();
    const ctx = ctxFor(spec, year);
    let k = 0;
    const nextName = () => inventedName(i, k++);
    b.rows.municipalities.push({
      id: municipalityId,
      slug: spec.slug,
      name: spec.name,
      code: spec.code,
      website: spec.website,
    });

    // --- Handicaprådet -------------------------------------------------------------------------
    const councilId = randomUUID();
    b.rows.councils.push({
      id: councilId,
      municipalityId,
      slug: "handicapraadet",
      name: "Handicaprådet",
      type: "handicapraad",
      purpose: `Handicaprådet rådgiver byrådet i ${spec.name} om handicappolitiske spørgsmål og skal høres om alle initiativer, der berører borgere med handicap (retssikkerhedslovens § 37 a). Rådet behandler ikke enkeltsager.`,
      agendaCutoffWorkingDays: 5,
      minutesCorrectionDays: 8,
      meetingsPerYear: 4,
      reminderOffsetsDays: [7, 1],
    });
    b.rows.terms.push(
      {
        municipalityId,
        councilId,
        name: "Funktionsperiode 2026–2029",
        startsOn: "2026-01-01",
        endsOn: "2029-12-31",
      },
      {
        municipalityId,
        councilId,
        name: "Funktionsperiode 2022–2025",
        startsOn: "2022-01-01",
        endsOn: "2025-12-31",
      },
    );
    if (spec.slug === "broenderslev") {
      b.rows.terms.push({
        municipalityId,
        councilId,
        name: "Funktionsperiode 2018–2021",
        startsOn: "2018-01-01",
        endsOn: "2021-12-31",
      });
    }

    const without = new Set(spec.withoutSubstitute ?? []);
    const current: Member[] = [
      ...spec.organisations.map(
        (o, j): Member => ({
          name: nextName(),
          side: "organisation",
          seat: o.seat,
          role: j === 0 ? "formand" : "medlem",
          nominatedBy: o.organisation,
          livesInMunicipality: true,
          substitute: without.has(j) ? null : { name: nextName(), publicName: j !== 2 },
        }),
      ),
      ...Array.from(
        { length: spec.politicians },
        (_, j): Member => ({
          name: nextName(),
          side: "municipal",
          seat: "politician",
          role: j === 0 ? "naestformand" : "medlem",
          nominatedBy: "Byrådet",
          livesInMunicipality: true,
          substitute: { name: nextName(), publicName: true },
        }),
      ),
      ...Array.from(
        { length: spec.officials },
        (_, j): Member => ({
          name: nextName(),
          side: "municipal",
          seat: "official",
          role: "medlem",
          nominatedBy:
            j === 0 ? `${spec.forvaltning}, Handicap og Psykiatri` : `${spec.forvaltning}, Børn og Familie`,
          livesInMunicipality: null,
          substitute: { name: nextName(), publicName: true },
        }),
      ),
    ];
    const currentIds = b.members(municipalityId, councilId, current, "2026-01-01", null);
    const secretaryId = b.person(municipalityId, spec.secretary);
    b.members(
      municipalityId,
      councilId,
      [
        {
          name: spec.secretary,
          personId: secretaryId,
          side: "municipal",
          seat: "official",
          role: "sekretaer",
          nominatedBy: spec.forvaltning,
          livesInMunicipality: null,
          substitute: null,
        },
      ],
      "2022-01-01",
      null,
    );
    // The previous term: the chair, one more organisation member and the vice-chair continued; the others were new then.
    const continuing = new Set([0, 1, spec.organisations.length]);
    const previous = current
      .slice(0, spec.organisations.length + spec.politicians + spec.officials)
      .map((m, j) => {
        const ids = currentIds[j];
        if (continuing.has(j) && ids) {
          return {
            ...m,
            personId: ids.personId,
            ...(ids.substituteId ? { substituteId: ids.substituteId } : {}),
          };
        }
        return {
          ...m,
          name: nextName(),
          substitute: { name: nextName(), publicName: true },
        };
      });
    b.members(municipalityId, councilId, previous, "2022-01-01", "2025-12-31");

    // --- Hearings ------------------------------------------------------------------------------
    const others = [0, 1, 2, 3, 5].map((t) => pick(hearingTemplates, t));
    const pastDates = [-(262 + i * 3), -(170 + i * 2), -(82 + i)].map((d) =>
      meetingDay(addDays(today, d), "backward"),
    );
    const [past0, past1, past2] = pastDates as [string, string, string];
    // The recently held meeting stays within its 8-day correction window, even in the holiday season.
    const heldDate = meetingDay(addDays(today, -3), "backward", { avoidHolidaySeasons: false });
    const upcomingDate = meetingDay(addDays(today, 9 + ((i * 2) % 11)), "forward");
    const plannedDate = meetingDay(addDays(today, 32 + ((i * 3) % 13)), "forward");

    const pastHearing = pick(hearingTemplates, 4)(ctx);
    const pastDeadline = b.deadlineAt(addDays(past1, 10));
    const pastHearingId = b.hearing(municipalityId, {
      councilId,
      text: pastHearing,
      receivedOn: addDays(past1, -20),
      deadline: pastDeadline,
      response: {
        body: pastHearing.response,
        status: "submitted",
        approvedAt: copenhagen(workingDay(addDays(past1, 2), "forward"), "12:00"),
        submittedAt: copenhagen(workingDay(addDays(past1, 8), "forward"), "09:30"),
      },
    });

    const soon = pick(others, i)(ctx);
    const soonDeadline = b.deadlineAt(addDays(today, 5 + (i % 3)));
    const soonApproved = i % 2 === 0;
    const soonHearingId = b.hearing(municipalityId, {
      councilId,
      text: soon,
      receivedOn: addDays(today, -30),
      deadline: soonDeadline,
      response: soonApproved
        ? {
            body: soon.response,
            status: "approved",
            approvedAt: b.notAfterNow(copenhagen(workingDay(addDays(today, -2), "backward"), "15:00")),
          }
        : { body: `Udkast: ${soon.response}`, status: "draft" },
    });

    const mid = pick(others, i + 1)(ctx);
    const midDeadline = b.deadlineAt(addDays(upcomingDate, 3));
    const midHearingId = b.hearing(municipalityId, {
      councilId,
      text: mid,
      receivedOn: addDays(today, -12),
      deadline: midDeadline,
      response: {
        body: `Udkast til drøftelse på mødet: ${mid.response} [Formanden supplerer efter mødet.]`,
        status: "draft",
      },
    });

    const late = pick(others, i + 2)(ctx);
    const lateDeadline = b.deadlineAt(addDays(plannedDate, 5));
    const lateHearingId = b.hearing(municipalityId, {
      councilId,
      text: late,
      receivedOn: addDays(today, -4),
      deadline: lateDeadline,
    });

    if (spec.overdueHearing) {
      const overdue = pick(others, i + 3)(ctx);
      b.hearing(municipalityId, {
        councilId,
        text: overdue,
        receivedOn: addDays(today, -35),
        deadline: b.deadlineAt(addDays(today, -2), "backward"),
      });
    }
    if (spec.internalHearing) {
      b.hearing(municipalityId, {
        councilId,
        text: internalHearing(ctx),
        receivedOn: addDays(today, -6),
        deadline: b.deadlineAt(addDays(today, 18)),
        public: false,
      });
    }

    // --- Meetings ------------------------------------------------------------------------------
    let s = (i * 5) % handicapSubjects.length;
    const subject = (): ItemPlan => ({ text: pick(handicapSubjects, s++)(ctx) });
    const base = { councilId, time: spec.meetingTime, location: spec.venue, editor: spec.secretary };
    const fixed = (text: ItemText): ItemPlan => ({ text });

    b.meeting(municipalityId, {
      ...base,
      date: past0,
      status: "minutes_published",
      items: [fixed(approveAgenda(ctx)), subject(), subject(), subject(), fixed(other(ctx))],
    });
    b.meeting(municipalityId, {
      ...base,
      date: past1,
      status: "minutes_published",
      items: [
        fixed(approveAgenda(ctx)),
        { text: hearingItem(pastHearing, b.hearingDeadlineText(pastDeadline)), hearingId: pastHearingId },
        subject(),
        subject(),
        { text: pick(closedSubjects, i)(ctx), closed: true },
        fixed(other(ctx)),
      ],
    });
    if (spec.cancelledMeeting) {
      b.meeting(municipalityId, {
        ...base,
        date: meetingDay(addDays(past1, 45), "forward"),
        status: "cancelled",
        cancellationReason:
          "Mødet er aflyst, fordi der ikke var sager nok til dagsordenen. Sagerne behandles på næste ordinære møde.",
        items: [],
      });
    }
    b.meeting(municipalityId, {
      ...base,
      date: past2,
      status: "minutes_published",
      items: [fixed(approveAgenda(ctx)), subject(), subject(), fixed(announcements(ctx)), fixed(other(ctx))],
    });
    b.meeting(municipalityId, {
      ...base,
      date: heldDate,
      status: "held",
      items: [
        fixed(approveAgenda(ctx)),
        { text: hearingItem(soon, b.hearingDeadlineText(soonDeadline)), hearingId: soonHearingId },
        subject(),
        subject(),
        fixed(other(ctx)),
      ],
    });
    const upcomingItems: ItemPlan[] = [
      fixed(approveAgenda(ctx)),
      { text: hearingItem(mid, b.hearingDeadlineText(midDeadline)), hearingId: midHearingId },
      subject(),
      fixed(announcements(ctx)),
      fixed(other(ctx)),
    ];
    if (spec.slug === "randers") {
      // A late addition: on the supplementary agenda (tillægsdagsorden).
      upcomingItems.splice(3, 0, { ...subject(), supplementary: true });
    }
    b.meeting(municipalityId, {
      ...base,
      date: upcomingDate,
      status: "agenda_published",
      items: upcomingItems,
    });
    b.meeting(municipalityId, {
      ...base,
      date: plannedDate,
      status: "planned",
      items: [
        fixed(approveAgenda(ctx)),
        subject(),
        { text: hearingItem(late, b.hearingDeadlineText(lateDeadline)), hearingId: lateHearingId },
        fixed(other(ctx)),
      ],
    });

    // --- Brønderslev: the meeting of 3 December 2019 and its supplementary agenda ---------------
    if (spec.slug === "broenderslev") {
      const h = nordjyskSocialaftaleHearing;
      const hearingId = b.hearing(municipalityId, {
        councilId,
        text: { ...h, response: h.response.body },
        receivedOn: h.receivedOn,
        deadline: copenhagen(h.deadline.date, h.deadline.time),
        response: {
          body: h.response.body,
          status: "submitted",
          approvedAt: copenhagen(h.response.approved.date, h.response.approved.time),
          submittedAt: copenhagen(h.response.submitted.date, h.response.submitted.time),
        },
      });
      const m = historicMeeting;
      const [approve, ...rest] = historicOrdinaryItems;
      b.meeting(municipalityId, {
        councilId,
        date: m.date,
        time: m.time,
        location: m.location,
        status: "minutes_published",
        editor: m.responsibleEditor,
        agendaPublishedAt: copenhagen(m.agendaPublished.date, m.agendaPublished.time),
        minutesPublishedAt: copenhagen(m.minutesPublished.date, m.minutesPublished.time),
        itemsCreatedAt: copenhagen(m.itemsCreated.date, m.itemsCreated.time),
        supplementaryCreatedAt: copenhagen(m.supplementaryAdded.date, m.supplementaryAdded.time),
        items: [
          ...(approve ? [fixed(approve)] : []),
          ...rest.map(fixed),
          { text: nordjyskSocialaftaleItem, hearingId, supplementary: true },
        ],
      });
      b.rows.chatChannelLinks.push(
        { municipalityId, councilId, platform: "slack", teamId: "T0DEMO", channelId: "C0HANDICAP" },
        {
          municipalityId,
          councilId,
          platform: "teams",
          teamId: "",
          channelId: "19:demo-handicapraad@thread.tacv2",
        },
      );
    }

    // --- Ældrerådet ----------------------------------------------------------------------------
    if (spec.seniorCouncil) {
      const seniorId = randomUUID();
      b.rows.councils.push({
        id: seniorId,
        municipalityId,
        slug: "aeldreraadet",
        name: "Ældrerådet",
        type: "aeldreraad",
        purpose: `Ældrerådet er valgt af borgere over 60 år i ${spec.name} og rådgiver byrådet om forhold, der har betydning for ældre.`,
        agendaCutoffWorkingDays: 5,
        minutesCorrectionDays: 8,
        meetingsPerYear: 10,
        reminderOffsetsDays: [7, 1],
      });
      b.rows.terms.push({
        municipalityId,
        councilId: seniorId,
        name: "Funktionsperiode 2026–2029",
        startsOn: "2026-01-01",
        endsOn: "2029-12-31",
      });
      const elected = Array.from(
        { length: 7 },
        (_, j): Member => ({
          name: nextName(),
          side: "organisation",
          seat: "local_organisation",
          role: j === 0 ? "formand" : j === 1 ? "naestformand" : "medlem",
          nominatedBy: "Valgt ved ældrerådsvalget 2025",
          livesInMunicipality: true,
          substitute: { name: nextName(), publicName: true },
        }),
      );
      b.members(municipalityId, seniorId, elected, "2026-01-01", null);
      b.members(
        municipalityId,
        seniorId,
        [
          {
            name: spec.secretary,
            personId: secretaryId,
            side: "municipal",
            seat: "official",
            role: "sekretaer",
            nominatedBy: spec.forvaltning,
            livesInMunicipality: null,
            substitute: null,
          },
        ],
        "2026-01-01",
        null,
      );
      const seniorBase = { councilId: seniorId, time: "10:00", location: spec.venue, editor: spec.secretary };
      b.meeting(municipalityId, {
        ...seniorBase,
        date: meetingDay(addDays(today, -(58 + i)), "backward"),
        status: "minutes_published",
        items: [
          fixed(approveAgenda(ctx)),
          fixed(pick(seniorSubjects, 0)(ctx)),
          fixed(pick(seniorSubjects, 3)(ctx)),
          fixed(other(ctx)),
        ],
      });
      const seniorText = seniorHearing(ctx);
      const seniorDeadline = b.deadlineAt(addDays(today, 12));
      const seniorHearingId = b.hearing(municipalityId, {
        councilId: seniorId,
        text: seniorText,
        receivedOn: addDays(today, -14),
        deadline: seniorDeadline,
        response: { body: `Udkast: ${seniorText.response}`, status: "draft" },
      });
      b.meeting(municipalityId, {
        ...seniorBase,
        date: meetingDay(addDays(today, 6 + (i % 4)), "forward"),
        status: "agenda_published",
        items: [
          fixed(approveAgenda(ctx)),
          {
            text: hearingItem(seniorText, b.hearingDeadlineText(seniorDeadline)),
            hearingId: seniorHearingId,
          },
          fixed(pick(seniorSubjects, 1)(ctx)),
          fixed(other(ctx)),
        ],
      });
      b.meeting(municipalityId, {
        ...seniorBase,
        date: meetingDay(addDays(today, 36 + i), "forward"),
        status: "planned",
        items: [fixed(approveAgenda(ctx)), fixed(pick(seniorSubjects, 2)(ctx)), fixed(other(ctx))],
      });
    }

    // --- Skanderborg's task committee (opgaveudvalg) -------------------------------------------
    if (spec.taskCommittee) {
      const tc = spec.taskCommittee;
      const tcId = randomUUID();
      b.rows.councils.push({
        id: tcId,
        municipalityId,
        slug: tc.slug,
        name: tc.name,
        type: "opgaveudvalg",
        purpose: tc.purpose,
        agendaCutoffWorkingDays: 5,
        minutesCorrectionDays: 8,
        meetingsPerYear: 8,
        reminderOffsetsDays: [3, 1],
      });
      const termStart = addDays(today, -75);
      b.rows.terms.push({
        municipalityId,
        councilId: tcId,
        name: `Udvalgsperiode ${termStart.slice(0, 4)}–${addDays(today, 120).slice(0, 4)}`,
        startsOn: termStart,
        endsOn: addDays(today, 120),
      });
      const citizens = Array.from(
        { length: 5 },
        (_, j): Member => ({
          name: nextName(),
          side: "organisation",
          seat: "local_organisation",
          role: j === 0 ? "naestformand" : "medlem",
          nominatedBy: "Udpeget af byrådet efter ansøgning",
          livesInMunicipality: true,
          substitute: null,
        }),
      );
      const politicians = Array.from(
        { length: 3 },
        (_, j): Member => ({
          name: nextName(),
          side: "municipal",
          seat: "politician",
          role: j === 0 ? "formand" : "medlem",
          nominatedBy: "Byrådet",
          livesInMunicipality: true,
          substitute: null,
        }),
      );
      const tcMembers = b.members(
        municipalityId,
        tcId,
        [...citizens, ...politicians],
        termStart,
        addDays(today, 120),
      );
      // One citizen member prefers not to be named publicly.
      const shy = tcMembers[4];
      const shyPerson = shy ? b.rows.people.find((p) => p.id === shy.personId) : undefined;
      if (shyPerson) shyPerson.publicName = false;
      b.members(
        municipalityId,
        tcId,
        [
          {
            name: spec.secretary,
            personId: secretaryId,
            side: "municipal",
            seat: "official",
            role: "sekretaer",
            nominatedBy: spec.forvaltning,
            livesInMunicipality: null,
            substitute: null,
          },
        ],
        termStart,
        addDays(today, 120),
      );
      const tcBase = {
        councilId: tcId,
        time: "17:00",
        location: "Kulturhuset Skanderborg, lokale 2",
        editor: spec.secretary,
      };
      b.meeting(municipalityId, {
        ...tcBase,
        date: meetingDay(addDays(today, -40), "backward"),
        status: "minutes_published",
        durationMinutes: 180,
        items: [fixed(approveAgenda(ctx)), fixed(pick(taskCommitteeSubjects, 0)(ctx)), fixed(other(ctx))],
      });
      b.meeting(municipalityId, {
        ...tcBase,
        date: meetingDay(addDays(today, 7), "forward"),
        status: "agenda_published",
        durationMinutes: 180,
        items: [fixed(approveAgenda(ctx)), fixed(pick(taskCommitteeSubjects, 1)(ctx)), fixed(other(ctx))],
      });
      b.meeting(municipalityId, {
        ...tcBase,
        date: meetingDay(addDays(today, 35), "forward"),
        status: "planned",
        durationMinutes: 180,
        items: [fixed(approveAgenda(ctx)), fixed(pick(taskCommitteeSubjects, 2)(ctx))],
      });
    }
  });
  return b.rows;
}

async function insertAll<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
  size = 400,
): Promise<void> {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/**
 * Seeds the demo into an empty database and reports what it added; returns `{ seeded: false }`
 * without touching anything when the database already holds a municipality.
 */
export async function seedDemoData(db: Database, now: Date): Promise<DemoSummary> {
  const none: DemoSummary = { seeded: false, municipalities: 0, councils: 0, meetings: 0, hearings: 0 };
  if (!(await isEmpty(db))) return none;
  const rows = buildDemoRows(now);
  const seeded = await db.transaction(async (tx: Transaction) => {
    // Check again inside the transaction; the unique slug and code make a concurrent second seed fail and roll back.
    const [existing] = await tx.select({ n: count() }).from(municipalities);
    if ((existing?.n ?? 0) > 0) return false;
    await insertAll(rows.municipalities, (c) => tx.insert(municipalities).values(c));
    await insertAll(rows.councils, (c) => tx.insert(councils).values(c));
    await insertAll(rows.terms, (c) => tx.insert(terms).values(c));
    await insertAll(rows.people, (c) => tx.insert(people).values(c));
    await insertAll(rows.memberships, (c) => tx.insert(memberships).values(c));
    await insertAll(rows.hearings, (c) => tx.insert(hearings).values(c));
    await insertAll(rows.hearingResponses, (c) => tx.insert(hearingResponses).values(c));
    await insertAll(rows.meetings, (c) => tx.insert(meetings).values(c));
    await insertAll(rows.agendaItems, (c) => tx.insert(agendaItems).values(c));
    await insertAll(rows.attachments, (c) => tx.insert(attachments).values(c), 50);
    await insertAll(rows.chatChannelLinks, (c) => tx.insert(chatChannelLinks).values(c));
    await seedDemoPolicies(tx, now);
    await seedDemoPartnerships(tx, now);
    await seedDemoCoCreation(tx, now);
    await seedDemoCooperationAgreement(tx, now);
    await seedDemoCoCreationVotes(tx, now);
    await seedDemoEvaluations(tx, now);
    return true;
  });
  if (!seeded) return none;
  return {
    seeded: true,
    municipalities: rows.municipalities.length,
    councils: rows.councils.length,
    meetings: rows.meetings.length,
    hearings: rows.hearings.length,
  };
}

/**
 * What must never reach the public site or open data, for leak tests in other packages: the titles of
 * closed items (lukket punkt) and the bodies of draft hearing responses, as seeded for `now`.
 */
export function demoSecrets(now: Date): { closedItemTitles: string[]; draftResponseBodies: string[] } {
  const rows = buildDemoRows(now);
  return {
    closedItemTitles: [...new Set(rows.agendaItems.filter((i) => i.closed).map((i) => i.title))],
    draftResponseBodies: [
      ...new Set(rows.hearingResponses.filter((r) => r.status === "draft").map((r) => r.body)),
    ],
  };
}
