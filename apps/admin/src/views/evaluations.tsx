import {
  criterionOutcomeLabels,
  criterionOutcomes,
  type EvaluationKind,
  type EvaluationSubjectType,
  evaluationKindLabels,
  evaluationStatusLabels,
  followUpLabels,
  kindsBySubject,
  partnershipDecisionLabels,
  partnershipDecisions,
  partnersMeetingQuestionnaire,
  type Question,
  type QuestionText,
} from "@samraad/domain/evaluations";
import { zonedInstant } from "@samraad/domain/shared";
import { createResource, createSignal, For, type JSX, Show } from "solid-js";
import { api } from "../api.ts";
import {
  announce,
  ErrorSummary,
  Field,
  formValues,
  Link,
  LoadFailed,
  Loading,
  optional,
  PageTitle,
} from "../components/ui.tsx";
import { type FormErrors, fieldId, formErrorsOf } from "../form-errors.ts";
import { dateTimeText, isoDateText } from "../format.ts";
import { lang, pick } from "../i18n.ts";
import { navigate } from "../navigation.ts";
import { me } from "../session.ts";
import {
  EditCriteria,
  EditDetails,
  EditQuestions,
  evaluationFieldLabels,
  NamedAnswers,
} from "./evaluation-editing.tsx";
import { EvaluationEmail } from "./evaluation-email.tsx";

/*
 * Evaluations (/evalueringer): plan one from a template for a policy, partnership or co-creation process; open
 * it, hand out single-use links, watch the response rate, record measurements, conclude at the evaluation
 * meeting (a partnership's yearly evaluation decides whether it continues) and publish the results. The report
 * (/evalueringer/:id/rapport) is a plain page that prints well.
 */

