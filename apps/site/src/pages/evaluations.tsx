/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Database } from "@samraad/db";
import {
  type EvaluationRow,
  evaluationMunicipality,
  findDraft,
  findEvaluation,
  findInvitation,
  findPublishedEvaluation,
  followUpsOf,
  invitationTokenHash,
  listEvaluationCriteria,
  listMeasurements,
  listPolicies,
  listResponses,
  publishedEvaluationsOf,
  type SubmitOutcome,
  saveDraft,
  submitResponse,
} from "@samraad/db/queries";
import {
  acceptsAnswers,
  answerPage,
  type CountRow,
  criterionOutcome,
  criterionOutcomeLabels,
  evaluationKindLabels,
  type FollowUp,
  followUpLabels,
  formFromAnswers,
  latestMeasurement,
  type QuestionnairePage as Page,
  pageNumber,
  pageOfFirst,
  partnershipDecisionLabels,
  type Question,
  type QuestionResult,
  type QuestionText,
  questionnairePages,
  type ResponseAnswers,
  responseSchema,
  SMALL_GROUP_LIMIT,
  summarise,
} from "@samraad/domain/evaluations";
import { fieldErrors, formatDate, type Locale, localDate } from "@samraad/domain/shared";
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { PageContext } from "../context.ts";
import type { Crumb } from "../layout.tsx";
import { publicPartnershipById } from "../public-partnership.ts";

/** A calendar date in words ("3. december 2026"), read at noon so no time zone shifts the day. */
const calendarDate = (iso: string, locale: Locale) => formatDate(new Date(`${iso}T12:00:00Z`), locale);

/*
 * Evaluations on the public site: the questionnaire behind a single-use invitation link, a thank-you page, and
 * the published results. Plain forms, no script: one question per fieldset with a legend; a mistake re-renders
 * the form (400) with an error summary linking to each question and "Fejl: …" at the question.
 */

