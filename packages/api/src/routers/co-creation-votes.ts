import { randomBytes } from "node:crypto";
import {
  ballotCodeBatches,
  existingBallotCodes,
  findIdea,
  findIdeaOwner,
  findMunicipality,
  findOidcProvider,
  findProcessOwnerForVote,
  findVote,
  findVoteOfProcess,
  findVoteOwner,
  findVoteProcess,
  insertBallotCodes,
  insertIdea,
  listBallotCodes,
  listIdeas,
  listVoteOptions,
  loadVoteResult,
  replaceVoteOptions,
  sealBallots,
  setResultsPublished,
  setVoteClosed,
  updateIdeaModeration,
  upsertVote,
  voteTurnout,
} from "@samraad/db/queries";
import { can } from "@samraad/domain/access";
import {
  ballotsCsv,
  budgetVoteInput,
  canChangeOptions,
  canPublishResults,
  closeVote,
  generateBallotCodes,
  ideaInput,
  MAX_CODES_PER_BATCH,
  type ModerationOutcome,
  moderateIdea,
  moderationInput,
  votePhase,
  voteRulesOf,
  voteWindowOf,
} from "@samraad/domain/co-creation";
import { id, wholeNumber } from "@samraad/domain/shared";
import { z } from "zod";
import { ballotSheetPdf } from "../ballot-sheet.ts";
import type { Context } from "../context.ts";
import { notFound, unwrap, violation } from "../errors.ts";
import { change } from "../mutation.ts";
import { authedProcedure, authorize, publicProcedure, router } from "../trpc.ts";

type Owner = { municipalityId: string; councilId: string | null; processId: string };

/** Organisers only: an administrator, or the secretary of the council the process is linked to. */
function authorizeManage(ctx: Context, owner: Owner): void {
  authorize(ctx, "coCreation.manage", { municipalityId: owner.municipalityId, councilId: owner.councilId });
}

async function managedProcess(ctx: Context, processId: string) {
  const owner = await findProcessOwnerForVote(ctx.db, processId);
  if (!owner) throw notFound();
  authorizeManage(ctx, owner);
  return owner;
}

async function managedVote(ctx: Context, voteId: string) {
  const owner = await findVoteOwner(ctx.db, voteId);
  if (!owner) throw notFound();
  authorizeManage(ctx, owner);
  const vote = await findVote(ctx.db, owner.municipalityId, voteId);
  if (!vote) throw notFound();
  return { owner, vote };
}

const windowOf = (vote: { opensAt: Date; closesAt: Date; closedAt: Date | null }) => ({
  opensAt: vote.opensAt,
  closesAt: vote.closesAt,
  closedAt: vote.closedAt,
});

const optionInput = z.object({
  ideaId: id(),
  cost: wholeNumber(0, 1_000_000_000),
});

const setupInput = z.object({
  processId: id(),
  vote: budgetVoteInput,
  options: z.array(optionInput).max(100, { error: "too_many" }),
});

const secureRandom = (n: number) => new Uint8Array(randomBytes(n));

