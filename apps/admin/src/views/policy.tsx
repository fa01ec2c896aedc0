import { Dialog } from "@kobalte/core/dialog";
import {
  type ActionStatus,
  actionStatuses,
  actionStatusLabels,
  type PolicyStatus as PolicyStatusValue,
  policyStatuses,
  policyStatusLabels,
  type Sector,
  sectorLabels,
  sectors,
} from "@samraad/domain/policy";
import { createResource, createSignal, For, Show } from "solid-js";
import { api } from "../api.ts";
import {
  announce,
  Checkbox,
  checked,
  ErrorSummary,
  Field,
  formValues,
  Link,
  Loading,
  optional,
  PageTitle,
} from "../components/ui.tsx";
import { type FormErrors, formErrorsOf, requiredErrors } from "../form-errors.ts";
import { isoDateText } from "../format.ts";
import { lang } from "../i18n.ts";
import { mayEdit } from "../session.ts";

/*
 * The disability policy's action plan for one council: create the policy, add focus areas and goals, add
 * actions in the Region Midt conference's form, change an action's status inline (a reason when postponed or
 * dropped), import a plan from CSV with the row errors shown before anything is saved, and put the follow-up
 * on a meeting's agenda. Members read; administrators and the council's secretary edit.
 */

const texts = {
  da: {
    title: "Handicappolitik",
    none: "Rådet følger endnu ingen handicappolitik.",
    create: "Opret handicappolitik",
    policyTitle: "Titel",
    periodFrom: "Periode fra",
    periodTo: "Periode til",
    dateHint: "ÅÅÅÅ-MM-DD, fx 2026-12-03",
    status: "Status",
    progress: (p: number) => `${p} % gennemført`,
    findings: "Bør ses på",
    focusAreas: "Fokusområder og mål",
    addFocusArea: "Tilføj fokusområde",
    focusArea: "Fokusområde",
    addGoal: "Tilføj mål",
    goal: "Mål",
    plan: "Handlingsplan",
    planCaption: "Handlingsplan: Handling, Mål, Tovholder, Hvor/når og Status",
    handling: "Handling",
    ownGoal: "Eget mål (hvis handlingen ikke hører til et af målene)",
    noGoal: "Intet af målene",
    owner: "Tovholder",
    ownerName: "Tovholder (navn)",
    sector: "Sektor",
    chooseSector: "Vælg sektor",
    place: "Hvor",
    dueOn: "Frist",
    whereWhen: "Hvor/når",
    addAction: "Tilføj handling",
    noActions: "Ingen handlinger endnu.",
    newStatus: (h: string) => `Ny status for ${h}`,
    reason: (h: string) => `Begrundelse for ${h} (ved udskudt eller opgivet)`,
    update: "Opdatér",
    updateLabel: (h: string) => `Opdatér status for ${h}`,
    statusChanged: (s: string) => `Status ændret til ${s.toLowerCase()}`,
    importTitle: "Importér handlingsplan fra regneark (CSV)",
    importHint:
      "Kolonner: Handling, Mål, Tovholder, Hvor/når, Status. Semikolon eller komma, UTF-8 eller Windows-1252.",
    file: "CSV-fil",
    check: "Kontrollér filen",
    ready: (n: number) => `${n} handlinger er klar til import. Intet er gemt endnu.`,
    importNow: "Importér",
    imported: (n: number) => `${n} handlinger er importeret`,
    rowErrors: "Filen har fejl — intet er importeret. Ret rækkerne og prøv igen.",
    row: "Række",
    column: "Kolonne",
    error: "Fejl",
    followUp: "Opfølgning i rådet",
    meeting: "Møde",
    putOnAgenda: "Sæt opfølgning på dagsordenen",
    putDone: (n: number) => `Punktet er sat på dagsordenen med ${n} ændrede handlinger`,
    noMeetings: "Der er ingen planlagte møder at sætte opfølgningen på.",
    required: "Udfyld feltet",
    errorTitle: "Der er fejl i formularen",
    statusTitle: "Status og vedtagelse",
    adoptedOn: "Vedtaget den",
    adoptedBy: "Vedtaget af",
    nextFollowUpOn: "Næste opfølgning",
    saveStatus: "Gem status",
    order: "Rækkefølge",
    moveUp: (h: string) => `Flyt ${h} op`,
    moveDown: (h: string) => `Flyt ${h} ned`,
    moved: (n: number) => `Handlingen er flyttet til plads ${n}`,
    change: "Ret",
    edit: "Redigér",
    editLabel: (h: string) => `Redigér ${h}`,
    editTitle: (h: string) => `Redigér handling: ${h}`,
    startsOn: "Start",
    statusReason: "Begrundelse (ved udskudt eller opgivet)",
    published: "Vis handlingen offentligt",
    saveAction: "Gem ændringer",
    cancel: "Annullér",
    actionSaved: "Handlingen er gemt",
    remove: "Fjern",
    removeLabel: (what: string) => `Fjern ${what}`,
    removeActionTitle: "Fjern handlingen?",
    removeActionText: (h: string) =>
      `"${h}" fjernes fra handlingsplanen, den offentlige side og fristerne. Det kan ikke fortrydes her.`,
    removeGoalTitle: "Fjern målet?",
    removeGoalText: (g: string) => `Målet "${g}" og dets succeskriterier fjernes fra politikken.`,
    removeAreaTitle: "Fjern fokusområdet?",
    removeAreaText: (a: string) => `Fokusområdet "${a}" fjernes fra politikken.`,
    confirmRemove: "Ja, fjern",
    keep: "Nej, behold",
    removed: (what: string) => `${what} er fjernet`,
    cannotRemove: "Kan ikke fjernes",
  },
  en: {
    title: "Disability policy",
    none: "The council follows no disability policy yet.",
    create: "Create disability policy",
    policyTitle: "Title",
    periodFrom: "Period from",
    periodTo: "Period to",
    dateHint: "YYYY-MM-DD, e.g. 2026-12-03",
    status: "Status",
    progress: (p: number) => `${p} % completed`,
    findings: "Worth a look",
    focusAreas: "Focus areas and goals",
    addFocusArea: "Add focus area",
    focusArea: "Focus area",
    addGoal: "Add goal",
    goal: "Goal",
    plan: "Action plan",
    planCaption: "Action plan: action, goal, owner, where/when and status",
    handling: "Action",
    ownGoal: "Own goal (if the action serves none of the goals)",
    noGoal: "None of the goals",
    owner: "Owner",
    ownerName: "Owner (name)",
    sector: "Sector",
    chooseSector: "Choose sector",
    place: "Where",
    dueOn: "Due",
    whereWhen: "Where/when",
    addAction: "Add action",
    noActions: "No actions yet.",
    newStatus: (h: string) => `New status for ${h}`,
    reason: (h: string) => `Reason for ${h} (when postponed or dropped)`,
    update: "Update",
    updateLabel: (h: string) => `Update status for ${h}`,
    statusChanged: (s: string) => `Status changed to ${s.toLowerCase()}`,
    importTitle: "Import an action plan from a spreadsheet (CSV)",
    importHint:
      "Columns: Handling, Mål, Tovholder, Hvor/når, Status. Semicolon or comma, UTF-8 or Windows-1252.",
    file: "CSV file",
    check: "Check the file",
    ready: (n: number) => `${n} actions are ready to import. Nothing is saved yet.`,
    importNow: "Import",
    imported: (n: number) => `${n} actions imported`,
    rowErrors: "The file has errors — nothing was imported. Correct the rows and try again.",
    row: "Row",
    column: "Column",
    error: "Error",
    followUp: "Follow-up in the council",
    meeting: "Meeting",
    putOnAgenda: "Put the follow-up on the agenda",
    putDone: (n: number) => `The item is on the agenda with ${n} changed actions`,
    noMeetings: "There are no planned meetings to put the follow-up on.",
    required: "Fill in the field",
    errorTitle: "The form has errors",
    statusTitle: "Status and adoption",
    adoptedOn: "Adopted on",
    adoptedBy: "Adopted by",
    nextFollowUpOn: "Next follow-up",
    saveStatus: "Save status",
    order: "Order",
    moveUp: (h: string) => `Move ${h} up`,
    moveDown: (h: string) => `Move ${h} down`,
    moved: (n: number) => `The action moved to position ${n}`,
    change: "Change",
    edit: "Edit",
    editLabel: (h: string) => `Edit ${h}`,
    editTitle: (h: string) => `Edit action: ${h}`,
    startsOn: "Start",
    statusReason: "Reason (when postponed or dropped)",
    published: "Show the action publicly",
    saveAction: "Save changes",
    cancel: "Cancel",
    actionSaved: "The action was saved",
    remove: "Remove",
    removeLabel: (what: string) => `Remove ${what}`,
    removeActionTitle: "Remove the action?",
    removeActionText: (h: string) =>
      `"${h}" is removed from the action plan, the public page and the deadlines. This cannot be undone here.`,
    removeGoalTitle: "Remove the goal?",
    removeGoalText: (g: string) => `The goal "${g}" and its success criteria are removed from the policy.`,
    removeAreaTitle: "Remove the focus area?",
    removeAreaText: (a: string) => `The focus area "${a}" is removed from the policy.`,
    confirmRemove: "Yes, remove",
    keep: "No, keep it",
    removed: (what: string) => `${what} was removed`,
    cannotRemove: "Cannot be removed",
  },
};
const tx = () => texts[lang()];

