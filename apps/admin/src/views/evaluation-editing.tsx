import type { Question, questionTypes } from "@samraad/domain/evaluations";
import { createSignal, For, type JSX, Show } from "solid-js";
import { api } from "../api.ts";
import { EditRemove, SaveCancel } from "../components/form-buttons.tsx";
import { announce, checked, ErrorSummary, Field, formValues, optional } from "../components/ui.tsx";
import { type FormErrors, formErrorsOf, withPrefix } from "../form-errors.ts";
import { isoDateText } from "../format.ts";
import { lang, pick } from "../i18n.ts";

/*
 * Correcting an evaluation after planning, on its page: the details (until concluded), each criterion and
 * measurement (until concluded; a policy's criteria are changed in the policy), and the questions (only while
 * planned and unanswered) — the API enforces the same rules and answers with field errors. Edit forms carry a
 * prefix on their inputs so they never share an id with the page's add forms.
 */

/** Field labels the evaluation page's add forms and these edit forms share, so both say the same. */
export const evaluationFieldLabels = {
  evTitle: { da: "Titel", en: "Title" },
  periodStart: { da: "Perioden begynder (ÅÅÅÅ-MM-DD)", en: "Period starts (YYYY-MM-DD)" },
  periodEnd: { da: "Perioden slutter (ÅÅÅÅ-MM-DD)", en: "Period ends (YYYY-MM-DD)" },
  sends: { da: "Hvem sender spørgeskemaet ud?", en: "Who sends the questionnaire?" },
  chases: { da: "Hvem rykker for svar?", en: "Who chases answers?" },
  writes: { da: "Hvem skriver opsamlingen?", en: "Who writes the summary?" },
  closesOn: { da: "Svarfrist (ÅÅÅÅ-MM-DD)", en: "Closing date (YYYY-MM-DD)" },
  indicator: { da: "Indikator", en: "Indicator" },
  baseline: { da: "Udgangspunkt (valgfrit)", en: "Baseline (optional)" },
  target: { da: "Mål", en: "Target" },
  unit: { da: "Enhed (valgfrit)", en: "Unit (optional)" },
  measuredOn: { da: "Målt den (ÅÅÅÅ-MM-DD)", en: "Measured on (YYYY-MM-DD)" },
  value: { da: "Værdi", en: "Value" },
  note: { da: "Note (valgfrit)", en: "Note (optional)" },
  save: { da: "Gem", en: "Save" },
};

const m = {
  ...evaluationFieldLabels,
  details: { da: "Ret titel, periode og ansvarlige", en: "Correct title, period and responsibilities" },
  reminders: { da: "Påmindelser (datoer adskilt af komma)", en: "Reminders (dates, comma-separated)" },
  saveDetails: { da: "Gem ændringerne", en: "Save the changes" },
  saved: { da: "Ændringerne er gemt", en: "The changes are saved" },
  editCriteria: { da: "Ret succeskriterier og målinger", en: "Correct criteria and measurements" },
  edit: { da: "Ret", en: "Edit" },
  remove: { da: "Fjern", en: "Remove" },
  removed: { da: "Fjernet", en: "Removed" },
  cancel: { da: "Fortryd", en: "Cancel" },
  measurement: { da: "Måling {date}: {value}", en: "Measurement {date}: {value}" },
  questions: { da: "Ret spørgsmålene", en: "Edit the questions" },
  questionsHint: {
    da: "Spørgsmålene kan ændres, indtil evalueringen åbnes for svar.",
    en: "The questions can change until the evaluation opens for answers.",
  },
  questionDa: { da: "Spørgsmål {n} på dansk", en: "Question {n} in Danish" },
  questionEn: { da: "Spørgsmål {n} på engelsk (valgfrit)", en: "Question {n} in English (optional)" },
  easyRead: { da: "Spørgsmål {n} let at læse (valgfrit)", en: "Question {n} easy read (optional)" },
  required: { da: "Skal besvares", en: "Must be answered" },
  removeQuestion: { da: "Fjern spørgsmål {n}", en: "Remove question {n}" },
  addQuestion: { da: "Tilføj et spørgsmål", en: "Add a question" },
  newType: { da: "Slags spørgsmål", en: "Kind of question" },
  newText: { da: "Det nye spørgsmål på dansk", en: "The new question in Danish" },
  newChoices: {
    da: "Svarmuligheder, én pr. linje (kun for valg)",
    en: "Choices, one per line (choice questions only)",
  },
  saveQuestions: { da: "Gem spørgsmålene", en: "Save the questions" },
  types: {
    single_choice: { da: "Vælg ét svar", en: "Single choice" },
    multiple_choice: { da: "Vælg flere svar", en: "Multiple choice" },
    scale: { da: "Skala 1–5", en: "Scale 1–5" },
    free_text: { da: "Fritekst", en: "Free text" },
    yes_no: { da: "Ja/nej", en: "Yes/no" },
  },
  namedAnswers: { da: "Hvem har svaret hvad", en: "Who answered what" },
  namedHint: {
    da: "Evalueringen er med navn: de, der svarede, fik det at vide, før de svarede.",
    en: "This evaluation is named: respondents were told before answering.",
  },
  colName: { da: "Navn", en: "Name" },
} as const;