const text = {
  da: {
    anonymous:
      "Dine svar er anonyme. Vi gemmer ikke, hvem der har svaret hvad – kun at dit link er brugt. Linket kan bruges én gang.",
    named:
      "Dine svar er ikke anonyme. Dit navn bliver gemt sammen med dine svar, og de ansvarlige for evalueringen kan se det. Linket kan bruges én gang.",
    privacyHeading: "Før du svarer",
    optional: "(valgfrit)",
    easyRead: "Let at læse",
    yes: "Ja",
    no: "Nej",
    name: "Dit navn",
    submit: "Send dine svar",
    next: "Næste side",
    back: "Forrige side",
    pageOf: (n: number, of: number) => `Side ${n} af ${of}`,
    saved:
      "Dine svar bliver gemt, når du skifter side. Du kan lukke siden og fortsætte senere med det samme link.",
    errorSummary: "Der er problemer i formularen",
    errorPrefix: "Fejl: ",
    alreadyTitle: "Du har allerede svaret",
    alreadyBody: "Linket er brugt. Tak for dine svar – de er gemt.",
    closedTitle: "Spørgeskemaet er lukket",
    closedBody: "Der kan ikke længere svares på dette spørgeskema.",
    thanksTitle: "Tak for dine svar",
    thanksBody: "Dine svar er gemt. Du kan lukke siden nu.",
    thanksAnonymous: "Ingen kan se, hvad netop du har svaret.",
    maxLength: (n: number) => `Du kan skrive op til ${n} tegn.`,
    resultsCrumb: "Evaluering",
    period: "Periode",
    respondents: (n: number) => (n === 1 ? "1 har svaret" : `${n} har svaret`),
    criteriaHeading: "Succeskriterier",
    criteriaCaption: "Succeskriterier: udgangspunkt, mål, seneste måling og vurdering",
    colIndicator: "Indikator",
    colBaseline: "Udgangspunkt",
    colTarget: "Mål",
    colLatest: "Seneste måling",
    colOutcome: "Vurdering",
    answersHeading: "Svarene",
    suppressed: (n: number) =>
      `${n} har svaret. Færre end ${SMALL_GROUP_LIMIT} svar vises ikke opdelt, så ingen kan genkendes.`,
    colAnswer: "Svar",
    colCount: "Antal",
    colPercent: "Procent",
    answeredBy: (n: number) => `${n} har svaret på spørgsmålet.`,
    meanMedian: (mean: number, median: number) =>
      `Gennemsnit ${String(mean).replace(".", ",")}, median ${String(median).replace(".", ",")} på en skala fra 1 til 5.`,
    chartDesc: (rows: string) => `Fordeling af svarene: ${rows}`,
    freeTexts: "Skrevne svar",
    conclusionHeading: "Konklusion",
    decision: "Beslutning",
    nextSteps: "Næste skridt",
    due: (d: string) => `senest ${d}`,
    notPublicYet: "ikke offentliggjort endnu",
    evaluationsHeading: "Evalueringer",
  },
  en: {
    anonymous:
      "Your answers are anonymous. We do not store who answered what – only that your link has been used. The link works once.",
    named:
      "Your answers are not anonymous. Your name is stored with your answers, and those responsible for the evaluation can see it. The link works once.",
    privacyHeading: "Before you answer",
    optional: "(optional)",
    easyRead: "Easy read",
    yes: "Yes",
    no: "No",
    name: "Your name",
    submit: "Send your answers",
    next: "Next page",
    back: "Previous page",
    pageOf: (n: number, of: number) => `Page ${n} of ${of}`,
    saved:
      "Your answers are saved when you change page. You can close the page and continue later with the same link.",
    errorSummary: "There are problems in the form",
    errorPrefix: "Error: ",
    alreadyTitle: "You have already answered",
    alreadyBody: "This link has been used. Thank you – your answers are stored.",
    closedTitle: "The questionnaire is closed",
    closedBody: "This questionnaire no longer takes answers.",
    thanksTitle: "Thank you for your answers",
    thanksBody: "Your answers are stored. You can close the page now.",
    thanksAnonymous: "Nobody can see what you in particular answered.",
    maxLength: (n: number) => `You can write up to ${n} characters.`,
    resultsCrumb: "Evaluation",
    period: "Period",
    respondents: (n: number) => (n === 1 ? "1 person answered" : `${n} people answered`),
    criteriaHeading: "Success criteria",
    criteriaCaption: "Success criteria: baseline, target, latest measurement and outcome",
    colIndicator: "Indicator",
    colBaseline: "Baseline",
    colTarget: "Target",
    colLatest: "Latest measurement",
    colOutcome: "Outcome",
    answersHeading: "The answers",
    suppressed: (n: number) =>
      `${n} answered. Fewer than ${SMALL_GROUP_LIMIT} answers are not broken down, so nobody can be recognised.`,
    colAnswer: "Answer",
    colCount: "Count",
    colPercent: "Percent",
    answeredBy: (n: number) => `${n} answered this question.`,
    meanMedian: (mean: number, median: number) => `Mean ${mean}, median ${median} on a scale from 1 to 5.`,
    chartDesc: (rows: string) => `How the answers are spread: ${rows}`,
    freeTexts: "Written answers",
    conclusionHeading: "Conclusion",
    decision: "Decision",
    nextSteps: "Next steps",
    due: (d: string) => `by ${d}`,
    notPublicYet: "not published yet",
    evaluationsHeading: "Evaluations",
  },
};
type Texts = (typeof text)[Locale];

const say = (q: QuestionText | undefined, locale: Locale) =>
  q ? (locale === "en" && q.en ? q.en : q.da) : "";

type FieldErr = { field: string; message: string };
/** Each question's first control carries this id, so the error summary's link lands on it. */
const fieldId = (questionId: string) => `q-${questionId}`;