type PolicyView = Awaited<ReturnType<typeof api.policy.get.query>>;
type ImportResult = Awaited<ReturnType<typeof api.policy.importActions.mutate>>;

function todayIso(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
}

async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export default function PolicyEditor(props: { councilId: string }) {
  const [council] = createResource(
    () => props.councilId,
    (councilId) => api.councils.get.query({ councilId }),
  );
  const [policies, { refetch: refetchList }] = createResource(
    () => council()?.municipalityId,
    async (municipalityId) =>
      (await api.policy.list.query({ municipalityId })).filter((p) => p.councilId === props.councilId),
  );
  const [errors, setErrors] = createSignal<FormErrors | null>(null);

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const missing = requiredErrors(values, ["title"], tx().required, tx().errorTitle);
    if (missing) return setErrors(missing);
    try {
      await api.policy.create.mutate({
        councilId: props.councilId,
        title: values.title ?? "",
        periodFrom: optional(values.periodFrom),
        periodTo: optional(values.periodTo),
      });
      setErrors(null);
      announce(lang() === "da" ? "Gemt" : "Saved");
      await refetchList();
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), ["title", "periodFrom", "periodTo"]));
    }
  };

  return (
    <Show when={council()} fallback={<Loading />}>
      {(c) => (
        <>
          <p class="breadcrumb">
            <Link to={`/raad/${c().id}`}>{c().name}</Link>
          </p>
          <PageTitle text={tx().title}>{tx().title}</PageTitle>
          <Show when={policies()} fallback={<Loading />}>
            {(list) => (
              <Show
                when={list()[0]}
                fallback={
                  <>
                    <p>{tx().none}</p>
                    <Show when={mayEdit(c().id)}>
                      <section aria-labelledby="h-create">
                        <h2 id="h-create">{tx().create}</h2>
                        <ErrorSummary errors={errors()} />
                        <form onSubmit={create} novalidate>
                          <Field name="title" label={tx().policyTitle} errors={errors()} required />
                          <Field
                            name="periodFrom"
                            label={tx().periodFrom}
                            hint={tx().dateHint}
                            errors={errors()}
                          />
                          <Field
                            name="periodTo"
                            label={tx().periodTo}
                            hint={tx().dateHint}
                            errors={errors()}
                          />
                          <div class="actions">
                            <button type="submit" class="button button-primary">
                              {tx().create}
                            </button>
                          </div>
                        </form>
                      </section>
                    </Show>
                  </>
                }
              >
                {(p) => <PolicyPlan policyId={p().id} councilId={c().id} editable={mayEdit(c().id)} />}
              </Show>
            )}
          </Show>
        </>
      )}
    </Show>
  );
}