type Key = Exclude<keyof typeof m, "types">;
const say = (key: Key, vars: Record<string, string | number> = {}) =>
  Object.entries(vars).reduce<string>((s, [k, v]) => s.replace(`{${k}}`, String(v)), pick(m[key]));

type View = Awaited<ReturnType<typeof api.evaluations.get.query>>;
type Props = { v: View; reload: () => void };

/** Runs a change and reports field errors under the form's prefix; true when it went through. */
function useChange() {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const run = async (prefix: string, work: () => Promise<unknown>, done: string, reload: () => void) => {
    try {
      await work();
      setErrors(null);
      reload();
      announce(done);
      return true;
    } catch (error) {
      setErrors(withPrefix(formErrorsOf(error, lang()), prefix));
      return false;
    }
  };
  return { errors, run };
}

export function EditDetails(props: Props) {
  const { errors, run } = useChange();
  const v = () => props.v;
  return (
    <details>
      <summary>{say("details")}</summary>
      <ErrorSummary errors={errors()} />
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          const f = formValues(e.currentTarget);
          run(
            "edit-",
            () =>
              api.evaluations.updateDetails.mutate({
                evaluationId: v().id,
                title: f["edit-title"] ?? "",
                periodStart: f["edit-periodStart"] ?? "",
                periodEnd: f["edit-periodEnd"] ?? "",
                sendsQuestionnaire: f["edit-sendsQuestionnaire"] ?? "",
                chasesAnswers: f["edit-chasesAnswers"] ?? "",
                writesSummary: f["edit-writesSummary"] ?? "",
                closesOn: optional(f["edit-closesOn"]),
                reminderDates: (f["edit-reminderDates"] ?? "")
                  .split(",")
                  .map((d) => d.trim())
                  .filter(Boolean),
                meetingAt: v().meetingAt ?? undefined,
              }),
            say("saved"),
            props.reload,
          );
        }}
      >
        <Field name="edit-title" label={say("evTitle")} errors={errors()} value={v().title} required />
        <Field name="edit-periodStart" label={say("periodStart")} errors={errors()} value={v().periodStart} />
        <Field name="edit-periodEnd" label={say("periodEnd")} errors={errors()} value={v().periodEnd} />
        <Field
          name="edit-sendsQuestionnaire"
          label={say("sends")}
          errors={errors()}
          value={v().responsibles.sendsQuestionnaire}
        />
        <Field
          name="edit-chasesAnswers"
          label={say("chases")}
          errors={errors()}
          value={v().responsibles.chasesAnswers}
        />
        <Field
          name="edit-writesSummary"
          label={say("writes")}
          errors={errors()}
          value={v().responsibles.writesSummary}
        />
        <Field name="edit-closesOn" label={say("closesOn")} errors={errors()} value={v().closesOn ?? ""} />
        <Field
          name="edit-reminderDates"
          label={say("reminders")}
          errors={errors()}
          value={v().reminderDates.join(", ")}
        />
        <button type="submit" class="button button-primary">
          {say("saveDetails")}
        </button>
      </form>
    </details>
  );
}

/** An item's edit form, shown below it while open, ending in Save and Cancel. */
function InlineEdit(props: {
  open: boolean;
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
  children: JSX.Element;
}) {
  return (
    <Show when={props.open}>
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(formValues(e.currentTarget));
        }}
      >
        {props.children}
        <SaveCancel save={say("save")} cancel={say("cancel")} onCancel={props.onCancel} />
      </form>
    </Show>
  );
}

