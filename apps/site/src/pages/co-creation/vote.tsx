/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Database } from "@samraad/db";
import {
  castBallotWithCode,
  findBallotCode,
  findPublicVoteProcessBySlug,
  findSiteMunicipality,
  findVoteOfProcess,
  insertIdea,
  listIdeas,
  listVoteOptions,
  loadVoteResult,
} from "@samraad/db/queries";
import {
  ballotChoicesInput,
  ballotsCsv,
  checkEligibility,
  eligibilityDeclaration,
  ideaAuthorLabel,
  ideaInput,
  normaliseBallotCode,
  type OptionResult,
  outcomeLabels,
  tieRule,
  turnoutShare,
  type VotePhase,
  validateBallot,
  votePhase,
} from "@samraad/domain/co-creation";
import { fieldErrors, formatDateTime, type Locale } from "@samraad/domain/shared";
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { PageContext } from "../../context.ts";
import type { Crumb } from "../../layout.tsx";
import { ErrorSummary, type FieldErr, FieldError, FormField, FormGroup, fieldAria } from "./form.tsx";

/*
 * The public side of a citizen-run budget: the ideas (and a form to submit one), the vote with a paper ballot
 * code, and the published result. Plain forms, no script: the vote is two steps — choose, then see "Du har
 * valgt: …" and cast — and a mistake re-renders the form with an error summary linking to each field.
 */

