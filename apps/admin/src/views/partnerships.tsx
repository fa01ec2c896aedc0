import {
  agreementKindLabels,
  partnershipStatusLabels,
  schedulePhaseLabels,
  schedulePhases,
} from "@samraad/domain/partnerships";
import { createResource, createSignal, For, Show } from "solid-js";
import { api } from "../api.ts";
import { SaveCancel } from "../components/form-buttons.tsx";
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
import { type FormErrors, formErrorsOf } from "../form-errors.ts";
import { dateText, isoDateText } from "../format.ts";
import { lang, t } from "../i18n.ts";
import { me } from "../session.ts";
import { pt } from "./partnership-messages.ts";

type View = Awaited<ReturnType<typeof api.partnerships.get.query>>;

/**
 * Partnerships: the four steps, the agreement section by section, signatures, amendments and the work schedule.
 * `partnershipId` opens one (a co-creation process links to its cooperation agreement this way).
 */
export default function PartnershipsView(props: { partnershipId?: string }) {
  const [list, { refetch: refetchList }] = createResource(() => api.partnerships.list.query());
  const [chosen, setChosen] = createSignal<string | null>(props.partnershipId ?? null);
  const selected = () => chosen() ?? list()?.[0]?.id ?? null;
  const [view, { refetch }] = createResource(selected, (partnershipId) =>
    api.partnerships.get.query({ partnershipId }),
  );
  return (
    <>
      <PageTitle text={pt("title")}>{pt("title")}</PageTitle>
      <CreatePartnership
        onCreated={async (id) => {
          await refetchList();
          setChosen(id);
        }}
      />
      <Show when={!list.error} fallback={<LoadFailed error={list.error} />}>
        <Show when={list()} fallback={<Loading />}>
          {(items) => (
            <Show when={items().length > 0} fallback={<p>{pt("none")}</p>}>
              <Show when={items().length > 1}>
                <div class="form-group">
                  <label class="form-label" for="f-partnership">
                    {pt("choose")}
                  </label>
                  <select
                    id="f-partnership"
                    class="form-input"
                    onChange={(e) => setChosen(e.currentTarget.value)}
                  >
                    <For each={items()}>
                      {(p) => (
                        <option value={p.id} selected={p.id === selected()}>
                          {p.coCreationProcessId
                            ? `${p.title} (${agreementKindLabels.cooperation[lang()].toLowerCase()})`
                            : p.title}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
              </Show>
              <Show when={!view.error} fallback={<LoadFailed error={view.error} />}>
                <Show when={view.latest} fallback={<Loading />}>
                  {(v) => <Partnership view={v()} reload={refetch} />}
                </Show>
              </Show>
            </Show>
          )}
        </Show>
      </Show>
    </>
  );
}

function Partnership(props: { view: View; reload: () => unknown }) {
  const v = () => props.view;
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const partnerName = (id: string | null) => v().partners.find((p) => p.id === id)?.name ?? "";
  /** `prefix` names a form's own fields (`edit-task.title`) so each error links to the input it is about. */
  const run = async (
    action: () => Promise<unknown>,
    fields: string[] = [],
    prefix = "",
    done = t("saved"),
  ) => {
    try {
      await action();
      setErrors(null);
      await props.reload();
      announce(done);
      return true;
    } catch (error) {
      const found = formErrorsOf(error, lang(), fields);
      setErrors({
        ...found,
        errors: found.errors.map((e) => ({ ...e, field: e.field ? `${prefix}${e.field}` : null })),
      });
      return false;
    }
  };
  const [editingPerson, setEditingPerson] = createSignal<string | null>(null);
  const [editingTask, setEditingTask] = createSignal<string | null>(null);
  const focusField = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());
  const personTags = (p: View["people"][number]) =>
    [p.signatory ? pt("signatoryTag") : null, p.contact ? pt("contactTag") : null]
      .filter(Boolean)
      .map((tag) => `(${tag})`)
      .join(" ");
  const taskBeingEdited = () => v().tasks.find((task) => task.id === editingTask()) ?? null;
  const [invitation, setInvitation] = createSignal<{
    personId: string;
    url: string;
    expiresAt: string;
  } | null>(null);
  /** An invitation link for a person without a login (created by the server, which owns sign-in). */
  const invite = async (person: View["people"][number]) => {
    const response = await fetch(
      `/api/partnerships/${encodeURIComponent(v().id)}/people/${encodeURIComponent(person.id)}/invitation`,
      { method: "POST", credentials: "include" },
    );
    const body = (await response.json().catch(() => null)) as {
      url?: string | null;
      expiresAt?: string | null;
      error?: { data?: { message?: { da: string; en: string } } };
    } | null;
    if (!response.ok || !body) {
      const message = body?.error?.data?.message?.[lang()] ?? t("loadFailed");
      setErrors({ title: t("errorTitle"), errors: [{ field: null, message }] });
      return;
    }
    setErrors(null);
    // Reload first: the list is drawn anew, and the link field must be the new one that gets focus.
    await props.reload();
    if (body.url && body.expiresAt) {
      setInvitation({ personId: person.id, url: body.url, expiresAt: body.expiresAt });
      focusField(`f-invitation-${person.id}`);
    } else {
      setInvitation(null);
      announce(pt("invitationExisting", { name: person.name }));
    }
  };
  const names = (missing: { name: string }[]) => missing.map((m) => m.name).join(", ");
  const locked = () => v().agreement.signatures.length > 0;
  // The work-schedule board's filter: everyone, one partner ("p:<id>") or one person ("n:<name>").
  const [filter, setFilter] = createSignal("");
  const people = () => [
    ...new Set(v().tasks.flatMap((task) => (task.responsiblePerson ? [task.responsiblePerson] : []))),
  ];
  const shown = () =>
    v().tasks.filter((task) => {
      const f = filter();
      if (f.startsWith("p:")) return task.responsiblePartnerId === f.slice(2);
      if (f.startsWith("n:")) return task.responsiblePerson === f.slice(2);
      return true;
    });
  return (
    <>
      <h2>{v().title}</h2>
      <p>
        <strong>{agreementKindLabels[v().kind][lang()]}</strong>
        <Show when={v().origin}>
          {(origin) => (
            <>
              {" – "}
              <Link to={`/samskabelse/${origin().id}`}>{pt("fromProcess", { title: origin().title })}</Link>
            </>
          )}
        </Show>
      </p>
      <ErrorSummary errors={errors()} />
      <p data-testid="partnership-status">
        {pt("statusLine", { status: partnershipStatusLabels[v().status][lang()] })}
      </p>
      <p>
        <Link to="/evalueringer">
          {lang() === "da"
            ? "Evalueringer: den årlige evaluering og tilfredshedsskemaer"
            : "Evaluations: the yearly evaluation and questionnaires"}
        </Link>
      </p>
      <Show when={v().termination}>
        {(term) => (
          <p>
            {pt("terminatedLine", {
              date: isoDateText(term().on),
              partner: partnerName(term().partnerId),
              reason: term().reason,
            })}
          </p>
        )}
      </Show>
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          const published = checked(e.currentTarget, "published");
          return run(() => api.partnerships.setPublished.mutate({ partnershipId: v().id, published }));
        }}
      >
        <h3>{pt("publishTitle")}</h3>
        <p class="form-hint">{pt("publishHint")}</p>
        <Checkbox name="published" label={pt("publish")} checked={v().published} />
        <button type="submit" class="button button-secondary">
          {pt("savePublish")}
        </button>
        <Show when={v().published && v().status === "in_force"}>
          <p>
            <a href={`/partnerskaber/${encodeURIComponent(v().id)}`}>{pt("publicPage")}</a>
          </p>
        </Show>
      </form>
      <h3>{pt("partners")}</h3>
      <ul>
        <For each={v().partners}>{(p) => <li>{p.name}</li>}</For>
      </ul>
      <Show when={v().warnings.length > 0}>
        <div class="alert alert-warning">
          <h3>{pt("warnings")}</h3>
          <ul>
            <For each={v().warnings}>{(w) => <li>{w.message[lang()]}</li>}</For>
          </ul>
        </div>
      </Show>

      <h2>{pt("people")}</h2>
      <ul class="partnership-people">
        <For each={v().people}>
          {(person) => (
            <li>
              {person.name}, {partnerName(person.partnerId)} {personTags(person)}
              {person.hasLogin ? ` (${pt("hasLogin")})` : ""}{" "}
              <Show when={person.email && !person.hasLogin}>
                <button
                  type="button"
                  class="button button-link"
                  aria-label={pt("inviteNamed", { name: person.name })}
                  onClick={() => invite(person)}
                >
                  {pt("invite")}
                </button>{" "}
              </Show>
              <button
                type="button"
                class="button button-link"
                aria-label={pt("editNamed", { name: person.name })}
                aria-expanded={editingPerson() === person.id ? "true" : "false"}
                onClick={() => {
                  setEditingPerson(editingPerson() === person.id ? null : person.id);
                  focusField("f-edit-person-name");
                }}
              >
                {pt("edit")}
              </button>{" "}
              <button
                type="button"
                class="button button-link"
                aria-label={pt("removeNamed", { name: person.name })}
                onClick={() =>
                  run(
                    () =>
                      api.partnerships.removePerson.mutate({ partnershipId: v().id, personId: person.id }),
                    [],
                    "",
                    pt("removed"),
                  )
                }
              >
                {pt("remove")}
              </button>
              <Show when={invitation()?.personId === person.id ? invitation() : null}>
                {(inv) => (
                  <div class="form-group">
                    <label class="form-label" for={`f-invitation-${person.id}`}>
                      {pt("invitationLink", { name: person.name })}
                    </label>
                    <span class="form-hint" id={`f-invitation-${person.id}-hint`}>
                      {pt("invitationHint", { date: dateText(inv().expiresAt) })}
                    </span>
                    <input
                      id={`f-invitation-${person.id}`}
                      class="form-input"
                      type="text"
                      readonly
                      value={inv().url}
                      aria-describedby={`f-invitation-${person.id}-hint`}
                    />
                  </div>
                )}
              </Show>
              <Show when={editingPerson() === person.id}>
                <form
                  novalidate
                  onSubmit={async (e) => {
                    e.preventDefault();
                    const form = e.currentTarget;
                    const values = formValues(form);
                    const saved = await run(
                      () =>
                        api.partnerships.updatePerson.mutate({
                          partnershipId: v().id,
                          personId: person.id,
                          name: values["edit-person.name"] ?? "",
                          email: values["edit-person.email"] ?? "",
                          capacity: optional(values["edit-person.capacity"]),
                          contact: checked(form, "edit-person.contact"),
                          signatory: checked(form, "edit-person.signatory"),
                        }),
                      ["name", "email", "capacity"],
                      "edit-person.",
                    );
                    if (saved) setEditingPerson(null);
                  }}
                >
                  <h3>{pt("editPerson", { name: person.name })}</h3>
                  <Field
                    name="edit-person.name"
                    label={pt("name")}
                    value={person.name}
                    errors={errors()}
                    required
                  />
                  <Field
                    name="edit-person.email"
                    label={pt("email")}
                    type="email"
                    value={person.email ?? ""}
                    errors={errors()}
                  />
                  <Field
                    name="edit-person.capacity"
                    label={pt("capacity")}
                    value={person.capacity ?? ""}
                    errors={errors()}
                  />
                  <Checkbox name="edit-person.contact" label={pt("isContact")} checked={person.contact} />
                  <Checkbox
                    name="edit-person.signatory"
                    label={pt("isSignatory")}
                    checked={person.signatory}
                  />
                  <SaveCancel
                    save={pt("savePerson")}
                    cancel={pt("cancel")}
                    onCancel={() => setEditingPerson(null)}
                  />
                </form>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const values = formValues(form);
          return run(async () => {
            await api.partnerships.addPerson.mutate({
              partnershipId: v().id,
              partnerId: values.partnerId ?? "",
              name: values.name ?? "",
              email: values.email ?? "",
              capacity: optional(values.capacity),
              signatory: checked(form, "signatory"),
            });
            form.reset();
          }, ["partnerId", "name", "email", "capacity"]);
        }}
      >
        <h3>{pt("addPerson")}</h3>
        <Field
          name="partnerId"
          label={pt("partner")}
          errors={errors()}
          options={v().partners.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Field name="name" label={pt("name")} errors={errors()} required />
        <Field name="email" label={pt("email")} type="email" errors={errors()} />
        <Field name="capacity" label={pt("capacity")} errors={errors()} />
        <Checkbox name="signatory" label={pt("isSignatory")} />
        <button type="submit" class="button button-secondary">
          {pt("addPerson")}
        </button>
      </form>

      <h2>{pt("steps")}</h2>
      <For each={v().steps}>
        {(step) => (
          <section aria-labelledby={`step-${step.step}`}>
            <h3 id={`step-${step.step}`}>
              {pt("step", { n: step.step, title: step.title[lang()] })} –{" "}
              {step.unanswered === 0 ? pt("allAnswered") : pt("unanswered", { n: step.unanswered })}
            </h3>
            <Show
              when={step.step < 4}
              fallback={
                <ul>
                  <For each={step.items}>
                    {(item) => (
                      <li>
                        {item.text[lang()]}: {item.answered ? pt("checklistDone") : pt("checklistMissing")}
                      </li>
                    )}
                  </For>
                </ul>
              }
            >
              <form
                novalidate
                onSubmit={(e) => {
                  e.preventDefault();
                  const values = formValues(e.currentTarget);
                  const answers = Object.fromEntries(
                    step.items.map((i) => [i.key, values[`answers.${i.key}`] ?? ""]),
                  );
                  return run(() => api.partnerships.answer.mutate({ partnershipId: v().id, answers }));
                }}
              >
                <For each={step.items}>
                  {(item) => (
                    <Field
                      name={`answers.${item.key}`}
                      label={item.text[lang()]}
                      value={v().answers[item.key] ?? ""}
                      multiline
                      rows={2}
                      errors={errors()}
                    />
                  )}
                </For>
                <button type="submit" class="button button-secondary">
                  {pt("saveAnswers")}
                </button>
              </form>
            </Show>
          </section>
        )}
      </For>

      <h2>{pt("agreement")}</h2>
      <p>
        {v().agreement.effectiveAt
          ? pt("inForceSince", { date: dateText(v().agreement.effectiveAt ?? "") })
          : pt("notInForce", { names: names(v().agreement.missing) })}
      </p>
      <Show when={locked()}>
        <p class="form-hint">{pt("lockedHint")}</p>
      </Show>
      <p>
        <a
          href={`/api/partnerships/${encodeURIComponent(v().id)}/aftale.docx`}
          download={v().kind === "cooperation" ? "samarbejdsaftale.docx" : "partnerskabsaftale.docx"}
        >
          {pt("download")}
        </a>
      </p>
      <For each={v().sections}>
        {(section) => (
          <section aria-labelledby={`section-${section.key}`}>
            <h3 id={`section-${section.key}`}>
              § {section.number} {section.title[lang()]}
            </h3>
            <Show
              when={!locked()}
              fallback={<p class="section-text">{v().inForce?.sections[section.key] ?? section.text}</p>}
            >
              <form
                novalidate
                onSubmit={(e) => {
                  e.preventDefault();
                  const text = formValues(e.currentTarget)[`section.${section.key}`] ?? "";
                  return run(() =>
                    api.partnerships.updateSection.mutate({
                      partnershipId: v().id,
                      section: section.key,
                      text,
                      version: section.version,
                    }),
                  );
                }}
              >
                <Field
                  name={`section.${section.key}`}
                  label={section.title[lang()]}
                  hint={section.prompts.map((p) => p[lang()]).join(" · ")}
                  value={section.text}
                  multiline
                  rows={3}
                  errors={errors()}
                />
                <button type="submit" class="button button-secondary">
                  {pt("saveSection")}
                </button>
              </form>
            </Show>
          </section>
        )}
      </For>
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          const values = formValues(e.currentTarget);
          const date = values.durationDate ?? "";
          if (locked()) {
            return run(
              () => api.partnerships.setEvaluationDate.mutate({ partnershipId: v().id, evaluationOn: date }),
              ["evaluationOn"],
            );
          }
          const duration =
            values.durationKind === "fixed"
              ? { kind: "fixed" as const, endsOn: date }
              : { kind: "ongoing" as const, evaluationOn: date };
          return run(
            () => api.partnerships.setDuration.mutate({ partnershipId: v().id, duration }),
            ["duration.endsOn", "duration.evaluationOn"],
          );
        }}
      >
        <h3>{pt("durationTitle")}</h3>
        <Show when={!locked()}>
          <Field
            name="durationKind"
            label={pt("durationKind")}
            errors={errors()}
            value={v().duration?.kind ?? "ongoing"}
            options={[
              { value: "ongoing", label: pt("ongoing") },
              { value: "fixed", label: pt("fixed") },
            ]}
          />
        </Show>
        <Field
          name="durationDate"
          label={locked() ? pt("nextEvaluation") : pt("durationDate")}
          type="date"
          errors={errors()}
          value={(() => {
            const d = v().duration;
            return d ? (d.kind === "fixed" ? d.endsOn : d.evaluationOn) : "";
          })()}
        />
        <Show when={!locked() || v().duration?.kind === "ongoing"}>
          <button type="submit" class="button button-secondary">
            {pt("saveDuration")}
          </button>
        </Show>
      </form>
      <Show when={v().status === "in_force" && v().duration?.kind === "ongoing"}>
        <form
          novalidate
          onSubmit={(e) => {
            e.preventDefault();
            const values = formValues(e.currentTarget);
            return run(
              () =>
                api.partnerships.terminate.mutate({
                  partnershipId: v().id,
                  partnerId: values["terminate.partnerId"] ?? "",
                  reason: values["terminate.reason"] ?? "",
                }),
              ["partnerId", "reason"],
              "terminate.",
            );
          }}
        >
          <h3>{pt("terminateTitle")}</h3>
          <p class="form-hint">{pt("terminateHint")}</p>
          <Field
            name="terminate.partnerId"
            label={pt("terminatingPartner")}
            errors={errors()}
            options={v().partners.map((p) => ({ value: p.id, label: p.name }))}
          />
          <Field name="terminate.reason" label={pt("reason")} multiline rows={3} errors={errors()} required />
          <button type="submit" class="button button-secondary">
            {pt("terminate")}
          </button>
        </form>
      </Show>
      <Signatures
        doc={v().agreement}
        partnerName={partnerName}
        onSign={(partnerId) => run(() => api.partnerships.sign.mutate({ partnershipId: v().id, partnerId }))}
      />

      <h2>{pt("amendments")}</h2>
      <For each={v().amendments}>
        {(a) => (
          <section aria-labelledby={`amendment-${a.number}`}>
            <h3 id={`amendment-${a.number}`}>{pt("amendment", { n: a.number, title: a.title })}</h3>
            <p>
              {a.effectiveAt
                ? pt("amendmentInForce", { date: dateText(a.effectiveAt) })
                : pt("amendmentDraft", { names: names(a.missing) })}
            </p>
            <For each={Object.entries(a.changes)}>
              {([key, text]) => (
                <p>
                  <strong>§ {v().sections.find((s) => s.key === key)?.number}</strong> {text}
                </p>
              )}
            </For>
            <Signatures
              doc={a}
              partnerName={partnerName}
              onSign={(partnerId) =>
                run(() =>
                  api.partnerships.sign.mutate({ partnershipId: v().id, partnerId, amendmentId: a.id }),
                )
              }
            />
          </section>
        )}
      </For>
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const values = formValues(form);
          const section = (values.amendmentSection ?? "content") as View["sections"][number]["key"];
          return run(
            () =>
              api.partnerships.proposeAmendment.mutate({
                partnershipId: v().id,
                title: values.title ?? "",
                changes: { [section]: values.amendmentText ?? "" },
              }),
            ["title"],
          );
        }}
      >
        <h3>{pt("proposeAmendment")}</h3>
        <Field name="title" label={pt("amendmentTitle")} errors={errors()} required />
        <Field
          name="amendmentSection"
          label={pt("amendmentSection")}
          errors={errors()}
          options={v().sections.map((s) => ({ value: s.key, label: `§ ${s.number} ${s.title[lang()]}` }))}
        />
        <Field name="amendmentText" label={pt("amendmentText")} multiline rows={3} errors={errors()} />
        <button type="submit" class="button button-secondary">
          {pt("proposeAmendment")}
        </button>
      </form>

      <h2>{pt("steering")}</h2>
      <ul>
        <For each={v().steering}>
          {(m) => (
            <li>
              {m.name} – {m.partnerId ? partnerName(m.partnerId) : pt("userRep")}
              {m.lead ? `, ${pt("lead")}` : ""}
            </li>
          )}
        </For>
      </ul>
      <Show when={v().steeringFindings.length > 0} fallback={<p>{pt("steeringOk")}</p>}>
        <ul class="alert alert-warning">
          <For each={v().steeringFindings}>{(f) => <li>{f.message[lang()]}</li>}</For>
        </ul>
      </Show>

      <h2>{pt("schedule")}</h2>
      <div class="form-group">
        <label class="form-label" for="f-task-filter">
          {pt("filter")}
        </label>
        <select id="f-task-filter" class="form-input" onChange={(e) => setFilter(e.currentTarget.value)}>
          <option value="">{pt("everyone")}</option>
          <For each={v().partners}>{(p) => <option value={`p:${p.id}`}>{p.name}</option>}</For>
          <For each={people()}>{(name) => <option value={`n:${name}`}>{name}</option>}</For>
        </select>
      </div>
      <For each={schedulePhases.filter((phase) => shown().some((task) => task.phase === phase))}>
        {(phase) => (
          <table class="table">
            <caption>{schedulePhaseLabels[phase][lang()]}</caption>
            <thead>
              <tr>
                <th scope="col">{pt("task")}</th>
                <th scope="col">{pt("responsible")}</th>
                <th scope="col">{pt("deadline")}</th>
                <th scope="col">{pt("status")}</th>
                <th scope="col">{pt("actions")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown().filter((task) => task.phase === phase)}>
                {(task) => (
                  <tr classList={{ overdue: task.overdue }}>
                    <td>{task.title}</td>
                    <td>
                      {partnerName(task.responsiblePartnerId)}
                      {task.responsiblePerson ? ` (${task.responsiblePerson})` : ""}
                    </td>
                    <td>{task.dueOn ? isoDateText(task.dueOn) : ""}</td>
                    <td>
                      {task.doneOn
                        ? pt("done", { date: isoDateText(task.doneOn) })
                        : task.overdue
                          ? pt("overdue")
                          : pt("open")}{" "}
                      <button
                        type="button"
                        class="button button-link"
                        aria-label={`${task.doneOn ? pt("reopen") : pt("markDone")}: ${task.title}`}
                        onClick={() =>
                          run(() =>
                            api.partnerships.setTaskDone.mutate({
                              partnershipId: v().id,
                              taskId: task.id,
                              done: !task.doneOn,
                            }),
                          )
                        }
                      >
                        {task.doneOn ? pt("reopen") : pt("markDone")}
                      </button>
                    </td>
                    <td>
                      <button
                        type="button"
                        class="button button-link"
                        aria-label={pt("editNamed", { name: task.title })}
                        onClick={() => {
                          setEditingTask(task.id);
                          focusField("f-edit-task-title");
                        }}
                      >
                        {pt("edit")}
                      </button>{" "}
                      <button
                        type="button"
                        class="button button-link"
                        aria-label={pt("removeNamed", { name: task.title })}
                        onClick={() =>
                          run(
                            () =>
                              api.partnerships.removeTask.mutate({ partnershipId: v().id, taskId: task.id }),
                            [],
                            "",
                            pt("removed"),
                          )
                        }
                      >
                        {pt("remove")}
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </For>
      <Show when={taskBeingEdited()} keyed>
        {(task) => (
          <form
            novalidate
            onSubmit={async (e) => {
              e.preventDefault();
              const values = formValues(e.currentTarget);
              const saved = await run(
                () =>
                  api.partnerships.updateTask.mutate({
                    partnershipId: v().id,
                    taskId: task.id,
                    phase: (values["edit-task.phase"] ?? task.phase) as (typeof schedulePhases)[number],
                    title: values["edit-task.title"] ?? "",
                    responsiblePartnerId: optional(values["edit-task.responsiblePartnerId"]),
                    responsiblePerson: optional(values["edit-task.responsiblePerson"]),
                    dueOn: optional(values["edit-task.dueOn"]),
                  }),
                ["phase", "title", "responsiblePartnerId", "responsiblePerson", "dueOn"],
                "edit-task.",
              );
              if (saved) setEditingTask(null);
            }}
          >
            <h3>{pt("editTask", { title: task.title })}</h3>
            <Field
              name="edit-task.phase"
              label={pt("phase")}
              value={task.phase}
              errors={errors()}
              options={schedulePhases.map((phase) => ({
                value: phase,
                label: schedulePhaseLabels[phase][lang()],
              }))}
            />
            <Field name="edit-task.title" label={pt("task")} value={task.title} errors={errors()} required />
            <Field
              name="edit-task.responsiblePartnerId"
              label={pt("responsible")}
              value={task.responsiblePartnerId ?? ""}
              errors={errors()}
              options={[
                { value: "", label: "—" },
                ...v().partners.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <Field
              name="edit-task.responsiblePerson"
              label={pt("responsiblePerson")}
              value={task.responsiblePerson ?? ""}
              errors={errors()}
            />
            <Field
              name="edit-task.dueOn"
              label={pt("deadline")}
              type="date"
              value={task.dueOn ?? ""}
              errors={errors()}
            />
            <SaveCancel save={pt("saveTask")} cancel={pt("cancel")} onCancel={() => setEditingTask(null)} />
          </form>
        )}
      </Show>
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const values = formValues(form);
          return run(async () => {
            await api.partnerships.addTask.mutate({
              partnershipId: v().id,
              phase: (values.phase ?? "before_course") as (typeof schedulePhases)[number],
              title: values.taskTitle ?? "",
              responsiblePartnerId: optional(values.responsiblePartnerId),
              responsiblePerson: optional(values.responsiblePerson),
              dueOn: optional(values.dueOn),
            });
            form.reset();
          }, ["phase", "taskTitle", "responsiblePartnerId", "responsiblePerson", "dueOn"]);
        }}
      >
        <h3>{pt("addTask")}</h3>
        <Field
          name="phase"
          label={pt("phase")}
          errors={errors()}
          options={schedulePhases.map((phase) => ({
            value: phase,
            label: schedulePhaseLabels[phase][lang()],
          }))}
        />
        <Field name="taskTitle" label={pt("task")} errors={errors()} required />
        <Field
          name="responsiblePartnerId"
          label={pt("responsible")}
          errors={errors()}
          options={[{ value: "", label: "—" }, ...v().partners.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <Field name="responsiblePerson" label={pt("responsiblePerson")} errors={errors()} />
        <Field name="dueOn" label={pt("deadline")} type="date" errors={errors()} />
        <button type="submit" class="button button-secondary">
          {pt("addTask")}
        </button>
      </form>
    </>
  );
}

type Doc = View["agreement"];

function Signatures(props: {
  doc: Doc;
  partnerName: (id: string) => string;
  onSign: (partnerId: string) => unknown;
}) {
  return (
    <>
      <ul>
        <For each={props.doc.signatures}>
          {(s) => (
            <li>
              {pt("signedBy", { name: s.name, capacity: s.capacity, date: dateText(s.signedAt) })} –{" "}
              {props.partnerName(s.partnerId)}
            </li>
          )}
        </For>
      </ul>
      <For each={props.doc.canSignFor}>
        {(partnerId) => (
          <button type="button" class="button button-primary" onClick={() => props.onSign(partnerId)}>
            {pt("signFor", { partner: props.partnerName(partnerId) })}
          </button>
        )}
      </For>
    </>
  );
}

/** Administrators start a partnership with one user organisation; the municipality is always a partner. */
function CreatePartnership(props: { onCreated: (id: string) => unknown }) {
  const municipality = () => me()?.municipalities.find((m) => m.canAdminister) ?? null;
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  return (
    <Show when={municipality()}>
      {(m) => (
        <details class="create-partnership">
          <summary>{pt("create")}</summary>
          <ErrorSummary errors={errors()} />
          <form
            novalidate
            onSubmit={async (e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const values = formValues(form);
              try {
                const created = await api.partnerships.create.mutate({
                  municipalityId: m().id,
                  title: values.newTitle ?? "",
                  councilId: optional(values.councilId),
                  partners: [{ kind: "organisation", name: values.organisation ?? "" }],
                });
                setErrors(null);
                form.reset();
                announce(t("saved"));
                await props.onCreated(created.id);
              } catch (error) {
                const found = formErrorsOf(error, lang(), ["title", "partners.0.name", "partners"]);
                // The form's own names for the API's fields, so each error links to its input.
                const rename: Record<string, string> = {
                  title: "newTitle",
                  "partners.0.name": "organisation",
                  partners: "organisation",
                };
                setErrors({
                  ...found,
                  errors: found.errors.map((x) => ({
                    ...x,
                    field: x.field ? (rename[x.field] ?? x.field) : null,
                  })),
                });
              }
            }}
          >
            <Field name="newTitle" label={pt("createTitle")} errors={errors()} required />
            <Field name="organisation" label={pt("organisation")} errors={errors()} required />
            <Field
              name="councilId"
              label={pt("followingCouncil")}
              errors={errors()}
              options={[
                { value: "", label: pt("noCouncil") },
                ...(me()?.councils ?? [])
                  .filter((c) => c.municipalityId === m().id)
                  .map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
            <button type="submit" class="button button-primary">
              {pt("create")}
            </button>
          </form>
        </details>
      )}
    </Show>
  );
}