/** Each criterion and measurement with Edit and Remove; one edit form open at a time. */
export function EditCriteria(props: Props) {
  const { errors, run } = useChange();
  const [editing, setEditing] = createSignal<string | null>(null);
  const v = () => props.v;
  const criteriaEditable = () =>
    v().subject.type === "partnership" || v().subject.type === "co_creation_process";
  const saveEdit = async (prefix: string, work: () => Promise<unknown>) => {
    if (await run(prefix, work, say("saved"), props.reload)) setEditing(null);
  };
  const removeItem = (prefix: string, work: () => Promise<unknown>) =>
    run(prefix, work, say("removed"), props.reload);
  return (
    <section aria-labelledby="edit-criteria-title">
      <h3 id="edit-criteria-title">{say("editCriteria")}</h3>
      <ErrorSummary errors={errors()} />
      <ul class="plain-list">
        <For each={v().criteria}>
          {(c) => (
            <li data-testid="criterion-item">
              <strong>{c.indicator}</strong>
              <Show when={criteriaEditable()}>
                {" "}
                <EditRemove
                  name={c.indicator}
                  edit={say("edit")}
                  remove={say("remove")}
                  onEdit={() => setEditing(c.id)}
                  onRemove={() =>
                    removeItem("crit-", () =>
                      api.evaluations.removeCriterion.mutate({ evaluationId: v().id, criterionId: c.id }),
                    )
                  }
                />
              </Show>
              <InlineEdit
                open={editing() === c.id}
                onCancel={() => setEditing(null)}
                onSubmit={(f) =>
                  saveEdit("crit-", () =>
                    api.evaluations.updateCriterion.mutate({
                      evaluationId: v().id,
                      criterionId: c.id,
                      indicator: f["crit-indicator"] ?? "",
                      baseline: optional(f["crit-baseline"]),
                      target: f["crit-target"] ?? "",
                      unit: optional(f["crit-unit"]),
                    }),
                  )
                }
              >
                <Field name="crit-indicator" label={say("indicator")} errors={errors()} value={c.indicator} />
                <Field
                  name="crit-baseline"
                  label={say("baseline")}
                  errors={errors()}
                  value={c.baseline ?? ""}
                />
                <Field name="crit-target" label={say("target")} errors={errors()} value={c.target} />
                <Field name="crit-unit" label={say("unit")} errors={errors()} value={c.unit ?? ""} />
              </InlineEdit>
              <ul>
                <For each={c.measurements}>
                  {(mm) => {
                    const label = say("measurement", { date: isoDateText(mm.measuredOn), value: mm.value });
                    return (
                      <li data-testid="measurement-item">
                        {label}{" "}
                        <EditRemove
                          name={label}
                          edit={say("edit")}
                          remove={say("remove")}
                          onEdit={() => setEditing(mm.id)}
                          onRemove={() =>
                            removeItem("fix-", () =>
                              api.evaluations.removeMeasurement.mutate({
                                evaluationId: v().id,
                                measurementId: mm.id,
                              }),
                            )
                          }
                        />
                        <InlineEdit
                          open={editing() === mm.id}
                          onCancel={() => setEditing(null)}
                          onSubmit={(f) =>
                            saveEdit("fix-", () =>
                              api.evaluations.correctMeasurement.mutate({
                                evaluationId: v().id,
                                measurementId: mm.id,
                                measuredOn: f["fix-measuredOn"] ?? "",
                                value: f["fix-value"] ?? "",
                                note: optional(f["fix-note"]),
                                judgement: mm.judgement ?? undefined,
                              }),
                            )
                          }
                        >
                          <Field
                            name="fix-measuredOn"
                            label={say("measuredOn")}
                            errors={errors()}
                            value={mm.measuredOn}
                          />
                          <Field name="fix-value" label={say("value")} errors={errors()} value={mm.value} />
                          <Field
                            name="fix-note"
                            label={say("note")}
                            errors={errors()}
                            value={mm.note ?? ""}
                          />
                        </InlineEdit>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

const scaleEnds = {
  lowLabel: { da: "Meget utilfreds", en: "Very dissatisfied" },
  highLabel: { da: "Meget tilfreds", en: "Very satisfied" },
};

/** A question added in the editor, with a key made from its position so it is unique. */
function newQuestion(
  type: (typeof questionTypes)[number],
  da: string,
  choices: string[],
  taken: Set<string>,
): Question {
  let n = taken.size + 1;
  while (taken.has(`q${n}`)) n++;
  const base = { id: `q${n}`, text: { da }, required: true };
  switch (type) {
    case "single_choice":
    case "multiple_choice":
      return {
        ...base,
        type,
        choices: choices.map((label, i) => ({ value: `c${i + 1}`, label: { da: label } })),
      };
    case "scale":
      return { ...base, type, ...scaleEnds };
    case "free_text":
      return { ...base, type, required: false, maxLength: 4000 };
    case "yes_no":
      return { ...base, type };
  }
}

/** The questions, while planned and unanswered: change their words, whether they must be answered, remove, add. */
export function EditQuestions(props: Props) {
  const { errors, run } = useChange();
  const [questions, setQuestions] = createSignal<Question[]>(props.v.questionnaire.questions);
  const typeOptions = Object.entries(m.types).map(([value, label]) => ({ value, label: pick(label) }));
  /** The edited texts and flags read back from the form, per question. */
  const read = (form: HTMLFormElement): Question[] => {
    const f = formValues(form);
    return questions().map((q, i) => ({
      ...q,
      text: {
        da: f[`questions.${i}.text.da`] ?? "",
        ...(optional(f[`questions.${i}.text.en`]) ? { en: optional(f[`questions.${i}.text.en`]) } : {}),
        ...(optional(f[`questions.${i}.text.easyRead`])
          ? { easyRead: optional(f[`questions.${i}.text.easyRead`]) }
          : {}),
      },
      required: checked(form, `questions.${i}.required`),
    }));
  };
  let formRef: HTMLFormElement | undefined;
  return (
    <details>
      <summary>{say("questions")}</summary>
      <p class="form-hint">{say("questionsHint")}</p>
      <ErrorSummary errors={errors()} />
      <form
        novalidate
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          const edited = read(e.currentTarget);
          run(
            "",
            () => api.evaluations.updateQuestions.mutate({ evaluationId: props.v.id, questions: edited }),
            say("saved"),
            props.reload,
          );
        }}
      >
        <For each={questions()}>
          {(q, i) => (
            <fieldset class="form-fieldset" data-testid="question-editor">
              <legend class="form-legend">
                {i() + 1}. {pick(m.types[q.type])}
              </legend>
              <Field
                name={`questions.${i()}.text.da`}
                label={say("questionDa", { n: i() + 1 })}
                errors={errors()}
                value={q.text.da}
              />
              <Field
                name={`questions.${i()}.text.en`}
                label={say("questionEn", { n: i() + 1 })}
                errors={errors()}
                value={q.text.en ?? ""}
              />
              <Field
                name={`questions.${i()}.text.easyRead`}
                label={say("easyRead", { n: i() + 1 })}
                errors={errors()}
                value={q.text.easyRead ?? ""}
              />
              <div class="form-checkbox">
                <input
                  type="checkbox"
                  id={`questions-${i()}-required`}
                  name={`questions.${i()}.required`}
                  checked={q.required}
                />
                <label for={`questions-${i()}-required`}>{say("required")}</label>
              </div>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => {
                  if (formRef) setQuestions(read(formRef).filter((_, j) => j !== i()));
                }}
              >
                {say("removeQuestion", { n: i() + 1 })}
              </button>
            </fieldset>
          )}
        </For>
        <fieldset class="form-fieldset">
          <legend class="form-legend">{say("addQuestion")}</legend>
          <Field
            name="new-type"
            label={say("newType")}
            errors={errors()}
            options={typeOptions}
            value="yes_no"
          />
          <Field name="new-text" label={say("newText")} errors={errors()} />
          <Field name="new-choices" label={say("newChoices")} errors={errors()} multiline rows={3} />
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              if (!formRef) return;
              const f = formValues(formRef);
              const text = (f["new-text"] ?? "").trim();
              if (!text) return;
              const current = read(formRef);
              const choices = (f["new-choices"] ?? "")
                .split("\n")
                .map((c) => c.trim())
                .filter(Boolean);
              const type = (f["new-type"] ?? "yes_no") as (typeof questionTypes)[number];
              setQuestions([...current, newQuestion(type, text, choices, new Set(current.map((x) => x.id)))]);
              // Only the new question's fields are cleared: reset() would also empty the edited questions.
              for (const name of ["new-text", "new-choices"]) {
                const field = formRef.elements.namedItem(name);
                if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)
                  field.value = "";
              }
              announce(say("addQuestion"));
            }}
          >
            {say("addQuestion")}
          </button>
        </fieldset>
        <button type="submit" class="button button-primary">
          {say("saveQuestions")}
        </button>
      </form>
    </details>
  );
}

/** A named evaluation's answers per respondent; an anonymous one has none to show. */
export function NamedAnswers(props: { v: View; label: (question: Question, answer: unknown) => string }) {
  return (
    <Show when={props.v.namedAnswers.length > 0}>
      <h3>{say("namedAnswers")}</h3>
      <p class="form-hint">{say("namedHint")}</p>
      <div class="table-scroll">
        <table class="table" data-testid="named-answers">
          <caption>{say("namedAnswers")}</caption>
          <thead>
            <tr>
              <th scope="col">{say("colName")}</th>
              <For each={props.v.questionnaire.questions}>
                {(q) => <th scope="col">{lang() === "en" && q.text.en ? q.text.en : q.text.da}</th>}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.v.namedAnswers}>
              {(r) => (
                <tr>
                  <th scope="row">{r.name}</th>
                  <For each={props.v.questionnaire.questions}>
                    {(q) => <td>{props.label(q, r.answers[q.id])}</td>}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
