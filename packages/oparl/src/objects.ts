import type {
  OparlPolicyActionRow,
  OparlPolicyPaperRow,
  oparlAgendaItems,
  oparlBodies,
  oparlConsultations,
  oparlFiles,
  oparlLegislativeTerms,
  oparlLocations,
  oparlMeetings,
  oparlMemberships,
  oparlOrganizations,
  oparlPapers,
  oparlPeople,
} from "@samraad/db/queries";
import { councilTypeLabels } from "@samraad/domain/councils";
import { meetingStatusLabels, publicItemView } from "@samraad/domain/meetings";
import { actionStatusLabels, sectorLabels } from "@samraad/domain/policy";
import { formatDate } from "@samraad/domain/shared";
import { dateTime } from "./time.ts";
import type { Urls } from "./urls.ts";

/*
 * Rows → OParl 1.1 objects. Objects are built field by field (never by spreading a row) so a new column can never
 * leak into open data. Absent data is left out rather than sent as null or "" (OParl "null-Werte und leere Listen").
 * Danish extensions carry the vendor prefix `samraad:` (see README).
 */

type Row<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>> extends (infer R)[] ? R : never;
export type OparlObject = { id: string; type: string; [key: string]: unknown };

const schema = (type: string) => `https://schema.oparl.org/1.1/${type}`;

/** Drops undefined, null and empty strings/arrays, as the standard recommends. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

type Lifecycle = { created: number; modified: number; deleted: boolean };

/**
 * OParl soft delete: a deleted object keeps id, type, created, gets modified and `deleted: true`, nothing else.
 * `type` is a standard type's name or a vendor type (`samraad:…`), which is its own type name.
 */
export function deletedStub(id: string, type: string, row: Lifecycle): OparlObject | null {
  return row.deleted
    ? {
        id,
        type: type.startsWith("samraad:") ? type : schema(type),
        created: dateTime(row.created),
        modified: dateTime(row.modified),
        deleted: true,
      }
    : null;
}

const membershipRoleLabels: Record<string, string> = {
  formand: "Formand",
  naestformand: "Næstformand",
  medlem: "Medlem",
  sekretaer: "Sekretær",
};
const seatLabels: Record<string, string> = {
  dh: "Udpeget af Danske Handicaporganisationer",
  local_organisation: "Lokal organisation",
  politician: "Byrådsmedlem",
  official: "Embedsmandsrepræsentant",
};

export function systemObject(urls: Urls): OparlObject {
  return {
    id: urls.system(),
    type: schema("System"),
    oparlVersion: "https://schema.oparl.org/1.1/",
    name: "Samråd",
    body: urls.bodies(),
    website: urls.publicUrl,
  };
}

export function termObject(urls: Urls, t: Row<typeof oparlLegislativeTerms>): OparlObject {
  const id = urls.object("legislative-term", t.id);
  return (
    deletedStub(id, "LegislativeTerm", t) ??
    compact({
      id,
      type: schema("LegislativeTerm"),
      body: urls.object("body", t.municipalityId),
      name: t.name,
      startDate: t.startsOn,
      endDate: t.endsOn,
      "samraad:organization": urls.object("organization", t.councilId),
      created: dateTime(t.created),
      modified: dateTime(t.modified),
    })
  );
}

export function bodyObject(urls: Urls, b: Row<typeof oparlBodies>): OparlObject {
  const id = urls.object("body", b.id);
  const list = (name: string) => `${id}/${name}`;
  const stub = deletedStub(id, "Body", b);
  if (stub) return stub;
  return {
    ...compact({
      id,
      type: schema("Body"),
      system: urls.system(),
      name: b.name,
      shortName: b.name.replace(/ Kommune$/, ""),
      website: b.website ?? undefined,
      classification: "Kommune",
      "samraad:municipalityCode": b.code,
      organization: list("organizations"),
      person: list("people"),
      meeting: list("meetings"),
      paper: list("papers"),
      legislativeTermList: list("legislative-terms"),
      agendaItem: list("agenda-items"),
      consultation: list("consultations"),
      file: list("files"),
      locationList: list("locations"),
      membership: list("memberships"),
      "samraad:policyAction": list("policy-actions"),
      "samraad:coCreationProcess": list("co-creation-processes"),
      "samraad:coCreationSession": list("co-creation-sessions"),
      "samraad:idea": list("ideas"),
      "samraad:voteResult": list("vote-results"),
      created: dateTime(b.created),
      modified: dateTime(b.modified),
    }),
    // Required by the schema, so sent even when empty.
    legislativeTerm: b.terms.map((t) => termObject(urls, t)),
  };
}

