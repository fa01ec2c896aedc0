import {
  accessibilityFacts,
  accessibilityQuestions,
  phaseKindLabels,
  phaseKinds,
  registrationStatusLabels,
  sessionTimesOf,
} from "@samraad/domain/co-creation";
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
  LoadFailed,
  Loading,
  optional,
  PageTitle,
} from "../components/ui.tsx";
import { type FormErrors, formErrorsOf, withPrefix } from "../form-errors.ts";
import { dateTimeText, isoDateText } from "../format.ts";
import { lang, pick } from "../i18n.ts";
import { navigate } from "../navigation.ts";
import { me } from "../session.ts";
import { ActionButton, SavingForm, saveThen } from "./co-creation-form.tsx";
import { ct } from "./co-creation-messages.ts";
import { ProcessOutcome } from "./co-creation-outcome.tsx";

/*
 * Organising co-creation processes: the list and a create form (/samskabelse), and one process with its
 * phases, sessions and registrations (/samskabelse/:processId). Administrators organise every process of their
 * municipality; a council's secretary those linked to her council.
 */

/** The municipalities where the signed-in person organises: administrator or secretary there. */
function organiserMunicipalities() {
  const user = me();
  if (!user) return [];
  const ids = new Set(
    user.grants
      .filter((g) => g.role === "administrator" || g.role === "secretary")
      .map((g) => g.municipalityId),
  );
  return user.municipalities.filter((m) => ids.has(m.id));
}

/** The councils a process may be linked to: all of a municipality one administers, else one's own. */
function linkableCouncils(municipalityId: string) {
  const user = me();
  if (!user) return [];
  const admin = user.municipalities.find((m) => m.id === municipalityId)?.canAdminister ?? false;
  const own = new Set(user.grants.filter((g) => g.role === "secretary").map((g) => g.councilId));
  return user.councils.filter((c) => c.municipalityId === municipalityId && (admin || own.has(c.id)));
}