export const text = {
  da: {
    ideasTitle: (p: string) => `Forslag – ${p}`,
    ideasCrumb: "Forslag",
    ideasNone: "Der er endnu ingen offentliggjorte forslag.",
    cost: "Anslået pris",
    noCost: "Ingen pris anslået",
    free: "Kræver ingen penge",
    by: "Af",
    submitHeading: "Kom med et forslag",
    submitLead:
      "Dit forslag bliver vist her, når en medarbejder har godkendt det. Bliver det afvist, får du en begrundelse, hvis du har skrevet din e-mail.",
    title: "Overskrift",
    description: "Beskriv forslaget",
    descriptionHint: "Hvad vil du gerne have, hvor, og hvem får glæde af det?",
    estimatedCost: "Anslået pris i kroner (valgfrit)",
    estimatedCostHint: "Fx 25.000. Skriv 0, hvis forslaget ikke koster penge.",
    authorName: "Dit fornavn (valgfrit)",
    showName: "Vis mit fornavn ved forslaget",
    showNameHint: "Ellers står forslaget som anonymt.",
    email: "Din e-mail (valgfrit, vises ikke)",
    submit: "Send forslag",
    thanksTitle: "Tak for dit forslag",
    thanksBody: "Vi har modtaget dit forslag. Det bliver vist på siden, når en medarbejder har godkendt det.",
    backToIdeas: "Tilbage til forslagene",
    errorSummary: "Der er problemer i formularen",
    errorPrefix: "Fejl: ",
    voteTitle: (v: string) => `Afstemning: ${v}`,
    voteCrumb: "Afstemning",
    voteLead: (budget: string, area: string) =>
      `Borgerne i ${area} bestemmer, hvad ${budget} skal bruges til.`,
    voteUpcoming: (at: string) => `Afstemningen åbner ${at}.`,
    voteClosed: "Afstemningen er lukket.",
    signInOffer: "Har du ingen stemmekode? Du kan også stemme ved at logge ind, fx med MitID.",
    signInLink: "Log ind og stem",
    voteOpenUntil: (at: string) => `Du kan stemme indtil ${at}.`,
    seeResult: "Se resultatet",
    resultSoon: "Resultatet bliver offentliggjort her, når stemmerne er talt op.",
    code: "Din stemmekode",
    codeHint:
      "Står på den seddel, du har fået. 12 tegn, fx ACDE-FGHJ-KMNP. Store eller små bogstaver er lige meget.",
    choose: (n: number) => (n === 1 ? "Vælg ét forslag" : `Vælg op til ${n} forslag`),
    eligibility: "Hvem må stemme",
    declaresAge: (n: number) => `Jeg er mindst ${n} år`,
    declaresResidence: (area: string) => `Jeg bor i ${area}`,
    review: "Se dit valg",
    confirmTitle: "Bekræft din stemme",
    youChose: "Du har valgt:",
    confirmHint:
      "Din stemme er hemmelig: ingen kan se, hvad du har stemt. Du kan ikke ændre den, når den er afgivet.",
    cast: "Afgiv stemme",
    edit: "Ret dit valg",
    receiptTitle: "Tak – din stemme er talt med",
    receiptBody:
      "Din stemme er gemt uden forbindelse til din kode. Stemmekoden kan ikke bruges igen. Resultatet bliver offentliggjort, når afstemningen er lukket.",
    codeUsed: "Koden er allerede brugt. Hver kode kan kun bruges én gang",
    codeUnknown: "Vi kender ikke koden. Tjek, at du har skrevet den rigtigt",
    resultTitle: (v: string) => `Resultat: ${v}`,
    resultCrumb: "Resultat",
    resultNotYet: "Resultatet er ikke offentliggjort endnu.",
    turnout: (ballots: string, codes: string | null, share: string | null) =>
      codes
        ? `${ballots} stemmer afgivet med ${codes} udleverede stemmekoder (${share} af koderne blev brugt).`
        : `${ballots} stemmer afgivet.`,
    allocated: (allocated: string, budget: string) => `${allocated} af ${budget} er fordelt.`,
    chartTitle: "Stemmer pr. forslag",
    chartDesc: (rows: string) => `Søjlediagram over stemmerne. ${rows}`,
    tableCaption: "Stemmer pr. forslag (samme tal som diagrammet)",
    colRank: "Plads",
    colIdea: "Forslag",
    colVotes: "Stemmer",
    colCost: "Pris",
    colOutcome: "Udfald",
    tieRule: "Ved stemmelighed",
    exportLink: "Hent de anonyme stemmesedler (CSV) og tæl selv efter",
    votes: (n: number) => `${n} ${n === 1 ? "stemme" : "stemmer"}`,
  },
  en: {
    ideasTitle: (p: string) => `Ideas – ${p}`,
    ideasCrumb: "Ideas",
    ideasNone: "No ideas have been published yet.",
    cost: "Estimated cost",
    noCost: "No cost estimated",
    free: "Needs no money",
    by: "By",
    submitHeading: "Suggest an idea",
    submitLead:
      "Your idea is shown here once a member of staff has approved it. If it is rejected, you get the reason if you gave your email.",
    title: "Heading",
    description: "Describe the idea",
    descriptionHint: "What would you like, where, and who benefits?",
    estimatedCost: "Estimated cost in kroner (optional)",
    estimatedCostHint: "E.g. 25.000. Write 0 if the idea costs no money.",
    authorName: "Your first name (optional)",
    showName: "Show my first name with the idea",
    showNameHint: "Otherwise the idea is shown as anonymous.",
    email: "Your email (optional, not shown)",
    submit: "Send idea",
    thanksTitle: "Thank you for your idea",
    thanksBody: "We have received your idea. It is shown on the page once a member of staff has approved it.",
    backToIdeas: "Back to the ideas",
    errorSummary: "There are problems in the form",
    errorPrefix: "Error: ",
    voteTitle: (v: string) => `Vote: ${v}`,
    voteCrumb: "Vote",
    voteLead: (budget: string, area: string) => `The citizens of ${area} decide what ${budget} is spent on.`,
    voteUpcoming: (at: string) => `The vote opens ${at}.`,
    voteClosed: "The vote is closed.",
    signInOffer: "No ballot code? You can also vote by signing in, e.g. with MitID.",
    signInLink: "Sign in and vote",
    voteOpenUntil: (at: string) => `You can vote until ${at}.`,
    seeResult: "See the result",
    resultSoon: "The result will be published here once the votes are counted.",
    code: "Your ballot code",
    codeHint:
      "It is on the slip you were given. 12 characters, e.g. ACDE-FGHJ-KMNP. Upper or lower case does not matter.",
    choose: (n: number) => (n === 1 ? "Choose one idea" : `Choose up to ${n} ideas`),
    eligibility: "Who may vote",
    declaresAge: (n: number) => `I am at least ${n} years old`,
    declaresResidence: (area: string) => `I live in ${area}`,
    review: "Review your choice",
    confirmTitle: "Confirm your vote",
    youChose: "You chose:",
    confirmHint: "Your vote is secret: nobody can see how you voted. You cannot change it once it is cast.",
    cast: "Cast vote",
    edit: "Change your choice",
    receiptTitle: "Thank you – your vote has been counted",
    receiptBody:
      "Your vote is stored with no link to your code. The ballot code cannot be used again. The result is published once the vote has closed.",
    codeUsed: "The code has already been used. Each code can be used only once",
    codeUnknown: "We do not know that code. Check that you typed it correctly",
    resultTitle: (v: string) => `Result: ${v}`,
    resultCrumb: "Result",
    resultNotYet: "The result has not been published yet.",
    turnout: (ballots: string, codes: string | null, share: string | null) =>
      codes
        ? `${ballots} votes cast with ${codes} ballot codes handed out (${share} of the codes were used).`
        : `${ballots} votes cast.`,
    allocated: (allocated: string, budget: string) => `${allocated} of ${budget} has been allocated.`,
    chartTitle: "Votes per idea",
    chartDesc: (rows: string) => `Bar chart of the votes. ${rows}`,
    tableCaption: "Votes per idea (the same numbers as the chart)",
    colRank: "Place",
    colIdea: "Idea",
    colVotes: "Votes",
    colCost: "Cost",
    colOutcome: "Outcome",
    tieRule: "Ties",
    exportLink: "Download the anonymous ballots (CSV) and recount yourself",
    votes: (n: number) => `${n} ${n === 1 ? "vote" : "votes"}`,
  },
};