export const coCreationVotesRouter = router({
  /** Everything an organiser sees for a process: ideas (all states), the vote, codes, turnout and the result. */
  overview: authedProcedure.input(z.object({ processId: id() })).query(async ({ ctx, input }) => {
    const owner = await managedProcess(ctx, input.processId);
    const process = await findVoteProcess(ctx.db, owner.municipalityId, input.processId);
    if (!process) throw notFound();
    const ideas = await listIdeas(ctx.db, owner.municipalityId, input.processId);
    const vote = await findVoteOfProcess(ctx.db, owner.municipalityId, input.processId);
    if (!vote)
      return {
        process,
        ideas,
        vote: null,
        phase: null,
        options: [],
        batches: [],
        turnout: null,
        result: null,
      };
    const phase = votePhase(windowOf(vote), ctx.now());
    const [options, batches, turnout] = await Promise.all([
      listVoteOptions(ctx.db, owner.municipalityId, vote.id),
      ballotCodeBatches(ctx.db, owner.municipalityId, vote.id),
      voteTurnout(ctx.db, owner.municipalityId, vote.id),
    ]);
    // No running totals while the vote is open, not even for organisers: they could steer the rest of the vote.
    const result =
      phase === "closed" ? (await loadVoteResult(ctx.db, owner.municipalityId, vote)).result : null;
    return { process, ideas, vote, phase, options, batches, turnout, result };
  }),

  /** An idea entered by staff (from a paper form or an idea meeting); it is moderated like any other. */
  addIdea: authedProcedure
    .input(z.object({ processId: id(), idea: ideaInput }))
    .mutation(async ({ ctx, input }) => {
      const owner = await managedProcess(ctx, input.processId);
      return change(ctx, owner.municipalityId, async (tx, audit) => {
        const ideaId = await insertIdea(tx, owner.municipalityId, input.processId, input.idea);
        await audit({
          action: "co_creation.idea_added",
          entityType: "co_creation_idea",
          entityId: ideaId,
          after: { title: input.idea.title },
        });
        return { ideaId };
      });
    }),

  moderateIdea: authedProcedure
    .input(z.object({ ideaId: id(), moderation: moderationInput }))
    .mutation(async ({ ctx, input }) => {
      const owner = await findIdeaOwner(ctx.db, input.ideaId);
      if (!owner) throw notFound();
      authorizeManage(ctx, owner);
      return change(ctx, owner.municipalityId, async (tx, audit) => {
        const idea = await findIdea(tx, owner.municipalityId, input.ideaId);
        if (!idea) throw notFound();
        const m = input.moderation;
        let outcome: ModerationOutcome;
        if (m.decision === "merge") {
          const into = await findIdea(tx, owner.municipalityId, m.intoId);
          if (!into || into.processId !== idea.processId) throw notFound();
          outcome = unwrap(
            moderateIdea(idea, { decision: "merge", intoId: into.id, intoStatus: into.status }),
          );
        } else {
          outcome = unwrap(moderateIdea(idea, m));
        }
        await updateIdeaModeration(tx, owner.municipalityId, idea.id, outcome, ctx.now());
        await audit({
          action: `co_creation.idea_${m.decision}`,
          entityType: "co_creation_idea",
          entityId: idea.id,
          before: { status: idea.status },
          after: outcome,
        });
        return outcome;
      });
    }),

  /** Sets up (or changes) the vote and the ideas on its ballot. The ballot is frozen once the vote opens. */
  setup: authedProcedure.input(setupInput).mutation(async ({ ctx, input }) => {
    const owner = await managedProcess(ctx, input.processId);
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const existing = await findVoteOfProcess(tx, owner.municipalityId, input.processId);
      if (existing) unwrap(canChangeOptions(windowOf(existing), ctx.now()));
      const ideas = await listIdeas(tx, owner.municipalityId, input.processId, { publicOnly: true });
      const byId = new Map(ideas.map((i) => [i.id, i]));
      const options = input.options.map((o, index) => {
        const idea = byId.get(o.ideaId);
        if (!idea) {
          throw violation(
            "vote.option_not_published",
            `Forslag nr. ${index + 1} er ikke offentliggjort og kan ikke komme på stemmesedlen`,
            `Idea no. ${index + 1} is not published and cannot go on the ballot`,
          );
        }
        return { ideaId: idea.id, title: idea.title, description: idea.description, cost: o.cost };
      });
      if (input.vote.signInWithOidc && !(await findOidcProvider(tx, owner.municipalityId))) {
        throw violation(
          "vote.no_oidc_provider",
          "Kommunen har ingen OpenID Connect-udbyder endnu. En administrator sætter den op under Samskabelse",
          "The municipality has no OpenID Connect provider yet. An administrator sets it up under Co-creation",
        );
      }
      if (new Set(options.map((o) => o.ideaId)).size !== options.length) {
        throw violation(
          "vote.option_twice",
          "Et forslag står to gange på stemmesedlen",
          "An idea is on the ballot twice",
        );
      }
      const voteId = await upsertVote(
        tx,
        owner.municipalityId,
        input.processId,
        {
          title: input.vote.title,
          area: input.vote.area,
          ...voteRulesOf(input.vote),
          ...voteWindowOf(input.vote),
          signInWithOidc: input.vote.signInWithOidc,
        },
        ctx.now(),
      );
      await replaceVoteOptions(tx, owner.municipalityId, voteId, options);
      await audit({
        action: existing ? "co_creation.vote_updated" : "co_creation.vote_created",
        entityType: "co_creation_vote",
        entityId: voteId,
        after: { ...input.vote, options: options.map((o) => ({ title: o.title, cost: o.cost })) },
      });
      return { voteId };
    });
  }),

  /** A new batch of single-use codes to print and hand out. */
  generateCodes: authedProcedure
    .input(z.object({ voteId: id(), count: wholeNumber(1, MAX_CODES_PER_BATCH) }))
    .mutation(async ({ ctx, input }) => {
      const { owner, vote } = await managedVote(ctx, input.voteId);
      if (votePhase(windowOf(vote), ctx.now()) === "closed") {
        throw violation("vote.already_closed", "Afstemningen er lukket", "The vote is closed");
      }
      return change(ctx, owner.municipalityId, async (tx, audit) => {
        const existing = await existingBallotCodes(tx, owner.municipalityId, vote.id);
        const codes = generateBallotCodes(input.count, secureRandom, existing);
        const batch = await insertBallotCodes(tx, owner.municipalityId, vote.id, codes);
        // The codes themselves stay out of the audit log: it is readable by more people than the printed sheet.
        await audit({
          action: "co_creation.codes_generated",
          entityType: "co_creation_vote",
          entityId: vote.id,
          after: { batch, count: codes.length },
        });
        return { batch, count: codes.length };
      });
    }),

  /**
   * Staff-assisted voting at the polling place: a staff member has checked the person's age and residence and
   * gets one fresh single-use code for the tablet, where the citizen then votes privately on the public ballot.
   * The code is stored like a printed one (in batch 0), so the ballot stays as unlinked as a paper one.
   */
  assistedCode: authedProcedure
    .input(
      z.object({
        voteId: id(),
        eligibilityChecked: z.literal(true, { error: "eligibility_not_checked" }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { owner, vote } = await managedVote(ctx, input.voteId);
      if (votePhase(windowOf(vote), ctx.now()) !== "open") {
        throw violation("vote.not_open", "Afstemningen er ikke åben", "The vote is not open");
      }
      // Read before the transaction: on PGlite a read outside an open transaction would wait for it.
      const process = await findVoteProcess(ctx.db, owner.municipalityId, owner.processId);
      const slug = await municipalitySlugOf(ctx, owner.municipalityId);
      return change(ctx, owner.municipalityId, async (tx, audit) => {
        const existing = await existingBallotCodes(tx, owner.municipalityId, vote.id);
        const [code] = generateBallotCodes(1, secureRandom, existing);
        if (!code) throw new Error("no code generated");
        // Batch 0 holds the codes handed out one by one at the tablet.
        await insertBallotCodes(tx, owner.municipalityId, vote.id, [code], 0);
        await audit({
          action: "co_creation.assisted_code",
          entityType: "co_creation_vote",
          entityId: vote.id,
        });
        // The public ballot with the code filled in, to open on the tablet.
        return { code, path: `/kommuner/${slug}/samskabelse/${process?.slug ?? ""}/afstemning?kode=${code}` };
      });
    }),

  /** One batch as a printable PDF (base64), with the public address of the vote on every card. */
  codeSheet: authedProcedure
    .input(
      z.object({
        voteId: id(),
        batch: wholeNumber(1, 100_000),
        origin: z.url({ protocol: /^https?$/, error: "invalid_format" }),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { owner, vote } = await managedVote(ctx, input.voteId);
      const process = await findVoteProcess(ctx.db, owner.municipalityId, owner.processId);
      if (!process) throw notFound();
      const codes = await listBallotCodes(ctx.db, owner.municipalityId, vote.id, input.batch);
      if (codes.length === 0) throw notFound();
      const municipalitySlug = await municipalitySlugOf(ctx, owner.municipalityId);
      const origin = new URL(input.origin).origin;
      const pdf = ballotSheetPdf({
        title: vote.title,
        address: `${origin.replace(/^https?:\/\//, "")}/kommuner/${municipalitySlug}/samskabelse/${process.slug}/afstemning`,
        batchLabel: `${vote.title}: stemmekoder, bunke ${input.batch} (${codes.length} koder)`,
        codes: codes.map((c) => c.code),
      });
      return {
        filename: `stemmekoder-${process.slug}-bunke-${input.batch}.pdf`,
        base64: Buffer.from(pdf).toString("base64"),
      };
    }),

  /** Closes the vote now (the polling place shuts early). */
  close: authedProcedure.input(z.object({ voteId: id() })).mutation(async ({ ctx, input }) => {
    const { owner, vote } = await managedVote(ctx, input.voteId);
    const { closedAt } = unwrap(closeVote(windowOf(vote), ctx.now()));
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      await setVoteClosed(tx, owner.municipalityId, vote.id, closedAt);
      await sealBallots(tx, owner.municipalityId, vote.id);
      await audit({ action: "co_creation.vote_closed", entityType: "co_creation_vote", entityId: vote.id });
      return { closedAt };
    });
  }),

  /** Publishes the result on the public site; only after the vote has closed. */
  publishResults: authedProcedure.input(z.object({ voteId: id() })).mutation(async ({ ctx, input }) => {
    const { owner, vote } = await managedVote(ctx, input.voteId);
    unwrap(canPublishResults(windowOf(vote), ctx.now()));
    return change(ctx, owner.municipalityId, async (tx, audit) => {
      const at = ctx.now();
      // A vote that closed by its clock was never sealed by `close`.
      await sealBallots(tx, owner.municipalityId, vote.id);
      await setResultsPublished(tx, owner.municipalityId, vote.id, at);
      await audit({
        action: "co_creation.results_published",
        entityType: "co_creation_vote",
        entityId: vote.id,
      });
      return { publishedAt: at };
    });
  }),

  /** The result: to everyone once published; to organisers once closed. */
  results: publicProcedure.input(z.object({ voteId: id() })).query(async ({ ctx, input }) => {
    const { owner, vote } = await readableResult(ctx, input.voteId);
    const { result, turnout } = await loadVoteResult(ctx.db, owner.municipalityId, vote);
    return {
      vote: { id: vote.id, title: vote.title, budgetKroner: vote.budgetKroner, allocation: vote.allocation },
      result,
      turnout,
    };
  }),

  /** The anonymised ballots as CSV (random id and choices only), so anyone can recount. */
  exportBallots: publicProcedure.input(z.object({ voteId: id() })).query(async ({ ctx, input }) => {
    const { owner, vote } = await readableResult(ctx, input.voteId);
    const { options, ballots } = await loadVoteResult(ctx.db, owner.municipalityId, vote);
    return { filename: `stemmesedler-${vote.id}.csv`, csv: ballotsCsv(options, ballots) };
  }),
});

async function readableResult(ctx: Context, voteId: string) {
  const owner = await findVoteOwner(ctx.db, voteId);
  if (!owner) throw notFound();
  const vote = await findVote(ctx.db, owner.municipalityId, voteId);
  if (!vote) throw notFound();
  const closed = votePhase(windowOf(vote), ctx.now()) === "closed";
  const organiser = canManage(ctx, owner);
  // Unpublished results do not exist for the public: not found, not forbidden.
  if (!closed || (!vote.resultsPublishedAt && !organiser)) throw notFound();
  return { owner, vote };
}

function canManage(ctx: Context, owner: Owner): boolean {
  return can(ctx.principal, "coCreation.manage", {
    municipalityId: owner.municipalityId,
    councilId: owner.councilId,
  });
}

async function municipalitySlugOf(ctx: Context, municipalityId: string): Promise<string> {
  const m = await findMunicipality(ctx.db, { id: municipalityId });
  if (!m) throw notFound();
  return m.slug;
}