const m = {
  ...evaluationFieldLabels,
  title: { da: "Evalueringer", en: "Evaluations" },
  none: { da: "Der er ingen evalueringer endnu.", en: "There are no evaluations yet." },
  plan: { da: "Planlæg en evaluering", en: "Plan an evaluation" },
  municipality: { da: "Kommune", en: "Municipality" },
  subject: { da: "Hvad evalueres", en: "What is evaluated" },
  kind: { da: "Slags evaluering", en: "Kind of evaluation" },
  template: { da: "Spørgeskema (skabelon)", en: "Questionnaire (template)" },
  responseMode: { da: "Svar", en: "Answers" },
  anonymous: { da: "Anonyme (anbefales)", en: "Anonymous (recommended)" },
  named: { da: "Med navn – den, der svarer, får det at vide før", en: "Named – respondents are told first" },
  reminders: {
    da: "Påmindelser (datoer adskilt af komma, valgfrit)",
    en: "Reminders (dates, comma-separated)",
  },
  meetingDate: { da: "Evalueringsmødets dato (valgfrit)", en: "Evaluation meeting date (optional)" },
  meetingTime: { da: "Evalueringsmødets klokkeslæt (TT:MM)", en: "Evaluation meeting time (HH:MM)" },
  create: { da: "Planlæg", en: "Plan" },
  status: { da: "Status", en: "Status" },
  period: { da: "Periode", en: "Period" },
  responsibles: { da: "Ansvarlige", en: "Responsible" },
  open: { da: "Åbn for svar", en: "Open for answers" },
  opened: { da: "Evalueringen er åbnet for svar", en: "The evaluation is open for answers" },
  links: { da: "Links til spørgeskemaet", en: "Links to the questionnaire" },
  linksHint: {
    da: "Hvert link kan bruges én gang. Linkene vises kun nu – kopiér dem, før du forlader siden.",
    en: "Each link works once. They are shown only now – copy them before leaving the page.",
  },
  count: { da: "Antal links", en: "Number of links" },
  label: { da: "Mærkat (fx hold eller gruppe, valgfrit)", en: "Label (e.g. group, optional)" },
  makeLinks: { da: "Lav links", en: "Create links" },
  madeLinks: { da: "{n} links er lavet", en: "{n} links created" },
  copy: { da: "Kopiér alle links", en: "Copy all links" },
  copied: { da: "Linkene er kopieret", en: "The links are copied" },
  rate: { da: "Svarprocent", en: "Response rate" },
  byLabel: { da: "Svar pr. mærkat – hvem der skal rykkes", en: "Answers per label – whom to remind" },
  colLabel: { da: "Mærkat", en: "Label" },
  colInvited: { da: "Links", en: "Links" },
  colAnswered: { da: "Har svaret", en: "Answered" },
  noLabel: { da: "(uden mærkat)", en: "(no label)" },
  rateLine: {
    da: "{answered} af {invited} har svaret ({percent} %)",
    en: "{answered} of {invited} answered ({percent} %)",
  },
  results: { da: "Svarene", en: "The answers" },
  suppressed: {
    da: "{n} har svaret. Under 5 svar vises ikke opdelt, så ingen kan genkendes.",
    en: "{n} answered. Fewer than 5 answers are not broken down, so nobody can be recognised.",
  },
  answered: { da: "{n} har svaret", en: "{n} answered" },
  mean: { da: "Gennemsnit {mean}, median {median}", en: "Mean {mean}, median {median}" },
  colAnswer: { da: "Svar", en: "Answer" },
  colCount: { da: "Antal", en: "Count" },
  colPercent: { da: "Procent", en: "Percent" },
  criteria: { da: "Succeskriterier", en: "Success criteria" },
  noCriteria: { da: "Der er ingen succeskriterier.", en: "There are no success criteria." },
  colIndicator: { da: "Indikator", en: "Indicator" },
  colBaseline: { da: "Udgangspunkt", en: "Baseline" },
  colTarget: { da: "Mål", en: "Target" },
  colLatest: { da: "Seneste måling", en: "Latest measurement" },
  colOutcome: { da: "Vurdering", en: "Outcome" },
  addCriterion: { da: "Tilføj succeskriterium", en: "Add a success criterion" },
  add: { da: "Tilføj", en: "Add" },
  measure: { da: "Registrér en måling", en: "Record a measurement" },
  criterion: { da: "Succeskriterium", en: "Success criterion" },
  judgement: {
    da: "Vurdering, hvis værdien ikke er et tal (valgfrit)",
    en: "Judgement if not a number (optional)",
  },
  noJudgement: { da: "Beregnes ud fra tallene", en: "Computed from the figures" },
  saved: { da: "Gemt", en: "Saved" },
  conclude: { da: "Evalueringsmødets konklusion", en: "The evaluation meeting's conclusion" },
  meetingNotes: { da: "Noter fra partnernes evalueringsmøde", en: "Notes from the partners' meeting" },
  summary: { da: "Samlet vurdering", en: "Summary" },
  decision: { da: "Beslutning om partnerskabet", en: "Decision on the partnership" },
  terminatingPartner: { da: "Partneren, der opsiger", en: "The partner terminating" },
  terminationReason: { da: "Begrundelse for at opsige", en: "Reason for terminating" },
  nextSteps: { da: "Næste skridt (valgfrit)", en: "Next steps (optional)" },
  notPublished: { da: "ikke offentliggjort endnu", en: "not published yet" },
  stepTitle: { da: "Næste skridt {n}", en: "Next step {n}" },
  stepDue: { da: "Frist for skridt {n} (ÅÅÅÅ-MM-DD)", en: "Due date for step {n} (YYYY-MM-DD)" },
  stepAction: {
    da: "Skridt {n} bliver en handling i politikkens handleplan",
    en: "Step {n} becomes an action in the policy's action plan",
  },
  concludeButton: { da: "Afslut evalueringen", en: "Conclude the evaluation" },
  concluded: { da: "Evalueringen er afsluttet", en: "The evaluation is concluded" },
  partnershipTerminated: { da: "Partnerskabet er opsagt", en: "The partnership has been terminated" },
  conclusion: { da: "Konklusion", en: "Conclusion" },
  publish: { da: "Offentliggør resultatet", en: "Publish the results" },
  unpublish: { da: "Fjern resultatet fra hjemmesiden", en: "Remove the results from the website" },
  published: { da: "Resultatet er offentliggjort", en: "The results are published" },
  unpublished: { da: "Resultatet er ikke offentligt", en: "The results are not public" },
  publicPage: { da: "Se den offentlige side", en: "See the public page" },
  report: { da: "Evalueringsrapport", en: "Evaluation report" },
  openReport: { da: "Åbn rapporten", en: "Open the report" },
  docx: {
    da: "Hent rapporten som Word-dokument (DOCX)",
    en: "Download the report as a Word document (DOCX)",
  },
  print: { da: "Udskriv", en: "Print" },
  back: { da: "Tilbage til evalueringen", en: "Back to the evaluation" },
  subjectTypes: {
    policy: { da: "Politik", en: "Policy" },
    policy_goal: { da: "Mål i politik", en: "Policy goal" },
    partnership: { da: "Partnerskab", en: "Partnership" },
    co_creation_process: { da: "Samskabelse", en: "Co-creation" },
  },
  yes: { da: "Ja", en: "Yes" },
  no: { da: "Nej", en: "No" },
} as const;

type Key = Exclude<keyof typeof m, "subjectTypes">;
const say = (key: Key, vars: Record<string, string | number> = {}) =>
  pick(m[key]).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
const q = (text: QuestionText | undefined) => (text ? (lang() === "en" && text.en ? text.en : text.da) : "");