export function organizationObject(urls: Urls, o: Row<typeof oparlOrganizations>): OparlObject {
  const id = urls.object("organization", o.id);
  return (
    deletedStub(id, "Organization", o) ??
    compact({
      id,
      type: schema("Organization"),
      body: urls.object("body", o.municipalityId),
      name: o.name,
      shortName: councilTypeLabels[o.type].da,
      organizationType: "Gremium",
      // An advisory council (rådgivende råd) is what German council systems call a Beirat.
      classification: "Beirat",
      keyword: [o.type, councilTypeLabels[o.type].da],
      membership: o.membershipIds.map((m) => urls.object("membership", m)),
      meeting: `${id}/meetings`,
      "samraad:purpose": o.purpose ?? undefined,
      created: dateTime(o.created),
      modified: dateTime(o.modified),
    })
  );
}

export function membershipObject(urls: Urls, m: Row<typeof oparlMemberships>): OparlObject {
  const id = urls.object("membership", m.id);
  return (
    deletedStub(id, "Membership", m) ??
    compact({
      id,
      type: schema("Membership"),
      person: urls.object("person", m.personId),
      organization: urls.object("organization", m.councilId),
      role: m.substituteFor ? "Stedfortræder" : (membershipRoleLabels[m.role] ?? m.role),
      votingRight: m.votingRight,
      startDate: m.startsOn,
      endDate: m.endsOn ?? undefined,
      // OParl's onBehalfOf must be an Organization URL; we only know the nominating body's name.
      "samraad:nominatedBy": m.nominatedBy ?? undefined,
      "samraad:seat": seatLabels[m.seat] ?? m.seat,
      "samraad:side": m.side === "organisation" ? "Organisationssiden" : "Kommunesiden",
      "samraad:substituteFor": m.substituteFor ? urls.object("membership", m.substituteFor) : undefined,
      "samraad:substitute": m.substitute ? urls.object("membership", m.substitute) : undefined,
      created: dateTime(m.created),
      modified: dateTime(m.modified),
    })
  );
}

export function personObject(urls: Urls, p: Row<typeof oparlPeople>): OparlObject {
  const id = urls.object("person", p.id);
  return (
    deletedStub(id, "Person", p) ??
    compact({
      id,
      type: schema("Person"),
      body: urls.object("body", p.municipalityId),
      name: p.name ?? undefined,
      membership: p.memberships.map((m) => membershipObject(urls, m)),
      created: dateTime(p.created),
      modified: dateTime(p.modified),
    })
  );
}

export function fileObject(urls: Urls, f: Row<typeof oparlFiles>): OparlObject {
  const id = urls.object("file", f.id);
  const download = `${id}/download`;
  return (
    deletedStub(id, "File", f) ??
    compact({
      id,
      type: schema("File"),
      name: f.fileName,
      fileName: f.fileName,
      mimeType: f.mimeType,
      date: f.date,
      size: f.size,
      sha512Checksum: f.sha512,
      text: f.text ?? undefined,
      accessUrl: download,
      downloadUrl: download,
      agendaItem: f.agendaItemId ? [urls.object("agenda-item", f.agendaItemId)] : undefined,
      meeting: f.meetingId ? [urls.object("meeting", f.meetingId)] : undefined,
      paper: f.hearingId && !f.agendaItemId ? [urls.object("paper", f.hearingId)] : undefined,
      created: dateTime(f.created),
      modified: dateTime(f.modified),
    })
  );
}

type ItemRow = Omit<Row<typeof oparlAgendaItems>, "files"> & { files: Row<typeof oparlFiles>[] };