export function CoCreationList() {
  const municipalities = () => organiserMunicipalities();
  const [lists] = createResource(
    () => municipalities().map((m) => m.id),
    (ids) => Promise.all(ids.map((municipalityId) => api.coCreation.list.query({ municipalityId }))),
  );
  return (
    <>
      <PageTitle text={ct("title")}>{ct("title")}</PageTitle>
      <Show when={!lists.error} fallback={<LoadFailed error={lists.error} />}>
        <Show when={lists()} fallback={<Loading />}>
          {(all) => (
            <Show when={all().flat().length > 0} fallback={<p>{ct("none")}</p>}>
              <ul class="plain-list">
                <For each={all().flat()}>
                  {(p) => (
                    <li class="card">
                      <h2>
                        <Link to={`/samskabelse/${p.id}`}>{p.title}</Link>
                      </h2>
                      <p>
                        {ct("status")}: {pick(p.statusLabel)} ·{" "}
                        {p.phase.current
                          ? ct("currentPhase", { title: p.phase.current.title })
                          : ct("noCurrentPhase")}
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
      <Show when={municipalities().length > 0}>
        <CreateProcess />
      </Show>
    </>
  );
}

const processFieldNames = ["title", "slug", "purpose", "audience", "area", "councilId"];

/** The process's own fields; `prefix` keeps the edit form's ids apart from the page's other forms. */
function ProcessFields(props: {
  prefix: string;
  errors: FormErrors | null;
  municipalityId: string;
  initial?: View["process"];
}) {
  const n = (name: string) => `${props.prefix}${name}`;
  const administers = () =>
    me()?.municipalities.find((m) => m.id === props.municipalityId)?.canAdminister ?? false;
  return (
    <>
      <Field
        name={n("title")}
        label={ct("createTitle")}
        errors={props.errors}
        value={props.initial?.title}
        required
      />
      <Field
        name={n("slug")}
        label={ct("slug")}
        hint={ct("slugHint")}
        errors={props.errors}
        value={props.initial?.slug}
      />
      <Field
        name={n("purpose")}
        label={ct("purpose")}
        errors={props.errors}
        value={props.initial?.purpose}
        multiline
        required
      />
      <Field
        name={n("audience")}
        label={ct("audience")}
        errors={props.errors}
        value={props.initial?.audience ?? ""}
      />
      <Field name={n("area")} label={ct("area")} errors={props.errors} value={props.initial?.area ?? ""} />
      <Field
        name={n("councilId")}
        label={ct("council")}
        errors={props.errors}
        value={props.initial?.councilId ?? ""}
        options={[
          ...linkableCouncils(props.municipalityId).map((c) => ({ value: c.id, label: c.name })),
          ...(administers() ? [{ value: "", label: ct("noCouncil") }] : []),
        ]}
      />
    </>
  );
}

/** The form's values as the API wants them (empty optional fields left out). */
function processValues(form: HTMLFormElement, prefix: string) {
  const v = formValues(form);
  const get = (name: string) => v[`${prefix}${name}`];
  return {
    title: get("title") ?? "",
    slug: optional(get("slug")),
    purpose: get("purpose") ?? "",
    audience: optional(get("audience")),
    area: optional(get("area")),
    councilId: optional(get("councilId")),
  };
}

function CreateProcess() {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [municipalityId, setMunicipalityId] = createSignal(organiserMunicipalities()[0]?.id ?? "");
  return (
    <section aria-labelledby="create-process">
      <h2 id="create-process">{ct("create")}</h2>
      <SavingForm
        errors={errors()}
        onSubmit={async (form) => {
          await saveThen(
            () =>
              api.coCreation.create.mutate({ municipalityId: municipalityId(), ...processValues(form, "") }),
            (created) => navigate(`/samskabelse/${created.id}`),
            setErrors,
            (error) => formErrorsOf(error, lang(), processFieldNames),
          );
        }}
      >
        <Show when={organiserMunicipalities().length > 1}>
          <div class="form-group">
            <label class="form-label" for="f-municipality">
              {ct("municipality")}
            </label>
            <select
              id="f-municipality"
              class="form-input"
              onChange={(e) => setMunicipalityId(e.currentTarget.value)}
            >
              <For each={organiserMunicipalities()}>{(m) => <option value={m.id}>{m.name}</option>}</For>
            </select>
          </div>
        </Show>
        <ProcessFields prefix="" errors={errors()} municipalityId={municipalityId()} />
        <button type="submit" class="button button-primary">
          {ct("create")}
        </button>
      </SavingForm>
    </section>
  );
}

type View = Awaited<ReturnType<typeof api.coCreation.get.query>>;

export function CoCreationProcess(props: { processId: string }) {
  const [view, { refetch }] = createResource(
    () => props.processId,
    (processId) => api.coCreation.get.query({ processId }),
  );
  const [registrations, { refetch: refetchRegistrations }] = createResource(
    () => props.processId,
    (processId) => api.coCreation.registrations.query({ processId }),
  );
  const reload = async () => {
    await Promise.all([refetch(), refetchRegistrations()]);
  };
  return (
    <Show when={!view.error} fallback={<LoadFailed error={view.error} />}>
      <Show when={view.latest} fallback={<Loading />}>
        {(v) => (
          <>
            <PageTitle text={v().process.title}>{v().process.title}</PageTitle>
            <Header view={v()} reload={reload} />
            <Phases view={v()} reload={reload} />
            <Sessions view={v()} reload={reload} />
            <Registrations
              processId={props.processId}
              slug={v().process.slug}
              rows={registrations.latest ?? []}
              reload={reload}
            />
            <ProcessOutcome processId={props.processId} municipalityId={v().process.municipalityId} />
          </>
        )}
      </Show>
    </Show>
  );
}

function Header(props: { view: View; reload: () => Promise<unknown> }) {
  const p = () => props.view.process;
  const [error, setError] = createSignal<FormErrors | null>(null);
  const municipality = () => me()?.municipalities.find((m) => m.id === p().municipalityId);
  const label = (s: string) =>
    s === "published" ? (p().status === "archived" ? ct("reopen") : ct("publish")) : ct("archive");
  return (
    <>
      <p>
        {ct("status")}: <strong>{pick(p().statusLabel)}</strong> ·{" "}
        {props.view.phase.current
          ? ct("currentPhase", { title: props.view.phase.current.title })
          : ct("noCurrentPhase")}
      </p>
      <ErrorSummary errors={error()} />
      <div class="button-row">
        <For each={props.view.nextStatuses}>
          {(status) => (
            <button
              type="button"
              class="button button-secondary"
              onClick={() =>
                saveThen(
                  () => api.coCreation.setStatus.mutate({ processId: p().id, status }),
                  props.reload,
                  setError,
                )
              }
            >
              {label(status)}
            </button>
          )}
        </For>
        <Show when={p().status !== "draft" && municipality()}>
          {(m) => (
            <a class="button button-link" href={`/kommuner/${m().slug}/samskabelse/${p().slug}`}>
              {ct("publicPage")}
            </a>
          )}
        </Show>
        <Link to={`/samskabelse/${p().id}/afstemning`}>{ct("vote")}</Link>
      </div>
      <EditProcess view={props.view} reload={props.reload} />
    </>
  );
}

function EditProcess(props: { view: View; reload: () => Promise<unknown> }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const prefix = "process.";
  return (
    <details>
      <summary>{ct("editProcess")}</summary>
      <SavingForm
        errors={errors()}
        onSubmit={async (form) => {
          await saveThen(
            () =>
              api.coCreation.update.mutate({
                processId: props.view.process.id,
                ...processValues(form, prefix),
              }),
            props.reload,
            setErrors,
            (error) => withPrefix(formErrorsOf(error, lang(), processFieldNames), prefix),
          );
        }}
      >
        <ProcessFields
          prefix={prefix}
          errors={errors()}
          municipalityId={props.view.process.municipalityId}
          initial={props.view.process}
        />
        <button type="submit" class="button button-primary">
          {ct("saveProcess")}
        </button>
      </SavingForm>
    </details>
  );
}

function Phases(props: { view: View; reload: () => Promise<unknown> }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  return (
    <section aria-labelledby="phases">
      <h2 id="phases">{ct("phases")}</h2>
      <Show when={props.view.phases.length > 0} fallback={<p>{ct("noPhases")}</p>}>
        <ol>
          <For each={props.view.phases}>
            {(phase) => (
              <li aria-current={props.view.phase.current?.id === phase.id ? "step" : undefined}>
                <strong>{phase.title}</strong> ({pick(phaseKindLabels[phase.kind])}),{" "}
                {isoDateText(phase.startsOn)} – {isoDateText(phase.endsOn)}
                <Show when={props.view.phase.current?.id === phase.id}>
                  {" "}
                  <strong>({ct("now")})</strong>
                </Show>{" "}
                <ActionButton
                  class="button button-link"
                  label={ct("removePhase", { title: phase.title })}
                  run={() => api.coCreation.removePhase.mutate({ phaseId: phase.id })}
                  reload={props.reload}
                />
              </li>
            )}
          </For>
        </ol>
      </Show>
      <details>
        <summary>{ct("addPhase")}</summary>
        <SavingForm
          errors={errors()}
          onSubmit={async (form) => {
            const v = formValues(form);
            await saveThen(
              async () => {
                await api.coCreation.addPhase.mutate({
                  processId: props.view.process.id,
                  kind: (v.kind ?? "other") as (typeof phaseKinds)[number],
                  title: v.phaseTitle ?? "",
                  startsOn: v.startsOn ?? "",
                  endsOn: v.endsOn ?? "",
                });
                form.reset();
              },
              props.reload,
              setErrors,
              // The form names the phase's title "phaseTitle", apart from the process's own title.
              (error) =>
                withPrefix(formErrorsOf(error, lang(), ["kind", "title", "startsOn", "endsOn"]), "", (f) =>
                  f === "title" ? "phaseTitle" : f,
                ),
            );
          }}
        >
          <Field
            name="kind"
            label={ct("phaseKind")}
            errors={errors()}
            options={phaseKinds.map((k) => ({ value: k, label: pick(phaseKindLabels[k]) }))}
          />
          <Field name="phaseTitle" label={ct("phaseTitle")} errors={errors()} required />
          <Field name="startsOn" label={ct("startsOn")} errors={errors()} required />
          <Field name="endsOn" label={ct("endsOn")} errors={errors()} required />
          <button type="submit" class="button button-primary">
            {ct("addPhase")}
          </button>
        </SavingForm>
      </details>
    </section>
  );
}

const sessionFieldNames = [
  "title",
  "description",
  "date",
  "startTime",
  "endTime",
  "place",
  "address",
  "accessibilityNote",
  "capacity",
  "registrationDeadlineOn",
];

type Session = View["sessions"][number];

/** A session's fields; `prefix` keeps the edit form's ids apart from the add form's. */
function SessionFields(props: { prefix: string; errors: FormErrors | null; initial?: Session }) {
  const n = (name: string) => `${props.prefix}${name}`;
  const s = () => props.initial;
  const times = () => {
    const x = s();
    return x
      ? sessionTimesOf({
          startsAt: new Date(x.startsAt),
          endsAt: x.endsAt ? new Date(x.endsAt) : null,
          registrationDeadline: x.registrationDeadline ? new Date(x.registrationDeadline) : null,
        })
      : null;
  };
  return (
    <>
      <Field name={n("title")} label={ct("sessionTitle")} errors={props.errors} value={s()?.title} required />
      <Field
        name={n("description")}
        label={ct("description")}
        errors={props.errors}
        value={s()?.description ?? ""}
        multiline
      />
      <Field name={n("date")} label={ct("date")} errors={props.errors} value={times()?.date} required />
      <Field
        name={n("startTime")}
        label={ct("startTime")}
        errors={props.errors}
        value={times()?.startTime}
        required
      />
      <Field name={n("endTime")} label={ct("endTime")} errors={props.errors} value={times()?.endTime} />
      <Field name={n("place")} label={ct("place")} errors={props.errors} value={s()?.place} required />
      <Field name={n("address")} label={ct("address")} errors={props.errors} value={s()?.address ?? ""} />
      <fieldset class="form-fieldset">
        <legend class="form-legend">{ct("accessibility")}</legend>
        <For each={accessibilityFacts}>
          {(f) => (
            <Checkbox name={n(f)} label={pick(accessibilityQuestions[f])} checked={s()?.[f] ?? false} />
          )}
        </For>
      </fieldset>
      <Field
        name={n("accessibilityNote")}
        label={ct("accessibilityNote")}
        errors={props.errors}
        value={s()?.accessibilityNote ?? ""}
      />
      <Field
        name={n("capacity")}
        label={ct("capacity")}
        errors={props.errors}
        type="number"
        value={s()?.capacity?.toString() ?? ""}
      />
      <Field
        name={n("registrationDeadlineOn")}
        label={ct("deadlineOn")}
        errors={props.errors}
        value={times()?.registrationDeadlineOn}
      />
      <Checkbox name={n("waitingList")} label={ct("waitingList")} checked={s()?.waitingList ?? true} />
    </>
  );
}

/** The session form's values as the API wants them. */
function sessionValues(form: HTMLFormElement, prefix: string) {
  const v = formValues(form);
  const get = (name: string) => v[`${prefix}${name}`];
  const capacity = optional(get("capacity"));
  return {
    title: get("title") ?? "",
    description: optional(get("description")),
    date: get("date") ?? "",
    startTime: get("startTime") ?? "",
    endTime: optional(get("endTime")),
    place: get("place") ?? "",
    address: optional(get("address")),
    stepFree: checked(form, `${prefix}stepFree`),
    hearingLoop: checked(form, `${prefix}hearingLoop`),
    signLanguageOnRequest: checked(form, `${prefix}signLanguageOnRequest`),
    childcare: checked(form, `${prefix}childcare`),
    accessibilityNote: optional(get("accessibilityNote")),
    capacity: capacity === undefined ? undefined : Number(capacity),
    registrationDeadlineOn: optional(get("registrationDeadlineOn")),
    waitingList: checked(form, `${prefix}waitingList`),
  };
}

function Sessions(props: { view: View; reload: () => Promise<unknown> }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);
  const editPrefix = "edit-session.";
  return (
    <section aria-labelledby="sessions">
      <h2 id="sessions">{ct("sessions")}</h2>
      <Show when={props.view.sessions.length > 0} fallback={<p>{ct("noSessions")}</p>}>
        <ul class="plain-list">
          <For each={props.view.sessions}>
            {(s) => (
              <li class="card">
                <h3>
                  <Show when={s.cancelledAt}>{ct("cancelled")}: </Show>
                  {s.title}
                </h3>
                <p>
                  {dateTimeText(s.startsAt)} · {s.place}
                </p>
                <p>
                  {s.capacity === null
                    ? ct("counts", { confirmed: s.confirmed, waiting: s.waiting })
                    : ct("capacityOf", { confirmed: s.confirmed, capacity: s.capacity, waiting: s.waiting })}
                </p>
                <p class="meta">
                  {accessibilityFacts
                    .filter((f) => s[f])
                    .map((f) => pick(accessibilityQuestions[f]))
                    .join(" · ")}
                </p>
                <Show when={!s.cancelledAt}>
                  <div class="button-row">
                    <button
                      type="button"
                      class="button button-secondary"
                      aria-expanded={editing() === s.id ? "true" : "false"}
                      onClick={() => {
                        setErrors(null);
                        setEditing(editing() === s.id ? null : s.id);
                        if (editing())
                          queueMicrotask(() => document.getElementById("f-edit-session-title")?.focus());
                      }}
                    >
                      {ct("editSession", { title: s.title })}
                    </button>
                    <ActionButton
                      class="button button-secondary"
                      label={ct("cancelSession", { title: s.title })}
                      run={() => api.coCreation.cancelSession.mutate({ sessionId: s.id })}
                      reload={props.reload}
                    />
                  </div>
                </Show>
                <Show when={editing() === s.id}>
                  <SavingForm
                    errors={errors()}
                    onSubmit={async (form) => {
                      await saveThen(
                        async () => {
                          await api.coCreation.updateSession.mutate({
                            sessionId: s.id,
                            ...sessionValues(form, editPrefix),
                          });
                          setEditing(null);
                        },
                        props.reload,
                        setErrors,
                        (error) => withPrefix(formErrorsOf(error, lang(), sessionFieldNames), editPrefix),
                      );
                    }}
                  >
                    <SessionFields prefix={editPrefix} errors={errors()} initial={s} />
                    <button type="submit" class="button button-primary">
                      {ct("saveSession")}
                    </button>
                  </SavingForm>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <details>
        <summary>{ct("addSession")}</summary>
        <SavingForm
          errors={editing() === null ? errors() : null}
          onSubmit={async (form) => {
            await saveThen(
              async () => {
                await api.coCreation.addSession.mutate({
                  processId: props.view.process.id,
                  ...sessionValues(form, ""),
                });
                form.reset();
              },
              props.reload,
              setErrors,
              (error) => formErrorsOf(error, lang(), sessionFieldNames),
            );
          }}
        >
          <SessionFields prefix="" errors={editing() === null ? errors() : null} />
          <button type="submit" class="button button-primary">
            {ct("addSession")}
          </button>
        </SavingForm>
      </details>
    </section>
  );
}

type Registration = Awaited<ReturnType<typeof api.coCreation.registrations.query>>[number];

function Registrations(props: {
  processId: string;
  slug: string;
  rows: Registration[];
  reload: () => Promise<unknown>;
}) {
  const download = async () => {
    const { filename, csv } = await api.coCreation.registrationsCsv.query({ processId: props.processId });
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby="registrations">
      <h2 id="registrations">{ct("registrations")}</h2>
      <p>{ct("needsNote")}</p>
      <Show when={props.rows.length > 0} fallback={<p>{ct("noRegistrations")}</p>}>
        <p>
          <button type="button" class="button button-secondary" onClick={download}>
            {ct("downloadCsv")}
          </button>
        </p>
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{ct("registrations")}</caption>
            <thead>
              <tr>
                <th scope="col">{ct("colSession")}</th>
                <th scope="col">{ct("colName")}</th>
                <th scope="col">{ct("colEmail")}</th>
                <th scope="col">{ct("colStatus")}</th>
                <th scope="col">{ct("colNeeds")}</th>
                <th scope="col">{ct("colAction")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(r) => (
                  <tr>
                    <td>{r.sessionTitle}</td>
                    <td>{r.name}</td>
                    <td>{r.email}</td>
                    <td>{pick(registrationStatusLabels[r.status])}</td>
                    <td>{r.needs ?? ""}</td>
                    <td>
                      <Show when={r.status !== "cancelled"}>
                        <button
                          type="button"
                          class="button button-link"
                          onClick={async () => {
                            const result = await api.coCreation.cancelRegistration.mutate({
                              registrationId: r.id,
                            });
                            announce(
                              result.promoted.length
                                ? ct("promoted", { names: result.promoted.join(", ") })
                                : ct("saved"),
                            );
                            await props.reload();
                          }}
                        >
                          {ct("cancelRegistration", { name: r.name })}
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