/** Municipalities where one may plan: administrator there, or a partner (for that partnership only). */
function plannerMunicipalities() {
  const user = me();
  if (!user) return [];
  return user.municipalities.filter((x) => x.canAdminister);
}

function partnerGrants() {
  return (me()?.grants ?? []).filter((g) => g.role === "partner" && g.partnershipId);
}

export function EvaluationsList() {
  const [lists] = createResource(
    () => ({
      municipalities: plannerMunicipalities().map((x) => x.id),
      partner: partnerGrants().map((g) => ({
        municipalityId: g.municipalityId,
        id: g.partnershipId as string,
      })),
    }),
    async (s) => {
      const own = await Promise.all(
        s.municipalities.map((municipalityId) => api.evaluations.list.query({ municipalityId })),
      );
      const partner = await Promise.all(
        s.partner.map((p) =>
          api.evaluations.list.query({
            municipalityId: p.municipalityId,
            subject: { type: "partnership", id: p.id },
          }),
        ),
      );
      // one row per evaluation, whichever way it was reached
      return [...new Map([...own.flat(), ...partner.flat()].map((e) => [e.id, e])).values()];
    },
  );
  return (
    <>
      <PageTitle text={say("title")}>{say("title")}</PageTitle>
      <Show when={!lists.error} fallback={<LoadFailed error={lists.error} />}>
        <Show when={lists()} fallback={<Loading />}>
          {(all) => (
            <Show when={all().length > 0} fallback={<p>{say("none")}</p>}>
              <ul class="plain-list">
                <For each={all()}>
                  {(e) => (
                    <li class="card">
                      <h2>
                        <Link to={`/evalueringer/${e.id}`}>{e.title}</Link>
                      </h2>
                      <p>
                        {pick(evaluationKindLabels[e.kind])} · {say("status")}:{" "}
                        {pick(evaluationStatusLabels[e.status])}
                        {e.published ? ` · ${say("published")}` : ""}
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
      <Show when={plannerMunicipalities().length > 0 || partnerGrants().length > 0}>
        <PlanEvaluation />
      </Show>
    </>
  );
}

type SubjectOption = { value: string; label: string; municipalityId: string };

function PlanEvaluation() {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [subjectType, setSubjectType] = createSignal<EvaluationSubjectType>("partnership");
  const [subjects] = createResource(async (): Promise<SubjectOption[]> => {
    const options: SubjectOption[] = [];
    const tag = (type: EvaluationSubjectType) => pick(m.subjectTypes[type]);
    for (const p of await api.partnerships.list.query())
      options.push({
        value: `partnership:${p.id}`,
        label: `${tag("partnership")}: ${p.title}`,
        municipalityId: p.municipalityId,
      });
    for (const muni of plannerMunicipalities()) {
      const [policies, processes] = await Promise.all([
        api.policy.list.query({ municipalityId: muni.id }),
        api.coCreation.list.query({ municipalityId: muni.id }).catch(() => []),
      ]);
      for (const p of policies)
        options.push({
          value: `policy:${p.id}`,
          label: `${tag("policy")}: ${p.title}`,
          municipalityId: muni.id,
        });
      for (const p of processes)
        options.push({
          value: `co_creation_process:${p.id}`,
          label: `${tag("co_creation_process")}: ${p.title}`,
          municipalityId: muni.id,
        });
    }
    return options;
  });
  const [templates] = createResource(() => api.evaluations.templates.query());
  const kinds = (): EvaluationKind[] => [...kindsBySubject[subjectType()]];
  return (
    <section aria-labelledby="plan-evaluation">
      <h2 id="plan-evaluation">{say("plan")}</h2>
      <ErrorSummary errors={errors()} />
      <Show when={subjects() && templates()} fallback={<Loading />}>
        <form
          novalidate
          onSubmit={async (e) => {
            e.preventDefault();
            const v = formValues(e.currentTarget);
            const [type = "", subjectId = ""] = (v.subject ?? "").split(":");
            const subject = subjects()?.find((s) => s.value === v.subject);
            try {
              const created = await api.evaluations.plan.mutate({
                municipalityId: subject?.municipalityId ?? "",
                subjectType: type as EvaluationSubjectType,
                subjectId,
                kind: (v.kind ?? "") as EvaluationKind,
                title: v.title ?? "",
                periodStart: v.periodStart ?? "",
                periodEnd: v.periodEnd ?? "",
                template: (v.template ?? "") as "parent_course",
                responseMode: v.responseMode === "named" ? "named" : "anonymous",
                sendsQuestionnaire: v.sendsQuestionnaire ?? "",
                chasesAnswers: v.chasesAnswers ?? "",
                writesSummary: v.writesSummary ?? "",
                closesOn: optional(v.closesOn),
                reminderDates: (v.reminderDates ?? "")
                  .split(",")
                  .map((x) => x.trim())
                  .filter(Boolean),
                meetingAt: v.meetingDate ? zonedInstant(v.meetingDate, v.meetingTime || "14:00") : undefined,
              });
              setErrors(null);
              navigate(`/evalueringer/${created.id}`);
            } catch (error) {
              setErrors(formErrorsOf(error, lang()));
            }
          }}
        >
          <div class="form-group">
            <label class="form-label" for={fieldId("subject")}>
              {say("subject")}
            </label>
            <select
              id={fieldId("subject")}
              name="subject"
              class="form-input"
              onChange={(e) =>
                setSubjectType(
                  (e.currentTarget.value.split(":")[0] ?? "partnership") as EvaluationSubjectType,
                )
              }
            >
              <For each={subjects()}>{(s) => <option value={s.value}>{s.label}</option>}</For>
            </select>
          </div>
          <Field
            name="kind"
            label={say("kind")}
            errors={errors()}
            options={kinds().map((k) => ({ value: k, label: pick(evaluationKindLabels[k]) }))}
          />
          <Field name="title" label={say("evTitle")} errors={errors()} required />
          <Field name="periodStart" label={say("periodStart")} errors={errors()} required />
          <Field name="periodEnd" label={say("periodEnd")} errors={errors()} required />
          <Field
            name="template"
            label={say("template")}
            errors={errors()}
            options={(templates() ?? []).map((t) => ({
              value: t.key,
              label: pick(t.title as { da: string; en: string }),
            }))}
          />
          <Field
            name="responseMode"
            label={say("responseMode")}
            errors={errors()}
            options={[
              { value: "anonymous", label: say("anonymous") },
              { value: "named", label: say("named") },
            ]}
          />
          <Field name="sendsQuestionnaire" label={say("sends")} errors={errors()} required />
          <Field name="chasesAnswers" label={say("chases")} errors={errors()} required />
          <Field name="writesSummary" label={say("writes")} errors={errors()} required />
          <Field name="closesOn" label={say("closesOn")} errors={errors()} />
          <Field name="reminderDates" label={say("reminders")} errors={errors()} />
          <Field name="meetingDate" label={say("meetingDate")} errors={errors()} />
          <Field name="meetingTime" label={say("meetingTime")} errors={errors()} value="14:00" />
          <button type="submit" class="button button-primary">
            {say("create")}
          </button>
        </form>
      </Show>
    </section>
  );
}

type View = Awaited<ReturnType<typeof api.evaluations.get.query>>;

function optionLabels(question: Question): Map<string, string> {
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return new Map(question.choices.map((c) => [c.value, q(c.label)]));
    case "yes_no":
      return new Map([
        ["yes", say("yes")],
        ["no", say("no")],
      ]);
    case "scale":
      return new Map(
        [1, 2, 3, 4, 5].map((n) => [
          String(n),
          n === 1 ? `1 – ${q(question.lowLabel)}` : n === 5 ? `5 – ${q(question.highLabel)}` : String(n),
        ]),
      );
    default:
      return new Map();
  }
}

/** One respondent's answer to a question in words, for a named evaluation's table. */
function answerText(question: Question, answer: unknown): string {
  if (answer === undefined || answer === null || answer === "") return "–";
  const labels = optionLabels(question);
  const one = (a: unknown) =>
    labels.get(typeof a === "boolean" ? (a ? "yes" : "no") : String(a)) ?? String(a);
  return Array.isArray(answer) ? answer.map(one).join(", ") : one(answer);
}

/** Each question's answers as a table (the report and the page share it). */
function Results(props: { v: View; level: "h3" | "h4" }) {
  return (
    <For each={props.v.questionnaire.questions}>
      {(question, i) => {
        const r = () => props.v.summary.questions[i()];
        const Heading = (p: { children: JSX.Element }) =>
          props.level === "h3" ? <h3>{p.children}</h3> : <h4>{p.children}</h4>;
        return (
          <section>
            <Heading>{q(question.text)}</Heading>
            <Show when={r()}>
              {(res) => {
                const x = res();
                if (x.suppressed) return <p>{say("suppressed", { n: x.answered })}</p>;
                if (x.type === "free_text")
                  return (
                    <>
                      <p>{say("answered", { n: x.answered })}</p>
                      <ul>
                        <For each={x.texts}>{(text) => <li>{text}</li>}</For>
                      </ul>
                    </>
                  );
                const labels = optionLabels(question);
                return (
                  <>
                    <p>
                      {say("answered", { n: x.answered })}
                      {x.type === "scale" ? ` · ${say("mean", { mean: x.mean, median: x.median })}` : ""}
                    </p>
                    <div class="table-scroll">
                      <table class="table">
                        <caption>{q(question.text)}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{say("colAnswer")}</th>
                            <th scope="col">{say("colCount")}</th>
                            <th scope="col">{say("colPercent")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={x.rows}>
                            {(row) => (
                              <tr>
                                <th scope="row">{labels.get(row.value) ?? row.value}</th>
                                <td>{row.count}</td>
                                <td>{`${row.percent} %`}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </div>
                  </>
                );
              }}
            </Show>
          </section>
        );
      }}
    </For>
  );
}

function CriteriaTable(props: { v: View }) {
  return (
    <Show when={props.v.criteria.length > 0} fallback={<p>{say("noCriteria")}</p>}>
      <div class="table-scroll">
        <table class="table" data-testid="criteria">
          <caption>{say("criteria")}</caption>
          <thead>
            <tr>
              <th scope="col">{say("colIndicator")}</th>
              <th scope="col">{say("colBaseline")}</th>
              <th scope="col">{say("colTarget")}</th>
              <th scope="col">{say("colLatest")}</th>
              <th scope="col">{say("colOutcome")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.v.criteria}>
              {(c) => {
                const latest = () => c.measurements.at(-1);
                const unit = c.unit ? ` ${c.unit}` : "";
                return (
                  <tr>
                    <th scope="row">{c.indicator}</th>
                    <td>{c.baseline ? `${c.baseline}${unit}` : "–"}</td>
                    <td>{`${c.target}${unit}`}</td>
                    <td>
                      {latest()
                        ? `${latest()?.value}${unit} (${isoDateText(latest()?.measuredOn ?? "")})`
                        : "–"}
                    </td>
                    <td>{pick(criterionOutcomeLabels[c.outcome])}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}

/** Where a next step went: the policy's action plan or the partnership's work schedule, by its current title. */
function FollowUpRef(props: { v: View; id: string }) {
  const found = () => props.v.followUps.find((f) => f.id === props.id);
  return (
    <p class="meta" data-testid="follow-up">
      <Show when={found()} fallback={pick(followUpLabels.gone)}>
        {(f) => {
          const it = f();
          return it.type === "policy_action" ? (
            <>
              {pick(followUpLabels.policy_action)}:{" "}
              <Link to={`/raad/${it.councilId}/handicappolitik`}>{it.title}</Link>
              {it.public ? "" : ` (${say("notPublished")})`}
            </>
          ) : (
            <>
              {pick(followUpLabels.partnership_task)}:{" "}
              <Link to={`/partnerskaber/${it.partnershipId}`}>{it.title}</Link>
            </>
          );
        }}
      </Show>
    </p>
  );
}

function Conclusion(props: { v: View }) {
  return (
    <Show when={props.v.conclusion}>
      {(c) => (
        <>
          <p style={{ "white-space": "pre-line" }}>{c().summary}</p>
          <Show when={c().decision}>
            {(d) => (
              <p data-testid="decision">
                <strong>{say("decision")}:</strong> {pick(partnershipDecisionLabels[d()])}
              </p>
            )}
          </Show>
          <Show when={Object.keys(c().notes).length > 0}>
            <dl>
              <For each={Object.entries(c().notes).filter(([, note]) => note.trim())}>
                {([id, note]) => (
                  <>
                    <dt>{q(partnersMeetingQuestionnaire.questions.find((x) => x.id === id)?.text) || id}</dt>
                    <dd>{note}</dd>
                  </>
                )}
              </For>
            </dl>
          </Show>
          <Show when={c().nextSteps.length > 0}>
            <ul>
              <For each={c().nextSteps}>
                {(s) => (
                  <li>
                    {s.title}
                    {s.dueOn ? ` (${isoDateText(s.dueOn)})` : ""}
                    <Show when={s.followUp}>{(ref) => <FollowUpRef v={props.v} id={ref().id} />}</Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </>
      )}
    </Show>
  );
}

export function EvaluationView(props: { evaluationId: string }) {
  const [data, { mutate, refetch }] = createResource(
    () => props.evaluationId,
    (evaluationId) => api.evaluations.get.query({ evaluationId }),
  );
  return (
    <Show when={!data.error} fallback={<LoadFailed error={data.error} />}>
      <Show when={data()} fallback={<Loading />}>
        {(v) => <EvaluationPage v={v()} set={mutate} reload={refetch} />}
      </Show>
    </Show>
  );
}

function EvaluationPage(props: { v: View; set: (v: View) => void; reload: () => void }) {
  const v = () => props.v;
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [links, setLinks] = createSignal<string[]>([]);
  const [decision, setDecision] = createSignal<string>("continue");
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setErrors(null);
      props.reload();
      announce(done);
      return true;
    } catch (error) {
      setErrors(formErrorsOf(error, lang()));
      return false;
    }
  };
  const percent = () =>
    v().rate.invited === 0 ? 0 : Math.round((v().rate.answered * 100) / v().rate.invited);
  const yearly = () => v().kind === "partnership_yearly";
  const policy = () => v().subject.type === "policy" || v().subject.type === "policy_goal";
  return (
    <>
      <PageTitle text={v().title}>{v().title}</PageTitle>
      <ErrorSummary errors={errors()} />
      <p>
        {pick(evaluationKindLabels[v().kind])} · {pick(m.subjectTypes[v().subject.type])}: {v().subject.title}
      </p>
      <p data-testid="evaluation-status">
        {say("status")}: {pick(evaluationStatusLabels[v().status])}
      </p>
      <Show when={v().partnershipTerminated}>
        <p data-testid="partnership-terminated">{say("partnershipTerminated")}</p>
      </Show>
      <dl>
        <dt>{say("period")}</dt>
        <dd>
          {isoDateText(v().periodStart)} – {isoDateText(v().periodEnd)}
        </dd>
        <dt>{say("responsibles")}</dt>
        <dd>
          {say("sends")} {v().responsibles.sendsQuestionnaire}. {say("chases")}{" "}
          {v().responsibles.chasesAnswers}. {say("writes")} {v().responsibles.writesSummary}.
        </dd>
        <Show when={v().closesOn}>
          {(d) => (
            <>
              <dt>{say("closesOn")}</dt>
              <dd>{isoDateText(d())}</dd>
            </>
          )}
        </Show>
        <Show when={v().meetingAt}>
          {(d) => (
            <>
              <dt>{say("meetingDate")}</dt>
              <dd>{dateTimeText(d())}</dd>
            </>
          )}
        </Show>
      </dl>
      <Show when={v().status !== "concluded"}>
        <EditDetails v={v()} reload={props.reload} />
      </Show>
      <Show when={v().status === "planned" && v().rate.responses === 0}>
        <EditQuestions v={v()} reload={props.reload} />
      </Show>
      <Show when={v().status === "planned"}>
        <button
          type="button"
          class="button button-primary"
          onClick={() => run(() => api.evaluations.open.mutate({ evaluationId: v().id }), say("opened"))}
        >
          {say("open")}
        </button>
      </Show>

      <h2>{say("rate")}</h2>
      <p data-testid="response-rate">
        {say("rateLine", { answered: v().rate.answered, invited: v().rate.invited, percent: percent() })}
      </p>
      <Show when={v().rate.byLabel.length > 1 || v().rate.byLabel.some((g) => g.label)}>
        <div class="table-scroll">
          <table class="table">
            <caption>{say("byLabel")}</caption>
            <thead>
              <tr>
                <th scope="col">{say("colLabel")}</th>
                <th scope="col">{say("colInvited")}</th>
                <th scope="col">{say("colAnswered")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={v().rate.byLabel}>
                {(g) => (
                  <tr>
                    <th scope="row">{g.label || say("noLabel")}</th>
                    <td>{g.invited}</td>
                    <td>{g.answered}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>

      <Show when={v().status !== "concluded"}>
        <section aria-labelledby="links-title">
          <h2 id="links-title">{say("links")}</h2>
          <p class="form-hint">{say("linksHint")}</p>
          <form
            novalidate
            onSubmit={async (e) => {
              e.preventDefault();
              const f = formValues(e.currentTarget);
              try {
                const made = await api.evaluations.createInvitations.mutate({
                  evaluationId: v().id,
                  count: Number(f.count),
                  label: optional(f.label),
                });
                setErrors(null);
                setLinks(made.paths.map((p) => `${window.location.origin}${p}`));
                props.reload();
                announce(say("madeLinks", { n: made.paths.length }));
              } catch (error) {
                setErrors(formErrorsOf(error, lang()));
              }
            }}
          >
            <Field name="count" label={say("count")} errors={errors()} type="number" value="10" />
            <Field name="label" label={say("label")} errors={errors()} />
            <button type="submit" class="button button-secondary">
              {say("makeLinks")}
            </button>
          </form>
          <Show when={links().length > 0}>
            <ul data-testid="invitation-links">
              <For each={links()}>
                {(link) => (
                  <li>
                    <code>{link}</code>
                  </li>
                )}
              </For>
            </ul>
            <button
              type="button"
              class="button button-secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(links().join("\n")).catch(() => undefined);
                announce(say("copied"));
              }}
            >
              {say("copy")}
            </button>
          </Show>
        </section>
      </Show>

      <Show when={v().status !== "concluded"}>
        <EvaluationEmail evaluationId={v().id} status={v().status} onSent={props.reload} />
      </Show>

      <h2>{say("results")}</h2>
      <Results v={v()} level="h3" />
      <NamedAnswers v={v()} label={answerText} />

      <h2>{say("criteria")}</h2>
      <CriteriaTable v={v()} />
      <Show when={v().status !== "concluded" && v().criteria.length > 0}>
        <EditCriteria v={v()} reload={props.reload} />
      </Show>
      <Show
        when={
          v().status !== "concluded" &&
          (v().subject.type === "partnership" || v().subject.type === "co_creation_process")
        }
      >
        <form
          novalidate
          onSubmit={async (e) => {
            e.preventDefault();
            const f = formValues(e.currentTarget);
            const form = e.currentTarget;
            const ok = await run(
              () =>
                api.evaluations.addCriterion.mutate({
                  evaluationId: v().id,
                  indicator: f.indicator ?? "",
                  baseline: optional(f.baseline),
                  target: f.target ?? "",
                  unit: optional(f.unit),
                }),
              say("saved"),
            );
            if (ok) form.reset();
          }}
        >
          <h3>{say("addCriterion")}</h3>
          <Field name="indicator" label={say("indicator")} errors={errors()} />
          <Field name="baseline" label={say("baseline")} errors={errors()} />
          <Field name="target" label={say("target")} errors={errors()} />
          <Field name="unit" label={say("unit")} errors={errors()} />
          <button type="submit" class="button button-secondary">
            {say("add")}
          </button>
        </form>
      </Show>
      <Show when={v().status !== "concluded" && v().criteria.length > 0}>
        <form
          novalidate
          onSubmit={async (e) => {
            e.preventDefault();
            const f = formValues(e.currentTarget);
            await run(
              () =>
                api.evaluations.recordMeasurement.mutate({
                  evaluationId: v().id,
                  criterionId: f.criterionId ?? "",
                  measuredOn: f.measuredOn ?? "",
                  value: f.value ?? "",
                  note: optional(f.note),
                  judgement:
                    (optional(f.judgement) as (typeof criterionOutcomes)[number] | undefined) ?? undefined,
                }),
              say("saved"),
            );
          }}
        >
          <h3>{say("measure")}</h3>
          <Field
            name="criterionId"
            label={say("criterion")}
            errors={errors()}
            options={v().criteria.map((c) => ({ value: c.id, label: c.indicator }))}
          />
          <Field name="measuredOn" label={say("measuredOn")} errors={errors()} />
          <Field name="value" label={say("value")} errors={errors()} />
          <Field name="note" label={say("note")} errors={errors()} />
          <Field
            name="judgement"
            label={say("judgement")}
            errors={errors()}
            options={[
              { value: "", label: say("noJudgement") },
              ...criterionOutcomes
                .filter((o) => o !== "not_measured")
                .map((o) => ({ value: o, label: pick(criterionOutcomeLabels[o]) })),
            ]}
          />
          <button type="submit" class="button button-secondary">
            {say("save")}
          </button>
        </form>
      </Show>

      <h2>{say("conclusion")}</h2>
      <Show when={v().status === "collecting"}>
        <form
          novalidate
          aria-labelledby="conclude-title"
          onSubmit={async (e) => {
            e.preventDefault();
            const f = formValues(e.currentTarget);
            const notes: Record<string, string> = {};
            if (yearly())
              for (const question of partnersMeetingQuestionnaire.questions)
                if (f[`note-${question.id}`]?.trim()) notes[question.id] = f[`note-${question.id}`] ?? "";
            const nextSteps = [1, 2, 3]
              .map((n) => ({
                title: (f[`step${n}`] ?? "").trim(),
                dueOn: optional(f[`stepDue${n}`]) ?? null,
                asAction: policy() && f[`stepAction${n}`] === "yes",
              }))
              .filter((s) => s.title);
            await run(
              () =>
                api.evaluations.conclude.mutate({
                  evaluationId: v().id,
                  summary: f.summary ?? "",
                  notes,
                  decision: yearly() ? ((f.decision ?? undefined) as "continue" | undefined) : undefined,
                  nextSteps,
                  terminatingPartnerId:
                    f.decision === "terminate" ? optional(f.terminatingPartnerId) : undefined,
                  terminationReason: f.decision === "terminate" ? optional(f.terminationReason) : undefined,
                }),
              say("concluded"),
            );
          }}
        >
          <h3 id="conclude-title">{say("conclude")}</h3>
          <Show when={yearly()}>
            <fieldset class="form-fieldset">
              <legend class="form-legend">{say("meetingNotes")}</legend>
              <For each={partnersMeetingQuestionnaire.questions}>
                {(question) => (
                  <Field
                    name={`note-${question.id}`}
                    label={q(question.text)}
                    errors={errors()}
                    multiline
                    rows={2}
                  />
                )}
              </For>
            </fieldset>
          </Show>
          <Field name="summary" label={say("summary")} errors={errors()} multiline required />
          <Show when={yearly()}>
            <fieldset class="form-fieldset" id={fieldId("decision")} tabindex="-1">
              <legend class="form-legend">{say("decision")}</legend>
              <For each={[...partnershipDecisions]}>
                {(d) => (
                  <div class="form-checkbox">
                    <input
                      type="radio"
                      id={`decision-${d}`}
                      name="decision"
                      value={d}
                      checked={decision() === d}
                      onChange={() => setDecision(d)}
                    />
                    <label for={`decision-${d}`}>{pick(partnershipDecisionLabels[d])}</label>
                  </div>
                )}
              </For>
            </fieldset>
            <Show when={decision() === "terminate"}>
              <Field
                name="terminatingPartnerId"
                label={say("terminatingPartner")}
                errors={errors()}
                options={v().partners.map((p) => ({ value: p.id, label: p.name }))}
              />
              <Field
                name="terminationReason"
                label={say("terminationReason")}
                errors={errors()}
                multiline
                rows={2}
              />
            </Show>
          </Show>
          <fieldset class="form-fieldset">
            <legend class="form-legend">{say("nextSteps")}</legend>
            <For each={[1, 2, 3]}>
              {(n) => (
                <>
                  <Field name={`step${n}`} label={say("stepTitle", { n })} errors={errors()} />
                  <Field name={`stepDue${n}`} label={say("stepDue", { n })} errors={errors()} />
                  <Show when={policy()}>
                    <div class="form-checkbox">
                      <input type="checkbox" id={`stepAction${n}`} name={`stepAction${n}`} value="yes" />
                      <label for={`stepAction${n}`}>{say("stepAction", { n })}</label>
                    </div>
                  </Show>
                </>
              )}
            </For>
          </fieldset>
          <button type="submit" class="button button-primary">
            {say("concludeButton")}
          </button>
        </form>
      </Show>
      <Show when={v().status === "concluded"}>
        <Conclusion v={v()} />
        <p data-testid="published-state">{v().published ? say("published") : say("unpublished")}</p>
        <button
          type="button"
          class="button button-secondary"
          onClick={() =>
            run(
              () => api.evaluations.setPublished.mutate({ evaluationId: v().id, published: !v().published }),
              v().published ? say("unpublished") : say("published"),
            )
          }
        >
          {v().published ? say("unpublish") : say("publish")}
        </button>
        <Show when={v().published}>
          <p>
            <a href={`/evalueringer/${encodeURIComponent(v().id)}`}>{say("publicPage")}</a>
          </p>
        </Show>
      </Show>
      <p>
        <Link to={`/evalueringer/${v().id}/rapport`}>{say("openReport")}</Link>
      </p>
      <p>
        <a href={`/api/evaluations/${encodeURIComponent(v().id)}/rapport.docx`}>{say("docx")}</a>
      </p>
    </>
  );
}

/** The evaluation report: criteria (met or not), the answers as tables, free texts, conclusion and next steps. */
export function EvaluationReport(props: { evaluationId: string }) {
  const [data] = createResource(
    () => props.evaluationId,
    (evaluationId) => api.evaluations.get.query({ evaluationId }),
  );
  return (
    <Show when={!data.error} fallback={<LoadFailed error={data.error} />}>
      <Show when={data()} fallback={<Loading />}>
        {(v) => (
          <article class="report">
            <PageTitle text={`${say("report")}: ${v().title}`}>
              {say("report")}: {v().title}
            </PageTitle>
            <p>
              {pick(evaluationKindLabels[v().kind])} · {v().subject.title} · {isoDateText(v().periodStart)} –{" "}
              {isoDateText(v().periodEnd)}
            </p>
            <p>
              {say("rateLine", {
                answered: v().rate.answered,
                invited: v().rate.invited,
                percent: v().rate.invited ? Math.round((v().rate.answered * 100) / v().rate.invited) : 0,
              })}
            </p>
            <h2>{say("criteria")}</h2>
            <CriteriaTable v={v()} />
            <h2>{say("results")}</h2>
            <Results v={v()} level="h3" />
            <h2>{say("conclusion")}</h2>
            <Conclusion v={v()} />
            <p>
              <button type="button" class="button button-secondary" onClick={() => window.print()}>
                {say("print")}
              </button>{" "}
              <a href={`/api/evaluations/${encodeURIComponent(v().id)}/rapport.docx`}>{say("docx")}</a>{" "}
              <Link to={`/evalueringer/${v().id}`}>{say("back")}</Link>
            </p>
          </article>
        )}
      </Show>
    </Show>
  );
}