export function agendaItemObject(urls: Urls, i: ItemRow): OparlObject {
  const id = urls.object("agenda-item", i.id);
  const stub = deletedStub(id, "AgendaItem", i);
  if (stub) return stub;
  // The domain's public view is the only way an item reaches the public: a closed item keeps its place only.
  const view = publicItemView(i, { status: i.meetingStatus });
  const base = {
    id,
    type: schema("AgendaItem"),
    meeting: urls.object("meeting", i.meetingId),
    number: `${i.position}.`,
    order: i.order,
    created: dateTime(i.created),
    modified: dateTime(i.modified),
  };
  if (view.closed) return { ...base, public: false };
  return compact({
    ...base,
    name: view.title,
    public: true,
    consultation: i.consultationHearingId ? urls.object("consultation", i.consultationHearingId) : undefined,
    result: view.decision !== null ? "Behandlet" : undefined,
    resolutionText: view.decision ?? undefined,
    auxiliaryFile: i.files.map((f) => fileObject(urls, f)),
    "samraad:plainSummary": view.plainSummary ?? undefined,
    "samraad:summary": view.summary ?? undefined,
    "samraad:caseHistory": view.caseHistory ?? undefined,
    "samraad:casePresentation": view.casePresentation ?? undefined,
    "samraad:recommendation": view.recommendation ?? undefined,
    "samraad:guests": view.guests ?? undefined,
  });
}

export function locationObject(
  urls: Urls,
  l: Pick<Row<typeof oparlLocations>, "id" | "location" | "created" | "modified" | "deleted">,
): OparlObject {
  const id = urls.object("location", l.id);
  return (
    deletedStub(id, "Location", l) ??
    compact({
      id,
      type: schema("Location"),
      description: l.location,
      meetings: [urls.object("meeting", l.id)],
      created: dateTime(l.created),
      modified: dateTime(l.modified),
    })
  );
}

export function meetingObject(urls: Urls, m: Row<typeof oparlMeetings>): OparlObject {
  const id = urls.object("meeting", m.id);
  return (
    deletedStub(id, "Meeting", m) ??
    compact({
      id,
      type: schema("Meeting"),
      name: m.title ?? `${m.councilName}, møde ${formatDate(new Date(m.startsAt))}`,
      meetingState: meetingStatusLabels[m.status].da,
      cancelled: m.status === "cancelled",
      start: dateTime(m.startsAt),
      end: m.endsAt !== null ? dateTime(m.endsAt) : undefined,
      location: locationObject(urls, {
        id: m.id,
        location: m.location,
        created: m.created,
        modified: m.modified,
        deleted: false,
      }),
      organization: [urls.object("organization", m.councilId)],
      agendaItem: m.items.map((i) => agendaItemObject(urls, i)),
      "samraad:cancellationReason":
        m.status === "cancelled" ? (m.cancellationReason ?? undefined) : undefined,
      "samraad:responsibleEditor": m.responsibleEditor ?? undefined,
      created: dateTime(m.created),
      modified: dateTime(m.modified),
    })
  );
}

type HearingRow = Row<typeof oparlConsultations>;

export function consultationObject(urls: Urls, h: HearingRow): OparlObject {
  const id = urls.object("consultation", h.id);
  return (
    deletedStub(id, "Consultation", h) ??
    compact({
      id,
      type: schema("Consultation"),
      paper: urls.object("paper", h.id),
      agendaItem: h.consultationItemId ? urls.object("agenda-item", h.consultationItemId) : undefined,
      meeting: h.consultationMeetingId ? urls.object("meeting", h.consultationMeetingId) : undefined,
      organization: [urls.object("organization", h.councilId)],
      // The council is heard; it advises and does not decide.
      authoritative: false,
      role: "Anhörung",
      "samraad:role": "Høring",
      created: dateTime(h.created),
      modified: dateTime(h.modified),
    })
  );
}