function ErrorSummary({ t, errors }: { t: Texts; errors: FieldErr[] }) {
  if (errors.length === 0) return null;
  return (
    // autofocus moves focus here after a submit without any script, so a screen reader hears the problems first.
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">{t.errorSummary}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type Form = Record<string, string[]>;

/** Labels of a question's options, in order: the same words the results table uses. */
function optionsOf(q: Question, locale: Locale): { value: string; label: string }[] {
  const t = text[locale];
  switch (q.type) {
    case "single_choice":
    case "multiple_choice":
      return q.choices.map((c) => ({ value: c.value, label: say(c.label, locale) }));
    case "yes_no":
      return [
        { value: "yes", label: t.yes },
        { value: "no", label: t.no },
      ];
    case "scale":
      return [1, 2, 3, 4, 5].map((n) => ({
        value: String(n),
        label:
          n === 1
            ? `1 – ${say(q.lowLabel, locale)}`
            : n === 5
              ? `5 – ${say(q.highLabel, locale)}`
              : String(n),
      }));
    case "free_text":
      return [];
  }
}

function QuestionField({
  q,
  locale,
  form,
  errors,
}: {
  q: Question;
  locale: Locale;
  form: Form;
  errors: FieldErr[];
}) {
  const t = text[locale];
  const error = errors.find((e) => e.field === q.id);
  const legendId = `${fieldId(q.id)}-legend`;
  const errorId = `${fieldId(q.id)}-error`;
  const picked = form[q.id] ?? [];
  const legend = (
    <legend class="form-legend" id={legendId}>
      {say(q.text, locale)}
      {q.required ? null : ` ${t.optional}`}
    </legend>
  );
  const errorLine = error ? (
    <span class="form-error-message" id={errorId}>
      {t.errorPrefix}
      {error.message}
    </span>
  ) : null;
  const easy = q.text.easyRead ? <p class="form-hint">{q.text.easyRead}</p> : null;
  if (q.type === "free_text") {
    return (
      <div class={error ? "form-group form-error" : "form-group"}>
        <fieldset class="form-fieldset">
          {legend}
          {easy}
          <span class="form-hint" id={`${fieldId(q.id)}-hint`}>
            {t.maxLength(q.maxLength)}
          </span>
          {errorLine}
          <textarea
            class="form-input"
            id={fieldId(q.id)}
            name={q.id}
            rows={4}
            maxlength={q.maxLength}
            aria-labelledby={legendId}
            aria-describedby={[`${fieldId(q.id)}-hint`, error ? errorId : null].filter(Boolean).join(" ")}
            aria-invalid={error ? "true" : undefined}
          >
            {picked[0] ?? ""}
          </textarea>
        </fieldset>
      </div>
    );
  }
  const multiple = q.type === "multiple_choice";
  return (
    <div class={error ? "form-group form-error" : "form-group"}>
      <fieldset class="form-fieldset" aria-describedby={error ? errorId : undefined}>
        {legend}
        {easy}
        {errorLine}
        {optionsOf(q, locale).map((o, i) => {
          const id = i === 0 ? fieldId(q.id) : `${fieldId(q.id)}-${o.value}`;
          return (
            <div class="form-checkbox">
              <input
                id={id}
                name={q.id}
                type={multiple ? "checkbox" : "radio"}
                value={o.value}
                checked={picked.includes(o.value)}
              />
              <label for={id}>{o.label}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/*
 * Hidden and button fields of a questionnaire in pages. They start with "_", which no question key can (keys
 * begin with a letter), so they never collide with an answer.
 */
const PAGE_FIELD = "_side";
const STEP_FIELD = "_handling";
const steps = { next: "naeste", back: "tilbage", send: "send" } as const;

function QuestionnairePage(props: {
  ctx: PageContext;
  evaluation: EvaluationRow;
  pages: Page[];
  /** 1-based */
  page: number;
  action: string;
  form: Form;
  errors: FieldErr[];
}) {
  const { ctx, evaluation, errors, form, pages, page } = props;
  const t = text[ctx.locale];
  const q = evaluation.questionnaire;
  const current = pages[page - 1] ?? { section: null, questions: [] };
  const last = page === pages.length;
  const named = evaluation.responseMode === "named";
  const nameError = errors.find((e) => e.field === "respondentName");
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <h1>{say(q.title, ctx.locale)}</h1>
      {pages.length > 1 ? (
        <p class="meta" data-testid="page-progress">
          <strong>{t.pageOf(page, pages.length)}</strong>
        </p>
      ) : null}
      {page === 1 ? (
        <>
          <div class="alert alert-info" data-testid="privacy-notice">
            <h2>{t.privacyHeading}</h2>
            <p>{named ? t.named : t.anonymous}</p>
            {pages.length > 1 ? <p>{t.saved}</p> : null}
          </div>
          {q.intro ? <p class="lead">{say(q.intro, ctx.locale)}</p> : null}
          {q.intro?.easyRead ? (
            <details>
              <summary>{t.easyRead}</summary>
              <p>{q.intro.easyRead}</p>
            </details>
          ) : null}
        </>
      ) : null}
      {current.section ? <h2>{say(current.section, ctx.locale)}</h2> : null}
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name={PAGE_FIELD} value={String(page)} />
        {named && page === 1 ? (
          <div class={nameError ? "form-group form-error" : "form-group"}>
            <label class="form-label" for={fieldId("respondentName")}>
              {t.name}
            </label>
            {nameError ? (
              <span class="form-error-message" id={`${fieldId("respondentName")}-error`}>
                {t.errorPrefix}
                {nameError.message}
              </span>
            ) : null}
            <input
              class="form-input"
              id={fieldId("respondentName")}
              name="respondentName"
              type="text"
              autocomplete="name"
              maxlength={200}
              value={form.respondentName?.[0] ?? ""}
              aria-describedby={nameError ? `${fieldId("respondentName")}-error` : undefined}
              aria-invalid={nameError ? "true" : undefined}
            />
          </div>
        ) : null}
        {current.questions.map((question) => (
          <QuestionField q={question} locale={ctx.locale} form={form} errors={errors} />
        ))}
        {/* Forward comes first: Enter in a field submits with the form's first button. */}
        <div class="button-row">
          <button
            class="button button-primary"
            type="submit"
            name={STEP_FIELD}
            value={last ? steps.send : steps.next}
          >
            {last ? t.submit : t.next}
          </button>
          {page > 1 ? (
            <button class="button button-secondary" type="submit" name={STEP_FIELD} value={steps.back}>
              {t.back}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}

/* ---------- results ---------- */

const BAR_WIDTH = 300;
const LABEL_WIDTH = 260;
const ROW_HEIGHT = 36;

/** Horizontal bars with their numbers written next to them; the table below carries the same figures. */
function AnswerChart({
  id,
  title,
  rows,
  labels,
  t,
}: {
  id: string;
  title: string;
  rows: CountRow[];
  labels: Map<string, string>;
  t: Texts;
}) {
  const height = rows.length * ROW_HEIGHT + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + 110;
  const desc = t.chartDesc(
    rows.map((r) => `${labels.get(r.value) ?? r.value}: ${r.count} (${r.percent} %)`).join("; "),
  );
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      class="policy-chart"
      data-testid="answer-chart"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {rows.map((r, i) => {
        const y = i * ROW_HEIGHT + 4;
        const label = labels.get(r.value) ?? r.value;
        return (
          <g data-value={r.value} data-percent={String(r.percent)}>
            <text x="0" y={y + 20} font-size="14" fill="#1a1a1a">
              {label.length > 34 ? `${label.slice(0, 32)}…` : label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={BAR_WIDTH} height="22" fill="#ffffff" stroke="#454545" />
            <rect
              x={LABEL_WIDTH}
              y={y + 4}
              width={Math.round((BAR_WIDTH * Math.min(r.percent, 100)) / 100)}
              height="22"
              fill="#0059b3"
            />
            <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 20} font-size="14" fill="#1a1a1a">
              {`${r.count} (${r.percent} %)`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function QuestionResultView({ q, result, locale }: { q: Question; result: QuestionResult; locale: Locale }) {
  const t = text[locale];
  const heading = <h3>{say(q.text, locale)}</h3>;
  if (result.suppressed)
    return (
      <section class="evaluation-question">
        {heading}
        <p>{t.suppressed(result.answered)}</p>
      </section>
    );
  if (result.type === "free_text")
    return (
      <section class="evaluation-question">
        {heading}
        <p>{t.answeredBy(result.answered)}</p>
        <ul>
          {result.texts.map((x) => (
            <li class="pre">{x}</li>
          ))}
        </ul>
      </section>
    );
  const labels = new Map(optionsOf(q, locale).map((o) => [o.value, o.label]));
  const id = `chart-${q.id}`;
  return (
    <section class="evaluation-question">
      {heading}
      <p>
        {t.answeredBy(result.answered)}
        {result.type === "scale" ? ` ${t.meanMedian(result.mean, result.median)}` : ""}
      </p>
      <AnswerChart id={id} title={say(q.text, locale)} rows={result.rows} labels={labels} t={t} />
      <div class="table-scroll">
        <table class="table" data-testid="answer-table">
          <caption>{say(q.text, locale)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colAnswer}</th>
              <th scope="col">{t.colCount}</th>
              <th scope="col">{t.colPercent}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr>
                <th scope="row">{labels.get(r.value) ?? r.value}</th>
                <td>{r.count}</td>
                <td>{`${r.percent} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A next step's follow-up as the public may see it: linked, with its title, only where it is public itself. */
type PublicFollowUp = { id: string; type: FollowUp["type"]; title: string; path: string | null };

async function publicFollowUps(
  db: Database,
  evaluation: EvaluationRow,
  municipality: { slug: string },
  now: Date,
): Promise<PublicFollowUp[]> {
  const found = await followUpsOf(db, evaluation.municipalityId, evaluation.conclusion);
  // The public policy page shows the newest adopted policy's published actions, each at #handling-<id>.
  const [shownPolicy] = found.some((f) => f.type === "policy_action")
    ? await listPolicies(db, evaluation.municipalityId, { publicOnly: true })
    : [];
  return Promise.all(
    found.map(async (f) =>
      f.type === "policy_action"
        ? {
            ...f,
            path:
              f.public && shownPolicy?.id === f.policyId
                ? `/kommuner/${municipality.slug}/handicappolitik`
                : null,
          }
        : {
            ...f,
            path: (await publicPartnershipById(db, f.partnershipId, now))
              ? `/partnerskaber/${f.partnershipId}`
              : null,
          },
    ),
  );
}

function FollowUpRef({ ctx, f }: { ctx: PageContext; f: PublicFollowUp }) {
  const label = followUpLabels[f.type][ctx.locale];
  if (!f.path)
    return (
      <span class="meta" data-testid="follow-up">
        {" "}
        – {label} ({text[ctx.locale].notPublicYet})
      </span>
    );
  const href = `${ctx.href(f.path)}${f.type === "policy_action" ? `#handling-${f.id}` : ""}`;
  return (
    <span class="meta" data-testid="follow-up">
      {" "}
      – {label}: <a href={href}>{f.title}</a>
    </span>
  );
}

type Results = {
  evaluation: EvaluationRow;
  followUps: PublicFollowUp[];
  municipality: { slug: string; name: string };
  criteria: Awaited<ReturnType<typeof listEvaluationCriteria>>;
  measurements: Awaited<ReturnType<typeof listMeasurements>>;
  summary: ReturnType<typeof summarise>;
};

function ResultsPage({ ctx, r }: { ctx: PageContext; r: Results }) {
  const t = text[ctx.locale];
  const e = r.evaluation;
  const locale = ctx.locale;
  const c = e.conclusion;
  return (
    <>
      <h1>{e.title}</h1>
      <p class="meta">
        {evaluationKindLabels[e.kind][locale]} · {t.period}: {calendarDate(e.periodStart, locale)} –{" "}
        {calendarDate(e.periodEnd, locale)} · {t.respondents(r.summary.respondents)}
      </p>
      {c ? (
        <section>
          <h2>{t.conclusionHeading}</h2>
          <p class="pre">{c.summary}</p>
          {c.decision ? (
            <p>
              <strong>{t.decision}:</strong> {partnershipDecisionLabels[c.decision][locale]}
            </p>
          ) : null}
          {c.nextSteps.length > 0 ? (
            <>
              <h3>{t.nextSteps}</h3>
              <ul>
                {c.nextSteps.map((s) => {
                  const f = s.followUp ? r.followUps.find((x) => x.id === s.followUp?.id) : undefined;
                  return (
                    <li>
                      {s.title}
                      {s.dueOn ? ` (${t.due(calendarDate(s.dueOn, locale))})` : ""}
                      {f ? <FollowUpRef ctx={ctx} f={f} /> : null}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {r.criteria.length > 0 ? (
        <section>
          <h2>{t.criteriaHeading}</h2>
          <div class="table-scroll">
            <table class="table" data-testid="criteria-table">
              <caption>{t.criteriaCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colIndicator}</th>
                  <th scope="col">{t.colBaseline}</th>
                  <th scope="col">{t.colTarget}</th>
                  <th scope="col">{t.colLatest}</th>
                  <th scope="col">{t.colOutcome}</th>
                </tr>
              </thead>
              <tbody>
                {r.criteria.map((cr) => {
                  const latest = latestMeasurement(cr.id, r.measurements);
                  const outcome = criterionOutcome(cr, r.measurements);
                  const unit = cr.unit ? ` ${cr.unit}` : "";
                  return (
                    <tr data-outcome={outcome}>
                      <th scope="row">{cr.indicator}</th>
                      <td>{cr.baseline ? `${cr.baseline}${unit}` : "–"}</td>
                      <td>{`${cr.target}${unit}`}</td>
                      <td>
                        {latest ? `${latest.value}${unit} (${calendarDate(latest.measuredOn, locale)})` : "–"}
                      </td>
                      <td>{criterionOutcomeLabels[outcome][locale]}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section>
        <h2>{t.answersHeading}</h2>
        {e.questionnaire.questions.map((q, i) => {
          const result = r.summary.questions[i];
          return result ? <QuestionResultView q={q} result={result} locale={locale} /> : null;
        })}
      </section>
    </>
  );
}

/** Links to the published evaluations of a partnership, policy or process, for their public pages. */
export function EvaluationLinks({
  ctx,
  items,
}: {
  ctx: PageContext;
  items: { id: string; title: string }[];
}): Child {
  if (items.length === 0) return null;
  return (
    <section data-testid="evaluation-links">
      <h2>{text[ctx.locale].evaluationsHeading}</h2>
      <ul>
        {items.map((i) => (
          <li>
            <a href={ctx.href(`/evalueringer/${i.id}`)}>{i.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The links section for a subject's public page: its published, concluded evaluations (nothing when none). */
export async function evaluationLinksFor(
  db: Database,
  ctx: PageContext,
  municipalityId: string,
  subjectIds: string[],
): Promise<Child> {
  const items = await publishedEvaluationsOf(db, municipalityId, subjectIds);
  return <EvaluationLinks ctx={ctx} items={items} />;
}

/* ---------- routes ---------- */

type PageSpec = { title: string; crumbs?: Crumb[]; body: Child };
export type EvaluationRouteHelpers = {
  db: Database;
  render: (c: Context, ctx: PageContext, page: PageSpec, status?: 200 | 404) => Response | Promise<Response>;
  notFound: (c: Context) => Response | Promise<Response>;
  ctxOf: (c: Context) => PageContext;
  home: (ctx: PageContext) => Crumb;
};

/**
 * A token page is never cached or kept: it is one person's link. 400 when the form carries errors. (The
 * site's Referrer-Policy, same-origin, already keeps the token from other sites; "no-referrer" would make the
 * browser send "Origin: null" with the form, which the cross-site check rightly refuses.)
 */
async function privateResponse(
  page: Response | Promise<Response>,
  status: 200 | 400 | 409 = 200,
): Promise<Response> {
  const res = await page;
  const headers = new Headers(res.headers);
  headers.set("Cache-Control", "no-store");
  headers.delete("ETag");
  return new Response(res.body, { status, headers });
}

/** The error summary lists errors in the questionnaire's order, as the reader meets them. */
function inQuestionnaireOrder(q: { questions: Question[] }, errors: FieldErr[]): FieldErr[] {
  const order = ["respondentName", ...q.questions.map((x) => x.id)];
  return [...errors].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** A POST from another site is refused (a browser always says where a form came from). */
function crossSite(c: Context): boolean {
  const origin = c.req.header("origin");
  const fetchSite = c.req.header("sec-fetch-site");
  return (origin !== undefined && origin !== new URL(c.req.url).origin) || fetchSite === "cross-site";
}

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mountEvaluationPages(
  site: Hono,
  { db, render, notFound, ctxOf, home }: EvaluationRouteHelpers,
): void {
  const load = async (c: Context) => {
    const token = c.req.param("token") ?? "";
    if (!TOKEN.test(token)) return null;
    const invitation = await findInvitation(db, invitationTokenHash(token));
    if (!invitation) return null;
    const evaluation = await findEvaluation(db, invitation.municipalityId, invitation.evaluationId);
    if (!evaluation) return null;
    return { token, invitation, evaluation };
  };

  const message = (c: Context, title: string, body: string, status: 200 | 409 = 200) => {
    const ctx = ctxOf(c);
    return privateResponse(
      render(c, ctx, {
        title,
        crumbs: [home(ctx), { label: title }],
        body: (
          <>
            <h1>{title}</h1>
            <p>{body}</p>
          </>
        ),
      }),
      status,
    );
  };

  const renderForm = (
    c: Context,
    found: NonNullable<Awaited<ReturnType<typeof load>>>,
    page: number,
    form: Form,
    errors: FieldErr[],
  ) => {
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    const pages = questionnairePages(found.evaluation.questionnaire);
    const name = say(found.evaluation.questionnaire.title, ctx.locale);
    const title = pages.length > 1 ? `${name} – ${t.pageOf(page, pages.length)}` : name;
    return privateResponse(
      render(c, ctx, {
        title: errors.length > 0 ? `${t.errorPrefix}${title}` : title,
        crumbs: [home(ctx), { label: name }],
        body: (
          <QuestionnairePage
            ctx={ctx}
            evaluation={found.evaluation}
            pages={pages}
            page={page}
            action={ctx.href(`/evaluering/svar/${found.token}`)}
            form={form}
            errors={errors}
          />
        ),
      }),
      errors.length > 0 ? 400 : 200,
    );
  };

  /** A page filled in from the answers saved so far (and the name, on the first page). */
  const savedForm = (
    page: Page,
    draft: { answers: ResponseAnswers; respondentName: string | null } | null,
  ) => {
    const form: Form = formFromAnswers(page.questions, draft?.answers ?? {});
    if (draft?.respondentName) form.respondentName = [draft.respondentName];
    return form;
  };

  site.get("/evaluering/svar/:token", async (c) => {
    const found = await load(c);
    if (!found) return notFound(c);
    const t = text[ctxOf(c).locale];
    if (found.invitation.answered) return message(c, t.alreadyTitle, t.alreadyBody);
    if (!acceptsAnswers(found.evaluation, localDate(ctxOf(c).now)))
      return message(c, t.closedTitle, t.closedBody);
    const pages = questionnairePages(found.evaluation.questionnaire);
    const draft =
      pages.length > 1 ? await findDraft(db, found.evaluation.id, invitationTokenHash(found.token)) : null;
    // Coming back with the same link continues where the respondent left off.
    const page = pageNumber(c.req.query("side") ?? String(draft?.page ?? 1), pages.length);
    return renderForm(c, found, page, savedForm(pages[page - 1] as Page, draft), []);
  });

  site.post("/evaluering/svar/:token", async (c) => {
    if (crossSite(c)) return c.text("Forbidden", 403);
    const found = await load(c);
    if (!found) return notFound(c);
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    if (found.invitation.answered) return message(c, t.alreadyTitle, t.alreadyBody, 409);
    if (!acceptsAnswers(found.evaluation, localDate(ctx.now)))
      return message(c, t.closedTitle, t.closedBody, 409);
    const body = await c.req.parseBody({ all: true });
    const form: Form = {};
    for (const [k, v] of Object.entries(body)) {
      const all = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
      form[k] = all;
    }
    const evaluation = found.evaluation;
    const q = evaluation.questionnaire;
    const tokenHash = invitationTokenHash(found.token);
    const pages = questionnairePages(q);
    const paged = pages.length > 1;
    // A form without a page number answers the whole questionnaire at once.
    const pageField = form[PAGE_FIELD]?.[0];
    const page = pageField === undefined ? pages.length : pageNumber(pageField, pages.length);
    const current: Page =
      pageField === undefined ? { section: null, questions: q.questions } : (pages[page - 1] as Page);
    const step = form[STEP_FIELD]?.[0] ?? steps.send;
    const draft = paged ? await findDraft(db, evaluation.id, tokenHash) : null;
    const raw = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.length > 1 ? v : v[0]]));
    const { answers, error } = answerPage(current, draft?.answers ?? {}, raw);
    const named = evaluation.responseMode === "named";
    // The name is asked on the first page and kept with the draft after that.
    const respondentName = (
      (page === 1 || pageField === undefined ? form.respondentName?.[0] : draft?.respondentName) ?? ""
    )
      .trim()
      .slice(0, 200);
    const keep = async (next: number) =>
      !paged ||
      db.transaction((tx) =>
        saveDraft(tx, evaluation.municipalityId, evaluation.id, tokenHash, {
          answers,
          respondentName: respondentName || null,
          page: next,
        }),
      );
    const goTo = (next: number) => c.redirect(ctx.href(`/evaluering/svar/${found.token}?side=${next}`), 303);
    const used = () => message(c, t.alreadyTitle, t.alreadyBody, 409);

    if (step === steps.back) {
      const previous = Math.max(page - 1, 1);
      return (await keep(previous)) ? goTo(previous) : used();
    }
    const nameMissing = named && respondentName === "";
    const nameError: FieldErr = {
      field: "respondentName",
      message: ctx.locale === "en" ? "Write your name" : "Skriv dit navn",
    };
    const pageErrors: FieldErr[] = [
      ...(nameMissing && page === 1 ? [nameError] : []),
      ...(error ? fieldErrors(error).map((e) => ({ field: e.field, message: e.message[ctx.locale] })) : []),
    ];
    if (pageErrors.length > 0) {
      if (!(await keep(page))) return used();
      return renderForm(c, found, page, form, inQuestionnaireOrder(q, pageErrors));
    }
    if (step === steps.next && page < pages.length) return (await keep(page + 1)) ? goTo(page + 1) : used();

    // Sending: every page's answers together must make a whole response.
    const whole = responseSchema(q).safeParse(answers);
    const missing: FieldErr[] = [
      ...(nameMissing ? [nameError] : []),
      ...(whole.success
        ? []
        : fieldErrors(whole.error).map((e) => ({ field: e.field, message: e.message[ctx.locale] }))),
    ];
    if (!whole.success || missing.length > 0) {
      // Back to the first page with something missing, showing what is missing there.
      const target = nameMissing
        ? 1
        : pageOfFirst(
            pages,
            missing.map((e) => e.field),
          );
      if (!(await keep(target))) return used();
      const onTarget = new Set(["respondentName", ...(pages[target - 1]?.questions ?? []).map((x) => x.id)]);
      const targetErrors = missing.filter(
        (e) => onTarget.has(e.field) && (e.field !== "respondentName" || target === 1),
      );
      return renderForm(
        c,
        found,
        target,
        target === page ? form : savedForm(pages[target - 1] as Page, { answers, respondentName }),
        inQuestionnaireOrder(q, targetErrors),
      );
    }
    const outcome: SubmitOutcome = await db.transaction((tx) =>
      submitResponse(
        tx,
        evaluation.municipalityId,
        evaluation.id,
        tokenHash,
        whole.data,
        named ? respondentName : null,
      ),
    );
    if (outcome !== "counted") return used();
    return c.redirect(ctx.href(`/evaluering/tak${named ? "?navngivet=1" : ""}`), 303);
  });

  site.get("/evaluering/tak", (c) => {
    const ctx = ctxOf(c);
    const t = text[ctx.locale];
    const named = c.req.query("navngivet") === "1";
    return render(c, ctx, {
      title: t.thanksTitle,
      crumbs: [home(ctx), { label: t.thanksTitle }],
      body: (
        <>
          <h1>{t.thanksTitle}</h1>
          <p>{t.thanksBody}</p>
          {named ? null : <p>{t.thanksAnonymous}</p>}
        </>
      ),
    });
  });

  site.get("/evalueringer/:id", async (c) => {
    const id = c.req.param("id");
    if (!UUID.test(id)) return notFound(c);
    const evaluation = await findPublishedEvaluation(db, id);
    if (!evaluation) return notFound(c);
    const municipality = await evaluationMunicipality(db, evaluation.municipalityId);
    if (!municipality) return notFound(c);
    const ctx = ctxOf(c);
    const [criteria, measurements, responses, followUps] = await Promise.all([
      listEvaluationCriteria(db, evaluation.municipalityId, evaluation),
      listMeasurements(db, evaluation.municipalityId, evaluation.id),
      listResponses(db, evaluation.municipalityId, evaluation.id),
      publicFollowUps(db, evaluation, municipality, ctx.now),
    ]);
    const summary = summarise(
      evaluation.questionnaire,
      responses.map((r) => r.answers),
    );
    return render(c, ctx, {
      title: `${evaluation.title} – ${municipality.name}`,
      crumbs: [
        home(ctx),
        { label: municipality.name, href: ctx.href(`/kommuner/${municipality.slug}`) },
        { label: text[ctx.locale].resultsCrumb },
      ],
      body: (
        <ResultsPage ctx={ctx} r={{ evaluation, followUps, municipality, criteria, measurements, summary }} />
      ),
    });
  });
}