function PolicyPlan(props: { policyId: string; councilId: string; editable: boolean }) {
  const [view, { refetch }] = createResource(
    () => props.policyId,
    (policyId) => api.policy.get.query({ policyId }),
  );
  return (
    <Show when={view()} fallback={<Loading />}>
      {(v) => (
        <>
          <h2>{v().policy.title}</h2>
          <p>
            {tx().progress(v().progress.overall.percent)}
            {v().policy.periodFrom
              ? ` · ${tx().periodFrom.toLowerCase()} ${isoDateText(v().policy.periodFrom ?? "")}`
              : ""}
          </p>
          <Show when={v().findings.length > 0}>
            <div class="alert alert-warning">
              <h3>{tx().findings}</h3>
              <ul>
                <For each={v().findings}>{(f) => <li>{f.message[lang()]}</li>}</For>
              </ul>
            </div>
          </Show>
          <Show when={props.editable}>
            <PolicyStatus view={v()} reload={refetch} />
          </Show>
          <FocusAreas view={v()} editable={props.editable} reload={refetch} />
          <ActionPlan view={v()} editable={props.editable} reload={refetch} />
          <Show when={props.editable}>
            <CsvImport policyId={props.policyId} reload={refetch} />
            <FollowUp policyId={props.policyId} councilId={props.councilId} />
          </Show>
        </>
      )}
    </Show>
  );
}