const intlLocale: Record<Locale, string> = { da: "da-DK", en: "en-GB" };
export const kr = (n: number, locale: Locale) =>
  `${new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 0 }).format(n)} kr.`;
const percent = (share: number, locale: Locale) =>
  new Intl.NumberFormat(intlLocale[locale], { style: "percent", maximumFractionDigits: 0 }).format(share);

/* ---------- ideas ---------- */

type IdeaForm = Record<string, string>;

function IdeasPage(props: {
  ctx: PageContext;
  processTitle: string;
  ideas: Awaited<ReturnType<typeof listIdeas>>;
  action: string;
  form: IdeaForm;
  errors: FieldErr[];
}) {
  const { ctx, errors, form } = props;
  const t = text[ctx.locale];
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <h1>{t.ideasTitle(props.processTitle)}</h1>
      {props.ideas.length === 0 ? (
        <p>{t.ideasNone}</p>
      ) : (
        <ul class="plain-list">
          {props.ideas.map((idea) => (
            <li id={`forslag-${idea.id}`}>
              <h2 class="idea-title">{idea.title}</h2>
              <p class="pre">{idea.description}</p>
              <p class="meta">
                {t.by} {ideaAuthorLabel(idea)[ctx.locale]} ·{" "}
                {idea.estimatedCost === null
                  ? t.noCost
                  : idea.estimatedCost === 0
                    ? t.free
                    : `${t.cost}: ${kr(idea.estimatedCost, ctx.locale)}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2 id="nyt-forslag">{t.submitHeading}</h2>
      <p>{t.submitLead}</p>
      <form method="post" action={props.action} novalidate>
        <FormField t={t} field="title" label={t.title} errors={errors}>
          <input
            class="form-input"
            id="title"
            name="title"
            type="text"
            maxlength={200}
            value={form.title ?? ""}
            {...fieldAria("title", errors, false)}
          />
        </FormField>
        <FormField t={t} field="description" label={t.description} hint={t.descriptionHint} errors={errors}>
          <textarea
            class="form-input"
            id="description"
            name="description"
            rows={6}
            {...fieldAria("description", errors, true)}
          >
            {form.description ?? ""}
          </textarea>
        </FormField>
        <FormField
          t={t}
          field="estimatedCost"
          label={t.estimatedCost}
          hint={t.estimatedCostHint}
          errors={errors}
        >
          <input
            class="form-input input-short"
            id="estimatedCost"
            name="estimatedCost"
            type="text"
            inputmode="numeric"
            value={form.estimatedCost ?? ""}
            {...fieldAria("estimatedCost", errors, true)}
          />
        </FormField>
        <FormField t={t} field="authorName" label={t.authorName} errors={errors}>
          <input
            class="form-input"
            id="authorName"
            name="authorName"
            type="text"
            autocomplete="given-name"
            maxlength={100}
            value={form.authorName ?? ""}
            {...fieldAria("authorName", errors, false)}
          />
        </FormField>
        <div class="form-group">
          <div class="form-checkbox">
            <input
              id="showName"
              name="showName"
              type="checkbox"
              value="on"
              checked={form.showName === "on"}
              aria-describedby="showName-hint"
            />
            <label for="showName">{t.showName}</label>
          </div>
          <span class="form-hint" id="showName-hint">
            {t.showNameHint}
          </span>
        </div>
        <FormField t={t} field="contactEmail" label={t.email} errors={errors}>
          <input
            class="form-input"
            id="contactEmail"
            name="contactEmail"
            type="email"
            autocomplete="email"
            value={form.contactEmail ?? ""}
            {...fieldAria("contactEmail", errors, false)}
          />
        </FormField>
        <button class="button button-primary" type="submit">
          {t.submit}
        </button>
      </form>
    </>
  );
}

/* ---------- the vote ---------- */

type Vote = NonNullable<Awaited<ReturnType<typeof findVoteOfProcess>>>;
type Option = Awaited<ReturnType<typeof listVoteOptions>>[number];
export type VoteForm = { code: string; choices: string[]; declaresAge: boolean; declaresResidence: boolean };

function VoteStatus({
  ctx,
  vote,
  phase,
  resultHref,
}: {
  ctx: PageContext;
  vote: Vote;
  phase: VotePhase;
  resultHref: string;
}) {
  const t = text[ctx.locale];
  if (phase === "upcoming")
    return <p class="alert alert-info">{t.voteUpcoming(formatDateTime(vote.opensAt, ctx.locale))}</p>;
  if (phase === "closed") {
    return (
      <div class="alert alert-info">
        <p>{t.voteClosed}</p>
        <p>{vote.resultsPublishedAt ? <a href={resultHref}>{t.seeResult}</a> : t.resultSoon}</p>
      </div>
    );
  }
  const end = vote.closedAt && vote.closedAt < vote.closesAt ? vote.closedAt : vote.closesAt;
  return <p>{t.voteOpenUntil(formatDateTime(end, ctx.locale))}</p>;
}

/**
 * The ballot. A voter signed in with OpenID Connect (`signedIn`) has no code to type, and declares no age when
 * the provider vouched for their birth date.
 */
export function VoteForm(props: {
  ctx: PageContext;
  vote: Vote;
  options: Option[];
  action: string;
  form: VoteForm;
  errors: FieldErr[];
  signedIn?: { ageFromProvider: boolean };
}) {
  const { ctx, vote, options, form, errors, signedIn } = props;
  const t = text[ctx.locale];
  const hasError = (f: string) => errors.some((e) => e.field === f);
  const needsAge = vote.minAge !== null && vote.minAge > 0 && !signedIn?.ageFromProvider;
  return (
    <form method="post" action={props.action} novalidate>
      <input type="hidden" name="step" value="review" />
      {signedIn ? null : (
        <FormField t={t} field="code" label={t.code} hint={t.codeHint} errors={errors}>
          <input
            class="form-input code-input"
            id="code"
            name="code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxlength={20}
            value={form.code}
            {...fieldAria("code", errors, true)}
          />
        </FormField>
      )}
      <FormGroup field="choices" errors={errors}>
        <fieldset class="form-fieldset" aria-describedby={hasError("choices") ? "choices-error" : undefined}>
          <legend class="form-legend">{t.choose(vote.maxChoices)}</legend>
          <FieldError t={t} field="choices" errors={errors} />
          {options.map((o, i) => (
            <div class="form-checkbox option">
              <input
                id={i === 0 ? "choices" : `choice-${o.id}`}
                name="choices"
                type="checkbox"
                value={o.id}
                checked={form.choices.includes(o.id)}
                aria-describedby={`choice-${o.id}-hint`}
              />
              <label for={i === 0 ? "choices" : `choice-${o.id}`}>
                <strong>{o.title}</strong>
                <span class="form-hint" id={`choice-${o.id}-hint`}>
                  {o.cost === 0 ? t.free : kr(o.cost, ctx.locale)}
                  {o.description ? ` – ${o.description}` : ""}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
      </FormGroup>
      {needsAge || vote.residenceRequired ? (
        <FormGroup field="eligibility" errors={errors}>
          <fieldset class="form-fieldset">
            <legend class="form-legend">{t.eligibility}</legend>
            <FieldError t={t} field="eligibility" errors={errors} />
            {needsAge ? (
              <div class="form-checkbox">
                <input
                  id="eligibility"
                  name="declaresAge"
                  type="checkbox"
                  value="on"
                  checked={form.declaresAge}
                />
                <label for="eligibility">{t.declaresAge(vote.minAge ?? 0)}</label>
              </div>
            ) : null}
            {vote.residenceRequired ? (
              <div class="form-checkbox">
                <input
                  id={needsAge ? "declaresResidence" : "eligibility"}
                  name="declaresResidence"
                  type="checkbox"
                  value="on"
                  checked={form.declaresResidence}
                />
                <label for={needsAge ? "declaresResidence" : "eligibility"}>
                  {t.declaresResidence(vote.area)}
                </label>
              </div>
            ) : null}
          </fieldset>
        </FormGroup>
      ) : null}
      <button class="button button-primary" type="submit">
        {t.review}
      </button>
    </form>
  );
}

export function ConfirmVote(props: {
  ctx: PageContext;
  options: Option[];
  action: string;
  form: VoteForm;
  /** What the voter is told about secrecy and changing their mind (default: a paper code's "cannot change"). */
  hint?: string;
}) {
  const { ctx, options, form } = props;
  const t = text[ctx.locale];
  const chosen = options.filter((o) => form.choices.includes(o.id));
  return (
    <>
      <h1>{t.confirmTitle}</h1>
      <h2>{t.youChose}</h2>
      <ul class="chosen">
        {chosen.map((o) => (
          <li>
            <strong>{o.title}</strong> ({o.cost === 0 ? t.free : kr(o.cost, ctx.locale)})
          </li>
        ))}
      </ul>
      <p>{props.hint ?? t.confirmHint}</p>
      <form method="post" action={props.action}>
        {form.code ? <input type="hidden" name="code" value={form.code} /> : null}
        {form.choices.map((c) => (
          <input type="hidden" name="choices" value={c} />
        ))}
        {form.declaresAge ? <input type="hidden" name="declaresAge" value="on" /> : null}
        {form.declaresResidence ? <input type="hidden" name="declaresResidence" value="on" /> : null}
        <div class="button-row">
          <button class="button button-primary" type="submit" name="step" value="cast">
            {t.cast}
          </button>
          <button class="button button-secondary" type="submit" name="step" value="edit">
            {t.edit}
          </button>
        </div>
      </form>
    </>
  );
}

/* ---------- the result ---------- */

const BAR_WIDTH = 320;
const LABEL_WIDTH = 260;
const ROW_HEIGHT = 40;

function ResultChart({ ctx, rows }: { ctx: PageContext; rows: OptionResult[] }) {
  const t = text[ctx.locale];
  const most = Math.max(1, ...rows.map((r) => r.votes));
  const summary = rows.map((r) => `${r.title}: ${t.votes(r.votes)}.`).join(" ");
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <svg
      role="img"
      aria-labelledby="result-chart-title result-chart-desc"
      viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 110} ${height}`}
      width="100%"
      class="result-chart"
    >
      <title id="result-chart-title">{t.chartTitle}</title>
      <desc id="result-chart-desc">{t.chartDesc(summary)}</desc>
      {rows.map((r, i) => {
        const y = i * ROW_HEIGHT + 4;
        const label = r.title.length > 34 ? `${r.title.slice(0, 32)}…` : r.title;
        return (
          <g data-votes={String(r.votes)}>
            <text x="0" y={y + 24} font-size="14" fill="#1a1a1a">
              {label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 8} width={BAR_WIDTH} height="24" fill="#ffffff" stroke="#454545" />
            <rect
              x={LABEL_WIDTH}
              y={y + 8}
              width={Math.round((BAR_WIDTH * r.votes) / most)}
              height="24"
              fill={r.outcome === "funded" || r.outcome === "without_money" ? "#0059b3" : "#767676"}
            />
            <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 25} font-size="14" fill="#1a1a1a">
              {t.votes(r.votes)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ResultPage(props: {
  ctx: PageContext;
  vote: Vote;
  loaded: Awaited<ReturnType<typeof loadVoteResult>>;
  csvHref: string;
}) {
  const { ctx, vote, loaded } = props;
  const t = text[ctx.locale];
  const { result, turnout } = loaded;
  const share = turnoutShare(turnout.ballots, turnout.codesIssued);
  return (
    <>
      <h1>{t.resultTitle(vote.title)}</h1>
      <p class="lead">
        {t.turnout(
          String(turnout.ballots),
          turnout.codesIssued > 0 ? String(turnout.codesIssued) : null,
          share === null ? null : percent(share, ctx.locale),
        )}{" "}
        {t.allocated(kr(result.allocated, ctx.locale), kr(vote.budgetKroner, ctx.locale))}
      </p>
      <ResultChart ctx={ctx} rows={result.options} />
      {/* A narrow screen scrolls the table, not the page; the region is focusable so the keyboard can scroll it. */}
      <section class="table-scroll" aria-labelledby="result-table-caption" tabindex={0}>
        <table class="table">
          <caption id="result-table-caption">{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colRank}</th>
              <th scope="col">{t.colIdea}</th>
              <th scope="col">{t.colVotes}</th>
              <th scope="col">{t.colCost}</th>
              <th scope="col">{t.colOutcome}</th>
            </tr>
          </thead>
          <tbody>
            {result.options.map((r) => (
              <tr>
                <td>{r.rank}</td>
                <th scope="row">{r.title}</th>
                <td>{r.votes}</td>
                <td>{r.cost === 0 ? t.free : kr(r.cost, ctx.locale)}</td>
                <td>{outcomeLabels[r.outcome][ctx.locale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>{t.tieRule}</h2>
      <p>{tieRule[ctx.locale]}</p>
      <p>
        <a href={props.csvHref}>{t.exportLink}</a>
      </p>
    </>
  );
}

/* ---------- the section on the process page ---------- */

/** What the process page needs to link to the ideas, the vote and the result (null: no ideas and no vote). */
export async function loadVoteSection(db: Database, municipalityId: string, processId: string, now: Date) {
  const [ideas, vote] = await Promise.all([
    listIdeas(db, municipalityId, processId, { publicOnly: true }),
    findVoteOfProcess(db, municipalityId, processId),
  ]);
  if (ideas.length === 0 && !vote) return null;
  return {
    ideas: ideas.length,
    vote: vote
      ? { title: vote.title, phase: votePhase(vote, now), published: vote.resultsPublishedAt !== null }
      : null,
  };
}

const sectionText = {
  da: {
    heading: "Forslag og afstemning",
    ideas: (n: number) => `Se forslagene (${n}) og kom med dit eget`,
    vote: (title: string) => `Stem: ${title}`,
    result: "Se resultatet af afstemningen",
  },
  en: {
    heading: "Ideas and vote",
    ideas: (n: number) => `See the ideas (${n}) and suggest your own`,
    vote: (title: string) => `Vote: ${title}`,
    result: "See the result of the vote",
  },
};

/** Links from the process page (`path` is the process's own address) to the ideas, the vote and the result. */
export function VoteSection(props: {
  ctx: PageContext;
  path: string;
  section: Awaited<ReturnType<typeof loadVoteSection>>;
}) {
  const { ctx, path, section } = props;
  if (!section) return null;
  const t = sectionText[ctx.locale];
  return (
    <section aria-labelledby="forslag-og-afstemning">
      <h2 id="forslag-og-afstemning">{t.heading}</h2>
      <ul class="plain-list">
        <li>
          <a href={ctx.href(`${path}/forslag`)}>{t.ideas(section.ideas)}</a>
        </li>
        {section.vote && section.vote.phase !== "closed" ? (
          <li>
            <a href={ctx.href(`${path}/afstemning`)}>{t.vote(section.vote.title)}</a>
          </li>
        ) : null}
        {section.vote?.phase === "closed" && section.vote.published ? (
          <li>
            <a href={ctx.href(`${path}/resultat`)}>{t.result}</a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/* ---------- routes ---------- */

const SLUG = /^[a-z0-9-]{1,100}$/;

/** A published (or archived) process of the municipality in the address; drafts are never found. */
export async function findPublicProcess(db: Database, slug: string, processSlug: string) {
  if (!SLUG.test(slug) || !SLUG.test(processSlug)) return null;
  const municipality = await findSiteMunicipality(db, slug);
  if (!municipality) return null;
  const process = await findPublicVoteProcessBySlug(db, municipality.id, processSlug);
  if (!process) return null;
  const path = `/kommuner/${municipality.slug}/samskabelse/${process.slug}`;
  return { municipality, process, path };
}
/** The municipality's and the process's slug from an address under `/kommuner/:slug/samskabelse/:processSlug`. */
export const slugsOf = (c: Context): [string, string] => [
  c.req.param("slug") ?? "",
  c.req.param("processSlug") ?? "",
];
export type PublicProcess = NonNullable<Awaited<ReturnType<typeof findPublicProcess>>>;

/** The vote of a public process, with the ideas on its ballot. */
export async function findPublicVote(db: Database, slug: string, processSlug: string) {
  const found = await findPublicProcess(db, slug, processSlug);
  if (!found) return null;
  const vote = await findVoteOfProcess(db, found.municipality.id, found.process.id);
  if (!vote) return null;
  const options = await listVoteOptions(db, found.municipality.id, vote.id);
  return { ...found, vote, options };
}
export type PublicVote = NonNullable<Awaited<ReturnType<typeof findPublicVote>>>;

export function voteCrumbs(
  home: (ctx: PageContext) => Crumb,
  ctx: PageContext,
  found: PublicProcess,
  label: string,
): Crumb[] {
  return [
    home(ctx),
    { label: found.municipality.name, href: ctx.href(`/kommuner/${found.municipality.slug}`) },
    { label: found.process.title, href: ctx.href(found.path) },
    { label },
  ];
}

type PageSpec = { title: string; crumbs?: Crumb[]; body: Child };

export type CoCreationVoteRouteHelpers = {
  db: Database;
  render: (c: Context, ctx: PageContext, page: PageSpec) => Response | Promise<Response>;
  notFound: (c: Context) => Response | Promise<Response>;
  ctxOf: (c: Context) => PageContext;
  home: (ctx: PageContext) => Crumb;
};

/**
 * What a ballot form sends: the step ("review", "edit" or "cast"), the declarations, the form to show again, and
 * the choices to validate (a malformed one stays in, so validation refuses it rather than dropping it).
 */
export async function readBallotForm(c: Context) {
  const body = await c.req.parseBody({ all: true });
  const declaration = eligibilityDeclaration.parse({
    declaresAge: field(body, "declaresAge"),
    declaresResidence: field(body, "declaresResidence"),
  });
  const choices = ballotChoicesInput.safeParse(fields(body, "choices"));
  const form: VoteForm = {
    code: field(body, "code").slice(0, 40),
    choices: choices.success ? choices.data : [],
    ...declaration,
  };
  return {
    step: field(body, "step"),
    declaration,
    form,
    submittedChoices: choices.success ? choices.data : ["invalid"],
  };
}

/** A form answer: never cached, 400 when it carries errors. */
export async function formResponse(
  page: Response | Promise<Response>,
  status: 200 | 400 | 409 | 503,
): Promise<Response> {
  const res = await page;
  const headers = new Headers(res.headers);
  headers.set("Cache-Control", "no-store");
  headers.delete("ETag");
  return new Response(res.body, { status, headers });
}

/** A POST from another site is refused (a browser always says where a form came from). */
export function crossSite(c: Context): boolean {
  const origin = c.req.header("origin");
  const fetchSite = c.req.header("sec-fetch-site");
  return (origin !== undefined && origin !== new URL(c.req.url).origin) || fetchSite === "cross-site";
}

function field(body: Record<string, string | File | (string | File)[]>, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
}

function fields(body: Record<string, string | File | (string | File)[]>, name: string): string[] {
  const v = body[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is string => typeof x === "string");
}

export function mountCoCreationVotePages(
  site: Hono,
  { db, render, notFound, ctxOf, home }: CoCreationVoteRouteHelpers,
): void {
  const base = "/kommuner/:slug/samskabelse/:processSlug";

  const load = (c: Context) => findPublicProcess(db, ...slugsOf(c));
  const crumbsOf = (ctx: PageContext, found: PublicProcess, label: string) =>
    voteCrumbs(home, ctx, found, label);

  /* ideas */

  const renderIdeas = async (c: Context, found: PublicProcess, form: IdeaForm, errors: FieldErr[]) => {
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    const ideas = await listIdeas(db, found.municipality.id, found.process.id, { publicOnly: true });
    return render(c, ctx, {
      title:
        errors.length > 0
          ? `${t.errorPrefix}${t.ideasTitle(found.process.title)}`
          : t.ideasTitle(found.process.title),
      crumbs: crumbsOf(ctx, found, t.ideasCrumb),
      body: (
        <IdeasPage
          ctx={ctx}
          processTitle={found.process.title}
          ideas={ideas}
          action={ctx.href(`${found.path}/forslag`)}
          form={form}
          errors={errors}
        />
      ),
    });
  };

  site.get(`${base}/forslag`, async (c) => {
    const found = await load(c);
    if (!found) return notFound(c);
    return renderIdeas(c, found, {}, []);
  });

  site.post(`${base}/forslag`, async (c) => {
    if (crossSite(c)) return c.text("Forbidden", 403);
    const found = await load(c);
    if (!found) return notFound(c);
    const ctx = ctxOf(c);
    const body = await c.req.parseBody();
    const form: IdeaForm = Object.fromEntries(
      ["title", "description", "estimatedCost", "authorName", "showName", "contactEmail"].map((k) => [
        k,
        field(body, k),
      ]),
    );
    const parsed = ideaInput.safeParse({
      title: form.title,
      description: form.description,
      estimatedCost: form.estimatedCost,
      authorName: form.authorName === "" ? undefined : form.authorName,
      showName: form.showName === "on",
      authorKind: "citizen",
      contactEmail: form.contactEmail,
    });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error).map((e) => ({
        field: e.field,
        message: e.message[ctx.locale],
      }));
      return formResponse(renderIdeas(c, found, form, errors), 400);
    }
    await db.transaction((tx) => insertIdea(tx, found.municipality.id, found.process.id, parsed.data));
    return c.redirect(ctx.href(`${found.path}/forslag/tak`), 303);
  });

  site.get(`${base}/forslag/tak`, async (c) => {
    const found = await load(c);
    if (!found) return notFound(c);
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    return render(c, ctx, {
      title: t.thanksTitle,
      crumbs: crumbsOf(ctx, found, t.ideasCrumb),
      body: (
        <>
          <h1>{t.thanksTitle}</h1>
          <p>{t.thanksBody}</p>
          <p>
            <a href={ctx.href(`${found.path}/forslag`)}>{t.backToIdeas}</a>
          </p>
        </>
      ),
    });
  });

  /* the vote */

  const loadVote = (c: Context) => findPublicVote(db, ...slugsOf(c));

  const renderVote = (c: Context, found: PublicVote, form: VoteForm, errors: FieldErr[]) => {
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    const phase = votePhase(found.vote, ctx.now);
    return render(c, ctx, {
      title:
        errors.length > 0
          ? `${t.errorPrefix}${t.voteTitle(found.vote.title)}`
          : t.voteTitle(found.vote.title),
      crumbs: crumbsOf(ctx, found, t.voteCrumb),
      body: (
        <>
          <ErrorSummary t={t} errors={errors} />
          <h1>{t.voteTitle(found.vote.title)}</h1>
          <p class="lead">{t.voteLead(kr(found.vote.budgetKroner, ctx.locale), found.vote.area)}</p>
          <VoteStatus
            ctx={ctx}
            vote={found.vote}
            phase={phase}
            resultHref={ctx.href(`${found.path}/resultat`)}
          />
          {phase === "open" && found.vote.signInWithOidc ? (
            <div class="alert alert-info">
              <p>{t.signInOffer}</p>
              <p>
                <a href={ctx.href(`${found.path}/afstemning/log-ind`)}>{t.signInLink}</a>
              </p>
            </div>
          ) : null}
          {phase === "open" ? (
            <VoteForm
              ctx={ctx}
              vote={found.vote}
              options={found.options}
              action={ctx.href(`${found.path}/afstemning`)}
              form={form}
              errors={errors}
            />
          ) : null}
        </>
      ),
    });
  };

  site.get(`${base}/afstemning`, async (c) => {
    const found = await loadVote(c);
    if (!found) return notFound(c);
    // Staff-assisted voting opens the ballot on a tablet with a fresh code filled in (?kode=…).
    const code = (c.req.query("kode") ?? "").slice(0, 20);
    return renderVote(c, found, { code, choices: [], declaresAge: false, declaresResidence: false }, []);
  });

  site.post(`${base}/afstemning`, async (c) => {
    if (crossSite(c)) return c.text("Forbidden", 403);
    const found = await loadVote(c);
    if (!found) return notFound(c);
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    const { step, declaration, form, submittedChoices } = await readBallotForm(c);
    if (votePhase(found.vote, ctx.now) !== "open") return formResponse(renderVote(c, found, form, []), 400);
    if (step === "edit") return formResponse(renderVote(c, found, form, []), 200);

    const errors: FieldErr[] = [];
    const code = normaliseBallotCode(form.code);
    if (!code.ok) errors.push({ field: "code", message: code.error.message[ctx.locale] });
    const ballot = validateBallot(
      found.vote,
      found.options.map((o) => o.id),
      submittedChoices,
    );
    if (!ballot.ok) errors.push({ field: "choices", message: ballot.error.message[ctx.locale] });
    const eligible = checkEligibility(found.vote, declaration);
    if (!eligible.ok) errors.push({ field: "eligibility", message: eligible.error.message[ctx.locale] });
    if (code.ok && errors.length === 0 && step !== "cast") {
      // Tell the voter before the confirmation page if the code cannot work; nothing is written here.
      const known = await findBallotCode(db, found.municipality.id, found.vote.id, code.value);
      if (!known) errors.push({ field: "code", message: t.codeUnknown });
      else if (known.used) errors.push({ field: "code", message: t.codeUsed });
    }
    if (errors.length > 0 || !code.ok || !ballot.ok)
      return formResponse(renderVote(c, found, form, errors), 400);

    if (step !== "cast") {
      return formResponse(
        render(c, ctx, {
          title: t.confirmTitle,
          crumbs: crumbsOf(ctx, found, t.voteCrumb),
          body: (
            <ConfirmVote
              ctx={ctx}
              options={found.options}
              action={ctx.href(`${found.path}/afstemning`)}
              form={{ ...form, code: code.value, choices: ballot.value }}
            />
          ),
        }),
        200,
      );
    }
    const outcome = await db.transaction((tx) =>
      castBallotWithCode(tx, found.municipality.id, found.vote.id, code.value, ballot.value, null),
    );
    if (outcome !== "counted") {
      const message = outcome === "code_used" ? t.codeUsed : t.codeUnknown;
      return formResponse(renderVote(c, found, form, [{ field: "code", message }]), 400);
    }
    return c.redirect(ctx.href(`${found.path}/afstemning/kvittering`), 303);
  });

  site.get(`${base}/afstemning/kvittering`, async (c) => {
    const found = await loadVote(c);
    if (!found) return notFound(c);
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    return render(c, ctx, {
      title: t.receiptTitle,
      crumbs: crumbsOf(ctx, found, t.voteCrumb),
      body: (
        <>
          <h1>{t.receiptTitle}</h1>
          <p>{t.receiptBody}</p>
        </>
      ),
    });
  });

  /* the result: only once the vote has closed and the organisers have published it */

  const loadResult = async (c: Context) => {
    const found = await loadVote(c);
    if (!found) return null;
    const ctx = ctxOf(c);
    if (votePhase(found.vote, ctx.now) !== "closed" || !found.vote.resultsPublishedAt) return null;
    return { ...found, loaded: await loadVoteResult(db, found.municipality.id, found.vote) };
  };

  site.get(`${base}/resultat`, async (c) => {
    const found = await loadResult(c);
    if (!found) return notFound(c);
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    return render(c, ctx, {
      title: t.resultTitle(found.vote.title),
      crumbs: crumbsOf(ctx, found, t.resultCrumb),
      body: (
        <ResultPage
          ctx={ctx}
          vote={found.vote}
          loaded={found.loaded}
          csvHref={`${found.path}/resultat/stemmesedler.csv`}
        />
      ),
    });
  });

  site.get(`${base}/resultat/stemmesedler.csv`, async (c) => {
    const found = await loadResult(c);
    if (!found) return notFound(c);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="stemmesedler-${found.process.slug}.csv"`);
    return c.body(`\uFEFF${ballotsCsv(found.loaded.options, found.loaded.ballots)}`);
  });
}
