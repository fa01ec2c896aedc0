import type { OparlIdeaRow, OparlProcessRow, OparlSessionRow, OparlVoteResultRow } from "@samraad/db/queries";
import {
  allocationLabels,
  ideaAuthorLabel,
  outcomeLabels,
  phaseKindLabels,
  processStatusLabels,
  tieRule,
} from "@samraad/domain/co-creation";
import { partnerKindLabels } from "@samraad/domain/partnerships";
import { compact, deletedStub, type OparlObject } from "./objects.ts";
import { dateTime } from "./time.ts";
import type { ObjectKind, Urls } from "./urls.ts";

/*
 * Co-creation as vendor objects (see README "Co-creation"). No OParl type fits: a process is neither a document
 * (Paper) nor a group of people (Organization), and a workshop is no sitting of a council — a standard client
 * would list it among the council's meetings. Built field by field like every object, so nothing else can leak.
 */

export const coCreationTypes = {
  process: "samraad:CoCreationProcess",
  session: "samraad:CoCreationSession",
  idea: "samraad:Idea",
  voteResult: "samraad:VoteResult",
} as const;

/** The public site's page for a path the query built (`/kommuner/<slug>/samskabelse/<slug>…`). */
const web = (urls: Urls, path: string) => `${urls.publicUrl.replace(/\/+$/, "")}${path}`;

type CoCreationType = (typeof coCreationTypes)[keyof typeof coCreationTypes];

/**
 * What every co-creation object has around its own facts: its URL, type and municipality first, its page on the
 * public site and its dates last — or only a stub once it is deleted.
 */
function coCreationObject(
  urls: Urls,
  kind: ObjectKind,
  type: CoCreationType,
  row: Parameters<typeof deletedStub>[2] & { id: string; municipalityId: string },
  facts: Record<string, unknown>,
  webPath: string,
): OparlObject {
  const id = urls.object(kind, row.id);
  return (
    deletedStub(id, type, row) ??
    compact({
      id,
      type,
      body: urls.object("body", row.municipalityId),
      ...facts,
      web: web(urls, webPath),
      created: dateTime(row.created),
      modified: dateTime(row.modified),
    })
  );
}

/** A published (or finished) process with its phases, and the URLs of its sessions, ideas and result. */
export function processObject(urls: Urls, p: OparlProcessRow): OparlObject {
  return coCreationObject(
    urls,
    "co-creation-process",
    coCreationTypes.process,
    p,
    {
      organization: p.councilId ? urls.object("organization", p.councilId) : undefined,
      name: p.title,
      purpose: p.purpose,
      audience: p.audience ?? undefined,
      area: p.area ?? undefined,
      status: processStatusLabels[p.status].da,
      statusCode: p.status,
      phase: p.phases.map((ph) =>
        compact({
          name: ph.title,
          kind: phaseKindLabels[ph.kind].da,
          kindCode: ph.kind,
          description: ph.description ?? undefined,
          startDate: ph.startsOn,
          endDate: ph.endsOn,
        }),
      ),
      session: p.sessionIds.map((s) => urls.object("co-creation-session", s)),
      idea: p.ideaIds.map((i) => urls.object("idea", i)),
      voteResult: p.voteResultId ? urls.object("vote-result", p.voteResultId) : undefined,
      // The outcome: the agreement only once every partner signed it and it is published, never a draft.
      cooperationAgreement: p.agreement
        ? {
            name: p.agreement.title,
            partner: p.agreement.partners.map((pt) => ({
              name: pt.name,
              kind: partnerKindLabels[pt.kind].da,
              kindCode: pt.kind,
            })),
            inForceSince: dateTime(p.agreement.inForceSince),
            web: web(urls, `/partnerskaber/${p.agreement.id}`),
          }
        : undefined,
      followUp: p.followUpIds.map((a) => urls.object("policy-action", a)),
    },
    p.path,
  );
}

/** A workshop or meeting of a process: time, place and accessibility facts — never who signed up. */
export function sessionObject(urls: Urls, s: OparlSessionRow): OparlObject {
  return coCreationObject(
    urls,
    "co-creation-session",
    coCreationTypes.session,
    s,
    {
      process: urls.object("co-creation-process", s.processId),
      name: s.title,
      description: s.description ?? undefined,
      start: dateTime(s.startsAt.getTime()),
      end: s.endsAt ? dateTime(s.endsAt.getTime()) : undefined,
      place: s.place,
      address: s.address ?? undefined,
      accessibility: compact({
        stepFree: s.stepFree,
        hearingLoop: s.hearingLoop,
        signLanguageOnRequest: s.signLanguageOnRequest,
        childcare: s.childcare,
        note: s.accessibilityNote ?? undefined,
      }),
      capacity: s.capacity ?? undefined,
      registrationDeadline: s.registrationDeadline ? dateTime(s.registrationDeadline.getTime()) : undefined,
      waitingList: s.waitingList,
      cancelled: s.cancelledAt !== null,
    },
    `${s.processPath}#moede-${s.id}`,
  );
}

/** A published idea; its author as the public site shows them: first name or "Anonym", as the author chose. */
export function ideaObject(urls: Urls, i: OparlIdeaRow): OparlObject {
  return coCreationObject(
    urls,
    "idea",
    coCreationTypes.idea,
    i,
    {
      process: urls.object("co-creation-process", i.processId),
      name: i.title,
      description: i.description,
      estimatedCost: i.estimatedCost ?? undefined,
      author: ideaAuthorLabel({ authorName: i.shownName, showName: i.shownName !== null }).da,
    },
    `${i.processPath}/forslag#forslag-${i.id}`,
  );
}

/** The published result of a citizen-run budget vote: totals per idea, ranks, what got money, and turnout. */
export function voteResultObject(urls: Urls, v: OparlVoteResultRow): OparlObject {
  return coCreationObject(
    urls,
    "vote-result",
    coCreationTypes.voteResult,
    v,
    {
      process: urls.object("co-creation-process", v.processId),
      name: v.title,
      area: v.area,
      budget: v.budgetKroner,
      allocation: allocationLabels[v.allocation].da,
      allocationCode: v.allocation,
      winnersCount: v.winnersCount ?? undefined,
      maxChoices: v.maxChoices,
      votingStart: dateTime(v.opensAt),
      votingEnd: dateTime(v.closesAt),
      tieRule: tieRule.da,
      ballots: v.result.ballots,
      allocated: v.result.allocated,
      remaining: v.result.remaining,
      option: v.result.options.map((o) => {
        const idea = v.ideaOf.get(o.id);
        return compact({
          name: o.title,
          idea: idea ? urls.object("idea", idea) : undefined,
          position: o.position,
          cost: o.cost,
          votes: o.votes,
          rank: o.rank,
          outcome: outcomeLabels[o.outcome].da,
          outcomeCode: o.outcome,
        });
      }),
    },
    `${v.processPath}/resultat`,
  );
}
