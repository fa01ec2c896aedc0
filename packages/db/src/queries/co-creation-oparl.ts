import { computeResult, isPublicProcess, type PhaseKind, processStatuses } from "@samraad/domain/co-creation";
import { effectiveAt, type PartnerKind } from "@samraad/domain/partnerships";
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import {
  coCreationBallots,
  coCreationIdeas,
  coCreationProcesses,
  coCreationSessions,
  coCreationVoteOptions,
  coCreationVotes,
  councils,
  municipalities,
  policies,
  policyActions,
} from "../schema/index.ts";
import { sessionColumns } from "./co-creation.ts";
import { iso, lifecycleOf, type OparlListSpec, type OparlPageQuery, oparlListPage } from "./oparl.ts";
import { policyActionLive } from "./policy-oparl.ts";

/*
 * Co-creation in OParl (see packages/oparl/README.md): published processes, their sessions, their published
 * ideas and the published result of their vote, each a vendor object. Drafts, pending and rejected ideas and
 * unpublished results are never selected — not even as deleted stubs, so their ids stay unknown. Registrations,
 * needs, voters, ballot codes and single ballots are never read here; ballots only as the counts of a result that
 * has been published. One query per page, plus two for a page of results (their options and sealed ballots).
 */

// The domain decides which processes are public; SQL mirrors that decision, derived from it here.
const publicProcessStatuses = processStatuses.filter(isPublicProcess);
const processPublic = inArray(coCreationProcesses.status, publicProcessStatuses);
const processDeleted = sql`(${coCreationProcesses.deletedAt} is not null)`;

/*
 * A vote's result is public once published, if the vote had closed by then (the domain's votePhase at that
 * moment: closed early, or at its end) — so visibility does not depend on the clock. Un-publishing takes it
 * out of open data again.
 */
const voteEnd = sql`least(coalesce(${coCreationVotes.closedAt}, ${coCreationVotes.closesAt}), ${coCreationVotes.closesAt})`;
const resultPublished = sql`(${coCreationVotes.resultsPublishedAt} >= ${voteEnd})`;

/** Where the public site shows a process, so a harvester can link its readers there. */
const processPath = sql<string>`'/kommuner/' || ${municipalities.slug} || '/samskabelse/' || ${coCreationProcesses.slug}`;

/**
 * A list of what belongs to a process (its sessions, ideas, vote result): shown only while the process is public,
 * deleted with it, and modified when it is removed. Each list is read joined to its process.
 */
function processPartList(
  table: typeof coCreationSessions | typeof coCreationIdeas | typeof coCreationVotes,
  spec: { visible: SQL; modifiedToo: SQL[] },
): OparlListSpec {
  return {
    id: table.id,
    municipalityId: table.municipalityId,
    visible: spec.visible,
    created: sql`${table.createdAt}`,
    modified: sql`greatest(${sql.join(
      [
        sql`${table.updatedAt}`,
        sql`${table.deletedAt}`,
        ...spec.modifiedToo,
        sql`${coCreationProcesses.deletedAt}`,
      ],
      sql`, `,
    )})`,
    deleted: sql`(${table.deletedAt} is not null or ${processDeleted})`,
  };
}

// ---------------------------------------------------------------------------------------------- Process

/*
 * The outcome a process lists: its cooperation agreement and its follow-up actions. The process is modified
 * when the agreement, its partners, signatories or signatures change, or a linked action or its policy does —
 * also while they are not public, so that their becoming public (or ceasing to be) is seen. Only the moment shows,
 * never what changed. Linking and unlinking an action marks the process itself (setActionProcess).
 */
const outcomeModified = sql`(select max(greatest(pa.updated_at, pa.deleted_at,
      (select max(s.signed_at) from partnership_signatures s where s.partnership_id = pa.id),
      (select max(greatest(pr.updated_at, pr.deleted_at)) from partnership_partners pr where pr.partnership_id = pa.id),
      (select max(greatest(pp.updated_at, pp.deleted_at)) from partnership_people pp where pp.partnership_id = pa.id)))
    from partnerships pa where pa.co_creation_process_id = ${coCreationProcesses.id}),
  (select max(greatest(a.updated_at, a.deleted_at, p.updated_at, p.deleted_at)) from policy_actions a
    join policies p on p.id = a.policy_id where a.co_creation_process_id = ${coCreationProcesses.id})`;

