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
import type { Urls } from "./urls.ts";

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

/** A published (or finished) process with its phases, and the URLs of its sessions, ideas and result. */
export function processObject(urls: Urls, p: OparlProcessRow): OparlObject {
  const id = urls.object("co-creation-process", p.id);
  return (
    deletedStub(id, coCreationTypes.process, p) ??
    compact({
      id,
      type: coCreationTypes.process,
      body: urls.object("body", p.municipalityId),
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
      web: web(urls, p.path),
      created: dateTime(p.created),
      modified: dateTime(p.modified),
    })
  );
}

/** A workshop or meeting of a process: time, place and accessibility facts — never who signed up. */
export function sessionObject(urls: Urls, s: OparlSessionRow): OparlObject {
  const id = urls.object("co-creation-session", s.id);
  return (
    deletedStub(id, coCreationTypes.session, s) ??
    compact({
      id,
      type: coCreationTypes.session,
      body: urls.object("body", s.municipalityId),
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
      web: web(urls, `${s.processPath}#moede-${s.id}`),
      created: dateTime(s.created),
      modified: dateTime(s.modified),
    })
  );
}

/** A published idea; its author as the public site shows them: first name or "Anonym", as the author chose. */
export function ideaObject(urls: Urls, i: OparlIdeaRow): OparlObject {
  const id = urls.object("idea", i.id);
  return (
    deletedStub(id, coCreationTypes.idea, i) ??
    compact({
      id,
      type: coCreationTypes.idea,
      body: urls.object("body", i.municipalityId),
      process: urls.object("co-creation-process", i.processId),
      name: i.title,
      description: i.description,
      estimatedCost: i.estimatedCost ?? undefined,
      author: ideaAuthorLabel({ authorName: i.shownName, showName: i.shownName !== null }).da,
      web: web(urls, `${i.processPath}/forslag#forslag-${i.id}`),
      created: dateTime(i.created),
      modified: dateTime(i.modified),
    })
  );
}

/** The published result of a citizen-run budget vote: totals per idea, ranks, what got money, and turnout. */
export function voteResultObject(urls: Urls, v: OparlVoteResultRow): OparlObject {
  const id = urls.object("vote-result", v.id);
  return (
    deletedStub(id, coCreationTypes.voteResult, v) ??
    compact({
      id,
      type: coCreationTypes.voteResult,
      body: urls.object("body", v.municipalityId),
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
      web: web(urls, `${v.processPath}/resultat`),
      created: dateTime(v.created),
      modified: dateTime(v.modified),
    })
  );
}