/** Dates and the adopting body first, then the status change, so adopting a complete policy is one save. */
function PolicyStatus(props: { view: PolicyView; reload: () => unknown }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const policy = () => props.view.policy;
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    try {
      await api.policy.update.mutate({
        policyId: policy().id,
        adoptedOn: optional(values.adoptedOn),
        adoptedBy: optional(values.adoptedBy),
        nextFollowUpOn: optional(values.nextFollowUpOn),
      });
      const status = values.status as PolicyStatusValue | undefined;
      if (status && status !== policy().status)
        await api.policy.setStatus.mutate({ policyId: policy().id, status });
      setErrors(null);
      announce(lang() === "da" ? "Gemt" : "Saved");
      await props.reload();
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), ["adoptedOn", "adoptedBy", "nextFollowUpOn", "status"]));
    }
  };
  return (
    <section aria-labelledby="h-status">
      <h3 id="h-status">{tx().statusTitle}</h3>
      <ErrorSummary errors={errors()} />
      <form onSubmit={save} novalidate>
        <Field
          name="status"
          label={tx().status}
          value={policy().status}
          options={policyStatuses.map((s) => ({ value: s, label: policyStatusLabels[s][lang()] }))}
          errors={errors()}
        />
        <Field
          name="adoptedOn"
          label={tx().adoptedOn}
          hint={tx().dateHint}
          value={policy().adoptedOn ?? ""}
          errors={errors()}
        />
        <Field name="adoptedBy" label={tx().adoptedBy} value={policy().adoptedBy ?? ""} errors={errors()} />
        <Field
          name="nextFollowUpOn"
          label={tx().nextFollowUpOn}
          hint={tx().dateHint}
          value={policy().nextFollowUpOn ?? ""}
          errors={errors()}
        />
        <button type="submit" class="button button-secondary">
          {tx().saveStatus}
        </button>
      </form>
    </section>
  );
}