/**
 * What is needed to tell whether a published agreement took effect (the partnership's own rule, effectiveAt):
 * its partners, their signatories and when they were named, and the agreement's signatures. An unpublished
 * agreement is not selected at all; a published one whose signing is incomplete is dropped after the rule ran.
 */
type AgreementSigning = {
  id: string;
  title: string;
  partners: {
    id: string;
    name: string;
    kind: PartnerKind;
    signatories: { id: string; namedAt: number }[];
  }[];
  signatures: { signatoryId: string; partnerId: string; signedAt: number }[];
};
const epochMs = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)::float8`);
const agreementSigning = sql<AgreementSigning | null>`(select json_build_object(
    'id', pa.id, 'title', pa.title,
    'partners', (select coalesce(json_agg(json_build_object('id', pr.id, 'name', pr.name, 'kind', pr.kind,
        'signatories', (select coalesce(json_agg(json_build_object('id', pp.id, 'namedAt', ${epochMs("pp.created_at")})), '[]'::json)
          from partnership_people pp where pp.partner_id = pr.id and pp.signatory and pp.deleted_at is null)
      ) order by pr.position, pr.id), '[]'::json)
      from partnership_partners pr where pr.partnership_id = pa.id and pr.deleted_at is null),
    'signatures', (select coalesce(json_agg(json_build_object('signatoryId', s.signatory_id,
        'partnerId', s.partner_id, 'signedAt', ${epochMs("s.signed_at")})), '[]'::json)
      from partnership_signatures s where s.partnership_id = pa.id and s.amendment_id is null))
  from partnerships pa where pa.co_creation_process_id = ${coCreationProcesses.id}
    and pa.deleted_at is null and pa.published)`;

/** The agreement as open data shows it: once every partner's signatories have signed it, else nothing. */
function signedAgreement(a: AgreementSigning | null) {
  if (!a) return null;
  const partners = a.partners.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    municipalityId: null,
    contacts: [],
    signatories: p.signatories.map((s) => ({
      id: s.id,
      partnerId: p.id,
      name: "",
      capacity: "",
      userId: null,
      namedAt: new Date(s.namedAt),
    })),
  }));
  const signatures = a.signatures.map((s) => ({
    ...s,
    name: "",
    capacity: "",
    signedAt: new Date(s.signedAt),
  }));
  const inForceSince = effectiveAt({ signatures }, partners);
  if (!inForceSince) return null;
  return {
    id: a.id,
    title: a.title,
    partners: a.partners.map((p) => ({ name: p.name, kind: p.kind })),
    inForceSince: inForceSince.getTime(),
  };
}

const processList: OparlListSpec = {
  id: coCreationProcesses.id,
  municipalityId: coCreationProcesses.municipalityId,
  visible: processPublic,
  created: sql`${coCreationProcesses.createdAt}`,
  // The process embeds its phases and lists its sessions, published ideas and published result: it changes when
  // they do. A pending idea is not counted, so its arrival does not show.
  modified: sql`greatest(${coCreationProcesses.updatedAt}, ${coCreationProcesses.deletedAt},
    (select max(greatest(ph.updated_at, ph.deleted_at)) from co_creation_phases ph where ph.process_id = ${coCreationProcesses.id}),
    (select max(greatest(s.updated_at, s.deleted_at)) from co_creation_sessions s where s.process_id = ${coCreationProcesses.id}),
    (select max(greatest(i.updated_at, i.deleted_at)) from co_creation_ideas i where i.process_id = ${coCreationProcesses.id} and i.status <> 'pending'),
    (select max(greatest(v.updated_at, v.results_published_at, v.deleted_at)) from co_creation_votes v where v.process_id = ${coCreationProcesses.id}),
    ${outcomeModified})`,
  deleted: processDeleted,
};

export type OparlPhase = {
  kind: PhaseKind;
  title: string;
  description: string | null;
  startsOn: string;
  endsOn: string;
};

export async function oparlCoCreationProcesses(db: Db, q: OparlPageQuery) {
  const select = db
    .select({
      id: coCreationProcesses.id,
      municipalityId: coCreationProcesses.municipalityId,
      councilId: coCreationProcesses.councilId,
      title: coCreationProcesses.title,
      purpose: coCreationProcesses.purpose,
      audience: coCreationProcesses.audience,
      area: coCreationProcesses.area,
      status: coCreationProcesses.status,
      path: processPath,
      phases: sql<OparlPhase[]>`(select coalesce(json_agg(json_build_object(
          'kind', ph.kind, 'title', ph.title, 'description', ph.description,
          'startsOn', ph.starts_on, 'endsOn', ph.ends_on) order by ph.starts_on, ph.position, ph.id), '[]'::json)
        from co_creation_phases ph where ph.process_id = ${coCreationProcesses.id} and ph.deleted_at is null)`,
      sessionIds: sql<string[]>`(select coalesce(json_agg(s.id order by s.starts_at, s.id), '[]'::json)
        from co_creation_sessions s where s.process_id = ${coCreationProcesses.id} and s.deleted_at is null)`,
      ideaIds: sql<string[]>`(select coalesce(json_agg(i.id order by i.created_at, i.id), '[]'::json)
        from co_creation_ideas i where i.process_id = ${coCreationProcesses.id} and i.deleted_at is null
          and i.status = 'published')`,
      voteResultId: sql<string | null>`(select ${coCreationVotes.id}::text from ${coCreationVotes}
        where ${coCreationVotes.processId} = ${coCreationProcesses.id} and ${coCreationVotes.deletedAt} is null
          and ${resultPublished})`,
      agreementSigning,
      // Follow-up actions while they are themselves live samraad:PolicyAction objects.
      followUpIds: sql<
        string[]
      >`(select coalesce(json_agg(${policyActions.id} order by ${policyActions.policyId},
          ${policyActions.position}, ${policyActions.id}), '[]'::json)
        from ${policyActions} join ${policies} on ${policies.id} = ${policyActions.policyId}
          join ${councils} on ${councils.id} = ${policies.councilId}
        where ${policyActions.coCreationProcessId} = ${coCreationProcesses.id} and ${policyActionLive})`,
      ...lifecycleOf(processList),
    })
    .from(coCreationProcesses)
    .innerJoin(municipalities, eq(municipalities.id, coCreationProcesses.municipalityId));
  const rows = await oparlListPage(select.$dynamic(), q, processList);
  return rows.map(({ agreementSigning, ...r }) => ({ ...r, agreement: signedAgreement(agreementSigning) }));
}

export type OparlProcessRow = Awaited<ReturnType<typeof oparlCoCreationProcesses>>[number];

// ---------------------------------------------------------------------------------------------- Session

const sessionList = processPartList(coCreationSessions, {
  visible: processPublic,
  modifiedToo: [sql`${coCreationSessions.cancelledAt}`],
});

/** A session's public facts: time, place, accessibility, capacity and deadline — never who signed up. */
export function oparlCoCreationSessions(db: Db, q: OparlPageQuery) {
  const select = db
    .select({
      // What the public process page shows of a session (the organisers' view adds registrations elsewhere).
      ...sessionColumns,
      municipalityId: coCreationSessions.municipalityId,
      processPath,
      ...lifecycleOf(sessionList),
    })
    .from(coCreationSessions)
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationSessions.processId))
    .innerJoin(municipalities, eq(municipalities.id, coCreationSessions.municipalityId));
  return oparlListPage(select.$dynamic(), q, sessionList);
}

export type OparlSessionRow = Awaited<ReturnType<typeof oparlCoCreationSessions>>[number];

// ---------------------------------------------------------------------------------------------- Idea

const ideaList = processPartList(coCreationIdeas, {
  visible: sql`(${processPublic} and ${coCreationIdeas.status} = 'published')`,
  modifiedToo: [],
});

/** Published ideas; the author's name only when they chose to show it (the object shows the first name). */
export function oparlIdeas(db: Db, q: OparlPageQuery) {
  const select = db
    .select({
      id: coCreationIdeas.id,
      municipalityId: coCreationIdeas.municipalityId,
      processId: coCreationIdeas.processId,
      processPath,
      title: coCreationIdeas.title,
      description: coCreationIdeas.description,
      estimatedCost: coCreationIdeas.estimatedCost,
      shownName: sql<
        string | null
      >`case when ${coCreationIdeas.showName} then ${coCreationIdeas.authorName} end`,
      ...lifecycleOf(ideaList),
    })
    .from(coCreationIdeas)
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationIdeas.processId))
    .innerJoin(municipalities, eq(municipalities.id, coCreationIdeas.municipalityId));
  return oparlListPage(select.$dynamic(), q, ideaList);
}

export type OparlIdeaRow = Awaited<ReturnType<typeof oparlIdeas>>[number];

// ---------------------------------------------------------------------------------------------- Vote result

const resultList = processPartList(coCreationVotes, {
  visible: sql`(${processPublic} and ${resultPublished})`,
  modifiedToo: [
    sql`${coCreationVotes.resultsPublishedAt}`,
    // The result links the ideas on the ballot while they are published: it changes when they do.
    sql`(select max(greatest(i.updated_at, i.deleted_at)) from co_creation_ideas i
      join co_creation_vote_options o on o.idea_id = i.id where o.vote_id = ${coCreationVotes.id})`,
  ],
});

/**
 * Published results, computed from the sealed ballots by the domain's rule — the same numbers as the public result
 * page and anyone recounting the anonymised export. Options and ballots of the whole page come in one query each.
 */
export async function oparlVoteResults(db: Db, q: OparlPageQuery) {
  const select = db
    .select({
      id: coCreationVotes.id,
      municipalityId: coCreationVotes.municipalityId,
      processId: coCreationVotes.processId,
      processPath,
      title: coCreationVotes.title,
      area: coCreationVotes.area,
      budgetKroner: coCreationVotes.budgetKroner,
      allocation: coCreationVotes.allocation,
      winnersCount: coCreationVotes.winnersCount,
      maxChoices: coCreationVotes.maxChoices,
      opensAt: iso(coCreationVotes.opensAt),
      closesAt: iso(coCreationVotes.closesAt),
      ...lifecycleOf(resultList),
    })
    .from(coCreationVotes)
    .innerJoin(coCreationProcesses, eq(coCreationProcesses.id, coCreationVotes.processId))
    .innerJoin(municipalities, eq(municipalities.id, coCreationVotes.municipalityId));
  const rows = await oparlListPage(select.$dynamic(), q, resultList);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [options, ballots] = await Promise.all([
    db
      .select({
        id: coCreationVoteOptions.id,
        voteId: coCreationVoteOptions.voteId,
        title: coCreationVoteOptions.title,
        cost: coCreationVoteOptions.cost,
        position: coCreationVoteOptions.position,
        // The idea behind an option, while it is itself published.
        ideaId: sql<
          string | null
        >`case when ${coCreationIdeas.status} = 'published' then ${coCreationIdeas.id}::text end`,
      })
      .from(coCreationVoteOptions)
      .leftJoin(
        coCreationIdeas,
        and(eq(coCreationIdeas.id, coCreationVoteOptions.ideaId), isNull(coCreationIdeas.deletedAt)),
      )
      .where(inArray(coCreationVoteOptions.voteId, ids))
      .orderBy(asc(coCreationVoteOptions.position)),
    db
      .select({ voteId: coCreationBallots.voteId, choices: coCreationBallots.choices })
      .from(coCreationBallots)
      .where(inArray(coCreationBallots.voteId, ids)),
  ]);
  return rows.map((r) => {
    const own = options.filter((o) => o.voteId === r.id);
    return {
      ...r,
      result: computeResult(
        r,
        own,
        ballots.filter((b) => b.voteId === r.id).map((b) => b.choices),
      ),
      ideaOf: new Map(own.flatMap((o) => (o.ideaId ? [[o.id, o.ideaId] as const] : []))),
    };
  });
}

export type OparlVoteResultRow = Awaited<ReturnType<typeof oparlVoteResults>>[number];