export function paperObject(urls: Urls, h: Row<typeof oparlPapers>): OparlObject {
  const id = urls.object("paper", h.id);
  return (
    deletedStub(id, "Paper", h) ??
    compact({
      id,
      type: schema("Paper"),
      body: urls.object("body", h.municipalityId),
      name: h.title,
      date: h.receivedOn,
      paperType: "Høring",
      auxiliaryFile: h.files.map((f) => fileObject(urls, f)),
      underDirectionOf: [urls.object("organization", h.councilId)],
      consultation: [consultationObject(urls, h)],
      "samraad:requestingBody": h.requestingBody,
      "samraad:plainSummary": h.plainSummary ?? undefined,
      "samraad:description": h.description ?? undefined,
      "samraad:responseDeadline": dateTime(h.responseDeadline),
      "samraad:response":
        h.responseBody !== null
          ? compact({
              text: h.responseBody,
              submitted: h.responseSubmittedAt !== null ? dateTime(h.responseSubmittedAt) : undefined,
            })
          : undefined,
      created: dateTime(h.created),
      modified: dateTime(h.modified),
    })
  );
}

/** The vendor type of a disability policy's action (no OParl type fits; see README "Disability policy"). */
export const policyActionType = "samraad:PolicyAction";

/**
 * An adopted disability policy as a Paper (`paperType: "Handicappolitik"`): its vision, period and plan
 * (focus areas → goals → success criteria) as `samraad:` properties, its actions as URLs of vendor objects.
 */
export function policyPaperObject(urls: Urls, p: OparlPolicyPaperRow): OparlObject {
  const id = urls.object("paper", p.id);
  const goals = (areaId: string) =>
    p.goals
      .filter((g) => g.focusAreaId === areaId)
      .map((g) =>
        compact({
          name: g.title,
          description: g.description ?? undefined,
          successCriteria: g.criteria.map((c) =>
            compact({
              indicator: c.indicator,
              baseline: c.baseline ?? undefined,
              target: c.target,
              unit: c.unit ?? undefined,
              measuredOn: c.measuredOn ?? undefined,
            }),
          ),
        }),
      );
  return (
    deletedStub(id, "Paper", p) ??
    compact({
      id,
      type: schema("Paper"),
      body: urls.object("body", p.municipalityId),
      name: p.title,
      date: p.adoptedOn ?? undefined,
      paperType: "Handicappolitik",
      underDirectionOf: [urls.object("organization", p.councilId)],
      // The hearing in which the council was consulted on the policy.
      relatedPaper: p.hearingId ? [urls.object("paper", p.hearingId)] : undefined,
      web: `${urls.publicUrl.replace(/\/+$/, "")}/handicappolitik/${p.id}`,
      "samraad:vision": p.vision ?? undefined,
      "samraad:adoptedBy": p.adoptedBy ?? undefined,
      "samraad:periodFrom": p.periodFrom ?? undefined,
      "samraad:periodTo": p.periodTo ?? undefined,
      "samraad:focusAreas": p.focusAreas.map((a) =>
        compact({ name: a.title, description: a.description ?? undefined, goals: goals(a.id) }),
      ),
      "samraad:action": p.actionIds.map((a) => urls.object("policy-action", a)),
      created: dateTime(p.created),
      modified: dateTime(p.modified),
    })
  );
}

/** One action of the plan — the conference's Handling · Mål · Tovholder · Hvor/når, with status and progress. */
export function policyActionObject(urls: Urls, a: OparlPolicyActionRow): OparlObject {
  const id = urls.object("policy-action", a.id);
  const stub = deletedStub(id, policyActionType, a);
  if (stub) return stub;
  return compact({
    id,
    type: policyActionType,
    body: urls.object("body", a.municipalityId),
    paper: urls.object("paper", a.policyId),
    name: a.handling,
    order: a.order,
    focusArea: a.focusArea ?? undefined,
    goal: a.goal ?? undefined,
    ownerName: a.ownerName ?? undefined,
    ownerSector: a.ownerSector ? sectorLabels[a.ownerSector].da : undefined,
    ownerSectorCode: a.ownerSector ?? undefined,
    location: a.place ?? undefined,
    startDate: a.startsOn ?? undefined,
    dueDate: a.dueOn ?? undefined,
    status: actionStatusLabels[a.status].da,
    statusCode: a.status,
    statusReason: a.statusReason ?? undefined,
    latestProgress: a.latest
      ? compact({
          date: a.latest.on,
          text: a.latest.text,
          percent: a.latest.percent ?? undefined,
          author: a.latest.authorName,
        })
      : undefined,
    created: dateTime(a.created),
    modified: dateTime(a.modified),
  });
}