function FocusAreas(props: { view: PolicyView; editable: boolean; reload: () => unknown }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [goalErrors, setGoalErrors] = createSignal<FormErrors | null>(null);
  const addArea = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const missing = requiredErrors(values, ["areaTitle"], tx().required, tx().errorTitle);
    if (missing) return setErrors(missing);
    try {
      await api.policy.addFocusArea.mutate({ policyId: props.view.policy.id, title: values.areaTitle ?? "" });
      setErrors(null);
      form.reset();
      announce(lang() === "da" ? "Gemt" : "Saved");
      await props.reload();
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), []));
    }
  };
  const addGoal = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const missing = requiredErrors(values, ["goalTitle"], tx().required, tx().errorTitle);
    if (missing) return setGoalErrors(missing);
    try {
      await api.policy.addGoal.mutate({ focusAreaId: values.goalArea ?? "", title: values.goalTitle ?? "" });
      setGoalErrors(null);
      form.reset();
      announce(lang() === "da" ? "Gemt" : "Saved");
      await props.reload();
    } catch (error) {
      setGoalErrors(formErrorsOf(error, lang(), []));
    }
  };
  return (
    <section aria-labelledby="h-areas">
      <h3 id="h-areas" tabindex="-1">
        {tx().focusAreas}
      </h3>
      <ul>
        <For each={props.view.focusAreas}>
          {(area) => (
            <li>
              {area.title}
              <Show when={props.editable}>
                {" "}
                <RemoveDialog
                  what={area.title}
                  title={tx().removeAreaTitle}
                  text={tx().removeAreaText(area.title)}
                  remove={() => api.policy.removeFocusArea.mutate({ focusAreaId: area.id })}
                  done={props.reload}
                  returnTo="h-areas"
                />
              </Show>
              <ul>
                <For each={props.view.goals.filter((g) => g.focusAreaId === area.id)}>
                  {(g) => (
                    <li>
                      {tx().goal}: {g.title}
                      <Show when={props.editable}>
                        {" "}
                        <RemoveDialog
                          what={g.title}
                          title={tx().removeGoalTitle}
                          text={tx().removeGoalText(g.title)}
                          remove={() => api.policy.removeGoal.mutate({ goalId: g.id })}
                          done={props.reload}
                          returnTo="h-areas"
                        />
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.editable}>
        <ErrorSummary errors={errors()} />
        <form onSubmit={addArea} novalidate>
          <Field name="areaTitle" label={tx().focusArea} errors={errors()} required />
          <button type="submit" class="button button-secondary">
            {tx().addFocusArea}
          </button>
        </form>
        <Show when={props.view.focusAreas.length > 0}>
          <ErrorSummary errors={goalErrors()} />
          <form onSubmit={addGoal} novalidate>
            <Field
              name="goalArea"
              label={tx().focusArea}
              options={props.view.focusAreas.map((a) => ({ value: a.id, label: a.title }))}
              errors={goalErrors()}
            />
            <Field name="goalTitle" label={tx().goal} errors={goalErrors()} required />
            <button type="submit" class="button button-secondary">
              {tx().addGoal}
            </button>
          </form>
        </Show>
      </Show>
    </section>
  );
}

const actionFieldNames = [
  "handling",
  "goalId",
  "goalText",
  "ownerName",
  "ownerSector",
  "place",
  "dueOn",
] as const;

function ActionPlan(props: { view: PolicyView; editable: boolean; reload: () => unknown }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [rowError, setRowError] = createSignal<FormErrors | null>(null);
  const goalTitle = (id: string | null) => props.view.goals.find((g) => g.id === id)?.title ?? "";
  const [editing, setEditing] = createSignal<string | null>(null);
  const openEditor = (actionId: string) => {
    setEditing(actionId);
    queueMicrotask(() => document.getElementById("h-action-editor")?.focus());
  };
  const closeEditor = (actionId: string) => {
    setEditing(null);
    queueMicrotask(() => document.getElementById(`edit-${actionId}`)?.focus());
  };

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const missing = requiredErrors(values, ["handling"], tx().required, tx().errorTitle);
    if (missing) return setErrors(missing);
    try {
      await api.policy.addAction.mutate({
        policyId: props.view.policy.id,
        handling: values.handling ?? "",
        goalId: optional(values.goalId),
        goalText: optional(values.goalText),
        ownerName: optional(values.ownerName),
        ownerSector: optional(values.ownerSector) as Sector | undefined,
        place: optional(values.place),
        dueOn: optional(values.dueOn),
      });
      setErrors(null);
      form.reset();
      announce(lang() === "da" ? "Handlingen er tilføjet" : "The action was added");
      await props.reload();
      document.getElementById("f-handling")?.focus();
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), actionFieldNames));
    }
  };

  const updateStatus = async (event: SubmitEvent, actionId: string) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const status = (values.status ?? "not_started") as ActionStatus;
    try {
      await api.policy.updateProgress.mutate({
        actionId,
        on: todayIso(),
        text: tx().statusChanged(actionStatusLabels[status][lang()]),
        status,
        reason: optional(values.reason),
      });
      setRowError(null);
      announce(tx().statusChanged(actionStatusLabels[status][lang()]));
      await props.reload();
    } catch (error) {
      setRowError(formErrorsOf(error, lang(), []));
    }
  };

  const move = async (from: number, by: -1 | 1) => {
    const ids = props.view.actions.map((a) => a.id);
    const to = from + by;
    const moving = ids[from];
    const other = ids[to];
    if (moving === undefined || other === undefined) return;
    ids[from] = other;
    ids[to] = moving;
    try {
      await api.policy.reorderActions.mutate({ policyId: props.view.policy.id, actionIds: ids });
      setRowError(null);
      announce(tx().moved(to + 1));
      await props.reload();
      // Keep the keyboard where it was: on the same button of the moved action.
      const label =
        by === -1
          ? tx().moveUp(props.view.actions[to]?.handling ?? "")
          : tx().moveDown(props.view.actions[to]?.handling ?? "");
      const button = [...document.querySelectorAll<HTMLButtonElement>("button[aria-label]")].find(
        (b) => b.getAttribute("aria-label") === label && !b.disabled,
      );
      (button ?? document.getElementById("h-plan"))?.focus();
    } catch (error) {
      setRowError(formErrorsOf(error, lang(), []));
    }
  };

  return (
    <section aria-labelledby="h-plan">
      <h3 id="h-plan" tabindex="-1">
        {tx().plan}
      </h3>
      <ErrorSummary errors={rowError()} />
      <Show when={props.view.actions.length > 0} fallback={<p>{tx().noActions}</p>}>
        <div>
          <table class="table">
            <caption class="visually-hidden">{tx().planCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{tx().handling}</th>
                <th scope="col">{tx().goal}</th>
                <th scope="col">{tx().owner}</th>
                <th scope="col">{tx().whereWhen}</th>
                <th scope="col">{tx().status}</th>
                <Show when={props.editable}>
                  <th scope="col">{tx().order}</th>
                  <th scope="col">{tx().change}</th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={props.view.actions}>
                {(a, index) => (
                  <tr>
                    <th scope="row">{a.handling}</th>
                    <td>{a.goalText ?? goalTitle(a.goalId)}</td>
                    <td>
                      {[a.ownerName, a.ownerSector ? sectorLabels[a.ownerSector][lang()] : null]
                        .filter(Boolean)
                        .join(", ")}
                    </td>
                    <td>{[a.place, a.dueOn ? isoDateText(a.dueOn) : null].filter(Boolean).join(", ")}</td>
                    <td>
                      <Show when={props.editable} fallback={actionStatusLabels[a.status][lang()]}>
                        <form class="inline-form" onSubmit={(e) => updateStatus(e, a.id)}>
                          <label class="visually-hidden" for={`status-${a.id}`}>
                            {tx().newStatus(a.handling)}
                          </label>
                          <select id={`status-${a.id}`} name="status" class="form-input">
                            <For each={actionStatuses}>
                              {(s) => (
                                <option value={s} selected={s === a.status}>
                                  {actionStatusLabels[s][lang()]}
                                </option>
                              )}
                            </For>
                          </select>
                          <label class="visually-hidden" for={`reason-${a.id}`}>
                            {tx().reason(a.handling)}
                          </label>
                          <input
                            id={`reason-${a.id}`}
                            name="reason"
                            class="form-input"
                            value={a.statusReason ?? ""}
                          />
                          <button
                            type="submit"
                            class="button button-secondary"
                            aria-label={tx().updateLabel(a.handling)}
                          >
                            {tx().update}
                          </button>
                        </form>
                      </Show>
                    </td>
                    <Show when={props.editable}>
                      <td>
                        <button
                          type="button"
                          class="button button-secondary"
                          aria-label={tx().moveUp(a.handling)}
                          disabled={index() === 0}
                          onClick={() => move(index(), -1)}
                        >
                          ↑
                        </button>{" "}
                        <button
                          type="button"
                          class="button button-secondary"
                          aria-label={tx().moveDown(a.handling)}
                          disabled={index() === props.view.actions.length - 1}
                          onClick={() => move(index(), 1)}
                        >
                          ↓
                        </button>
                      </td>
                      <td>
                        <button
                          type="button"
                          id={`edit-${a.id}`}
                          class="button button-secondary"
                          aria-label={tx().editLabel(a.handling)}
                          aria-expanded={editing() === a.id}
                          aria-controls={editing() === a.id ? "action-editor" : undefined}
                          onClick={() => openEditor(a.id)}
                        >
                          {tx().edit}
                        </button>{" "}
                        <RemoveDialog
                          what={a.handling}
                          title={tx().removeActionTitle}
                          text={tx().removeActionText(a.handling)}
                          remove={() => api.policy.removeAction.mutate({ actionId: a.id })}
                          done={async () => {
                            if (editing() === a.id) setEditing(null);
                            await props.reload();
                          }}
                          returnTo="h-plan"
                        />
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={props.editable && props.view.actions.find((a) => a.id === editing())}>
        {(a) => (
          <ActionEditor
            view={props.view}
            action={a()}
            saved={async () => {
              await props.reload();
              closeEditor(a().id);
            }}
            cancel={() => closeEditor(a().id)}
          />
        )}
      </Show>
      <Show when={props.editable}>
        <h4>{tx().addAction}</h4>
        <ErrorSummary errors={errors()} />
        <form onSubmit={add} novalidate>
          <Field name="handling" label={tx().handling} errors={errors()} required />
          <Show when={props.view.goals.length > 0}>
            <Field
              name="goalId"
              label={tx().goal}
              options={[
                { value: "", label: tx().noGoal },
                ...props.view.goals.map((g) => ({ value: g.id, label: g.title })),
              ]}
              errors={errors()}
            />
          </Show>
          <Field name="goalText" label={tx().ownGoal} errors={errors()} />
          <Field name="ownerName" label={tx().ownerName} errors={errors()} />
          <Field
            name="ownerSector"
            label={tx().sector}
            options={[
              { value: "", label: tx().chooseSector },
              ...sectors.map((s) => ({ value: s, label: sectorLabels[s][lang()] })),
            ]}
            errors={errors()}
          />
          <Field name="place" label={tx().place} errors={errors()} />
          <Field name="dueOn" label={tx().dueOn} hint={tx().dateHint} errors={errors()} />
          <button type="submit" class="button button-primary">
            {tx().addAction}
          </button>
        </form>
      </Show>
    </section>
  );
}

type PlanAction = PolicyView["actions"][number];
const editFields = [
  "handling",
  "goalId",
  "goalText",
  "ownerName",
  "ownerSector",
  "place",
  "startsOn",
  "dueOn",
  "status",
  "statusReason",
] as const;
/** The editor's inputs are named `edit-…` so their ids never clash with the add form's. */
const editName = (field: string) => `edit-${field}`;

/** Every field of one action, with the API's field errors at the fields and in the summary. */
function ActionEditor(props: {
  view: PolicyView;
  action: PlanAction;
  saved: () => Promise<unknown>;
  cancel: () => void;
}) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const raw = formValues(form);
    const values = Object.fromEntries(editFields.map((f) => [f, raw[editName(f)] ?? ""]));
    const missing = requiredErrors(values, ["handling"], tx().required, tx().errorTitle);
    if (missing) {
      return setErrors({
        ...missing,
        errors: missing.errors.map((e) => ({ ...e, field: e.field && editName(e.field) })),
      });
    }
    try {
      await api.policy.updateAction.mutate({
        actionId: props.action.id,
        handling: values.handling ?? "",
        goalId: optional(values.goalId),
        goalText: optional(values.goalText),
        ownerName: optional(values.ownerName),
        ownerSector: optional(values.ownerSector) as Sector | undefined,
        place: optional(values.place),
        startsOn: optional(values.startsOn),
        dueOn: optional(values.dueOn),
        status: (values.status || props.action.status) as ActionStatus,
        statusReason: optional(values.statusReason),
        published: checked(form, editName("published")),
      });
      setErrors(null);
      announce(tx().actionSaved);
      await props.saved();
    } catch (error) {
      const shown = formErrorsOf(error, lang(), editFields);
      setErrors({
        ...shown,
        errors: shown.errors.map((e) => ({ ...e, field: e.field && editName(e.field) })),
      });
    }
  };
  const a = () => props.action;
  return (
    <section id="action-editor" aria-labelledby="h-action-editor" class="panel">
      <h4 id="h-action-editor" tabindex="-1">
        {tx().editTitle(a().handling)}
      </h4>
      <ErrorSummary errors={errors()} />
      <form onSubmit={save} novalidate>
        <Field
          name={editName("handling")}
          label={tx().handling}
          value={a().handling}
          errors={errors()}
          required
        />
        <Show when={props.view.goals.length > 0}>
          <Field
            name={editName("goalId")}
            label={tx().goal}
            value={a().goalId ?? ""}
            options={[
              { value: "", label: tx().noGoal },
              ...props.view.goals.map((g) => ({ value: g.id, label: g.title })),
            ]}
            errors={errors()}
          />
        </Show>
        <Field
          name={editName("goalText")}
          label={tx().ownGoal}
          value={a().goalText ?? ""}
          errors={errors()}
        />
        <Field
          name={editName("ownerName")}
          label={tx().ownerName}
          value={a().ownerName ?? ""}
          errors={errors()}
        />
        <Field
          name={editName("ownerSector")}
          label={tx().sector}
          value={a().ownerSector ?? ""}
          options={[
            { value: "", label: tx().chooseSector },
            ...sectors.map((s) => ({ value: s, label: sectorLabels[s][lang()] })),
          ]}
          errors={errors()}
        />
        <Field name={editName("place")} label={tx().place} value={a().place ?? ""} errors={errors()} />
        <Field
          name={editName("startsOn")}
          label={tx().startsOn}
          hint={tx().dateHint}
          value={a().startsOn ?? ""}
          errors={errors()}
        />
        <Field
          name={editName("dueOn")}
          label={tx().dueOn}
          hint={tx().dateHint}
          value={a().dueOn ?? ""}
          errors={errors()}
        />
        <Field
          name={editName("status")}
          label={tx().status}
          value={a().status}
          options={actionStatuses.map((s) => ({ value: s, label: actionStatusLabels[s][lang()] }))}
          errors={errors()}
        />
        <Field
          name={editName("statusReason")}
          label={tx().statusReason}
          value={a().statusReason ?? ""}
          errors={errors()}
        />
        <Checkbox name={editName("published")} label={tx().published} checked={a().published} />
        <div class="actions">
          <button type="submit" class="button button-primary">
            {tx().saveAction}
          </button>{" "}
          <button type="button" class="button button-secondary" onClick={() => props.cancel()}>
            {tx().cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * "Fjern …" with a confirmation dialog (Kobalte: focus trapped, Escape closes, focus returns to the trigger on
 * cancel). A refusal by the domain rules is shown in the dialog in Danish; after a removal focus goes to the
 * section's heading, since the trigger is gone.
 */
function RemoveDialog(props: {
  what: string;
  title: string;
  text: string;
  remove: () => Promise<unknown>;
  done: () => unknown;
  returnTo: string;
}) {
  const [open, setOpen] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [busy, setBusy] = createSignal(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.remove();
      setErrors(null);
      setOpen(false);
      await props.done();
      document.getElementById(props.returnTo)?.focus();
      announce(tx().removed(props.what));
    } catch (error) {
      const shown = formErrorsOf(error, lang());
      setErrors({ ...shown, title: tx().cannotRemove });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open()}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setErrors(null);
      }}
    >
      <Dialog.Trigger class="button button-small button-danger" aria-label={tx().removeLabel(props.what)}>
        {tx().remove}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content class="dialog">
            <Dialog.Title class="dialog-title">{props.title}</Dialog.Title>
            <Dialog.Description>{props.text}</Dialog.Description>
            <ErrorSummary errors={errors()} />
            <div class="actions">
              <button type="button" class="button button-danger" disabled={busy()} onClick={confirm}>
                {tx().confirmRemove}
              </button>
              {/* Kobalte names its close button "Dismiss"; the visible text must be the accessible name. */}
              <Dialog.CloseButton class="button button-secondary" aria-label={tx().keep}>
                {tx().keep}
              </Dialog.CloseButton>
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}

function CsvImport(props: { policyId: string; reload: () => unknown }) {
  const [result, setResult] = createSignal<ImportResult | null>(null);
  const [file, setFile] = createSignal<string | null>(null);
  const check = async (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem("csv");
    const chosen = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (!chosen) return;
    const base64 = await fileBase64(chosen);
    setFile(base64);
    setResult(
      await api.policy.importActions.mutate({ policyId: props.policyId, fileBase64: base64, dryRun: true }),
    );
  };
  const importNow = async () => {
    const base64 = file();
    if (!base64) return;
    const done = await api.policy.importActions.mutate({ policyId: props.policyId, fileBase64: base64 });
    setResult(null);
    setFile(null);
    if (done.ok) announce(tx().imported(done.imported));
    await props.reload();
  };
  return (
    <section aria-labelledby="h-import">
      <h3 id="h-import">{tx().importTitle}</h3>
      <form onSubmit={check}>
        <div class="form-group">
          <label class="form-label" for="f-csv">
            {tx().file}
          </label>
          <span class="form-hint" id="f-csv-hint">
            {tx().importHint}
          </span>
          <input id="f-csv" name="csv" type="file" accept=".csv,text/csv" aria-describedby="f-csv-hint" />
        </div>
        <button type="submit" class="button button-secondary">
          {tx().check}
        </button>
      </form>
      <Show when={result()}>
        {(r) => (
          <Show
            when={r().ok}
            fallback={
              <div class="alert alert-error" role="alert">
                <p>{tx().rowErrors}</p>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{tx().row}</th>
                      <th scope="col">{tx().column}</th>
                      <th scope="col">{tx().error}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={r().errors}>
                      {(e) => (
                        <tr>
                          <td>{e.row}</td>
                          <td>{e.field}</td>
                          <td>{e.message[lang()]}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            }
          >
            <div class="alert alert-info" role="status">
              <p>{tx().ready(r().rows)}</p>
              <button type="button" class="button button-primary" onClick={importNow}>
                {tx().importNow}
              </button>
            </div>
          </Show>
        )}
      </Show>
    </section>
  );
}

function FollowUp(props: { policyId: string; councilId: string }) {
  const [meetings] = createResource(
    () => props.councilId,
    async (councilId) =>
      (await api.meetings.list.query({ councilId })).filter(
        (m) => m.status === "planned" || m.status === "agenda_published",
      ),
  );
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    try {
      const done = await api.policy.followUpOnAgenda.mutate({
        policyId: props.policyId,
        meetingId: values.meetingId ?? "",
      });
      setErrors(null);
      announce(tx().putDone(done.changed));
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), []));
    }
  };
  return (
    <section aria-labelledby="h-follow-up">
      <h3 id="h-follow-up">{tx().followUp}</h3>
      <Show when={meetings()} fallback={<Loading />}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>{tx().noMeetings}</p>}>
            <ErrorSummary errors={errors()} />
            <form onSubmit={submit}>
              <Field
                name="meetingId"
                label={tx().meeting}
                options={list().map((m) => ({
                  value: m.id,
                  label:
                    `${m.title ?? ""} ${new Intl.DateTimeFormat(lang() === "da" ? "da-DK" : "en-GB", { dateStyle: "long", timeZone: "Europe/Copenhagen" }).format(new Date(m.startsAt))}`.trim(),
                }))}
                errors={errors()}
              />
              <button type="submit" class="button button-primary">
                {tx().putOnAgenda}
              </button>
            </form>
          </Show>
        )}
      </Show>
    </section>
  );
}
