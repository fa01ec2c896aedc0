import { Dialog } from "@kobalte/core/dialog";
import { localDate, localTime } from "@samraad/domain/shared";
import { createEffect, createResource, createSignal, For, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { type AgendaItem, api, type MeetingView as MeetingData, uploadAttachment } from "../api.ts";
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
import { type FormErrors, formErrorsOf, requiredErrors } from "../form-errors.ts";
import { dateText, fileSizeText, weekdayDateTimeText } from "../format.ts";
import { lang, t } from "../i18n.ts";
import { moveItem } from "../reorder.ts";
import { meetingStatusText } from "./council.tsx";

const itemFields = ["title", "plainSummary", "recommendation", "closed"] as const;

export default function MeetingView(props: { meetingId: string }) {
  const [data, { refetch, mutate }] = createResource(
    () => props.meetingId,
    (meetingId) => api.meetings.get.query({ meetingId }),
  );
  return (
    <Show when={!data.error} fallback={<LoadFailed error={data.error} />}>
      <Show when={data()} fallback={<Loading />}>
        {(d) => <MeetingPage data={d()} reload={refetch} replace={mutate} />}
      </Show>
    </Show>
  );
}

function MeetingPage(props: {
  data: MeetingData;
  reload: () => unknown;
  replace: (d: MeetingData) => unknown;
}) {
  const meeting = () => props.data.meeting;
  // Reconciled by id, so a reload keeps each item's DOM (and any decision being typed) in place.
  const [itemStore, setItemStore] = createStore<AgendaItem[]>([]);
  createEffect(() => setItemStore(reconcile(props.data.items, { key: "id" })));
  const items = () => itemStore;
  const editable = () => props.data.canEdit && !["minutes_published", "cancelled"].includes(meeting().status);
  const decisions = () => props.data.canEdit && ["agenda_published", "held"].includes(meeting().status);
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [dragged, setDragged] = createSignal<string | null>(null);

  /** Runs a change; on success reloads and says "Gemt", on refusal shows the API's Danish message on top. */
  const run = async (action: () => Promise<unknown>, done = t("saved")) => {
    setBusy(true);
    try {
      await action();
      setErrors(null);
      await props.reload();
      announce(done);
      return true;
    } catch (error) {
      setErrors(formErrorsOf(error, lang()));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const transition = (command: "publish_agenda" | "mark_held" | "publish_minutes") =>
    run(() => api.meetings.transition.mutate({ meetingId: meeting().id, command: { type: command } }));

  /** Optimistic: the list moves at once; if the API refuses, it moves back and the reason is shown. */
  const reorder = async (itemId: string, to: number) => {
    const before = props.data;
    const ids = moveItem(
      items().map((i) => i.id),
      itemId,
      to,
    );
    if (!ids) return;
    const byId = new Map(items().map((i) => [i.id, i]));
    props.replace({ ...before, items: ids.flatMap((id) => byId.get(id) ?? []) });
    // Said as the list moves, so a screen reader hears where the item went at once, not after the save.
    announce(t("moved", { n: ids.indexOf(itemId) + 1 }));
    try {
      await api.agenda.reorder.mutate({ meetingId: meeting().id, itemIds: ids });
      setErrors(null);
    } catch (error) {
      props.replace(before);
      setErrors(formErrorsOf(error, lang()));
    }
  };

  return (
    <>
      <p class="breadcrumb">
        <Link to={`/raad/${meeting().councilId}`}>{t("meetingsTitle")}</Link>
      </p>
      <PageTitle text={t("meetingHeading", { date: dateText(meeting().startsAt) })}>
        {t("meetingHeading", { date: dateText(meeting().startsAt) })}
      </PageTitle>
      <dl class="facts">
        <dt>{t("date")}</dt>
        <dd>{weekdayDateTimeText(meeting().startsAt)}</dd>
        <Show when={meeting().title}>
          <dt>{t("titleFact")}</dt>
          <dd>{meeting().title}</dd>
        </Show>
        <dt>{t("place")}</dt>
        <dd>{meeting().location}</dd>
        <dt>{t("status")}</dt>
        <dd>
          <strong>{meetingStatusText(meeting().status)}</strong>
        </dd>
      </dl>
      <Show when={meeting().status === "cancelled"}>
        <div class="alert alert-warning">
          <p>{t("cancelledBecause", { reason: meeting().cancellationReason ?? "" })}</p>
        </div>
      </Show>
      <ErrorSummary errors={errors()} />
      <Show when={props.data.canEdit}>
        <div class="actions">
          <Show when={meeting().status === "planned"}>
            <button
              type="button"
              class="button button-primary"
              disabled={busy()}
              onClick={() => transition("publish_agenda")}
            >
              {t("publishAgenda")}
            </button>
          </Show>
          <Show when={meeting().status === "agenda_published"}>
            <button
              type="button"
              class="button button-primary"
              disabled={busy()}
              onClick={() => transition("mark_held")}
            >
              {t("markHeld")}
            </button>
          </Show>
          <Show when={meeting().status === "held"}>
            <button
              type="button"
              class="button button-primary"
              disabled={busy()}
              onClick={() => transition("publish_minutes")}
            >
              {t("publishMinutes")}
            </button>
          </Show>
          <Show when={meeting().status === "planned" || meeting().status === "agenda_published"}>
            <CancelDialog meetingId={meeting().id} run={run} />
          </Show>
        </div>
      </Show>

      <section aria-labelledby="h-agenda">
        <h2 id="h-agenda">{t("agendaTitle")}</h2>
        <Show when={editable() && items().length > 1}>
          <p class="form-hint">{t("dragHint")}</p>
        </Show>
        <Show when={items().length > 0} fallback={<p class="empty">{t("noItems")}</p>}>
          <ol class="agenda">
            <For each={items()}>
              {(item, index) => (
                <li
                  class="agenda-item"
                  classList={{ dragging: dragged() === item.id }}
                  draggable={editable()}
                  onDragStart={(e) => {
                    setDragged(item.id);
                    e.dataTransfer?.setData("text/plain", item.id);
                  }}
                  onDragEnd={() => setDragged(null)}
                  onDragOver={(e) => {
                    if (dragged()) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    const id = dragged();
                    setDragged(null);
                    if (id && id !== item.id) void reorder(id, index());
                  }}
                >
                  <AgendaItemView
                    item={item}
                    n={index() + 1}
                    last={index() === items().length - 1}
                    editable={editable()}
                    decisions={decisions()}
                    busy={busy()}
                    onMove={(delta) => reorder(item.id, index() + delta)}
                    run={run}
                  />
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>

      <Show when={editable()}>
        <AddItemForm meetingId={meeting().id} supplementary={meeting().status !== "planned"} run={run} />
      </Show>
      <Show when={props.data.canEdit && ["planned", "agenda_published"].includes(meeting().status)}>
        <RescheduleForm meeting={meeting()} reload={props.reload} />
        <EditMeetingForm meeting={meeting()} reload={props.reload} />
      </Show>
    </>
  );
}

type Run = (action: () => Promise<unknown>, done?: string) => Promise<boolean>;

function AgendaItemView(props: {
  item: AgendaItem;
  n: number;
  last: boolean;
  editable: boolean;
  decisions: boolean;
  busy: boolean;
  onMove: (delta: number) => void;
  run: Run;
}) {
  const [editing, setEditing] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const item = () => props.item;
  // Closed items the caller may not read come without their texts; the admin sees them in full.
  const text = (key: "plainSummary" | "recommendation" | "decision"): string | null => {
    const i = item() as Partial<Record<typeof key, string | null>>;
    return i[key] ?? null;
  };

  const saveEdit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    try {
      await api.agenda.update.mutate({
        itemId: item().id,
        title: values.title ?? "",
        plainSummary: optional(values.plainSummary),
        recommendation: optional(values.recommendation),
        closed: checked(form, "closed"),
      });
      setErrors(null);
      setEditing(false);
      await props.run(async () => undefined);
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), itemFields));
    }
  };

  const saveDecision = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    await props.run(() =>
      api.agenda.decide.mutate({ itemId: item().id, decision: values[`decision-${item().id}`] ?? "" }),
    );
  };

  return (
    <div>
      <h3>
        <span class="item-number">{props.n}.</span> {item().title}
      </h3>
      <p class="badges">
        <Show when={item().closed}>
          <span class="tag tag-closed">{t("closedBadge")}</span>
        </Show>
        <Show when={item().supplementary}>
          <span class="tag tag-info">{t("supplementaryBadge")}</span>
        </Show>
      </p>
      <Show when={text("plainSummary")}>
        <p>{text("plainSummary")}</p>
      </Show>
      <Show when={item().attachments.length > 0}>
        <h4 class="attachments-title">{t("attachments")}</h4>
        <ul class="attachments">
          <For each={item().attachments}>
            {(a) => (
              <li>
                {a.fileName} <span class="meta">({fileSizeText(a.size)})</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.editable}>
        <form
          class="upload"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const input = form.elements.namedItem("file");
            const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
            if (!file) return;
            void props
              .run(() => uploadAttachment({ agendaItemId: item().id }, file))
              .then((ok) => ok && form.reset());
          }}
        >
          <label class="form-label" for={`file-${item().id}`}>
            {t("uploadLabel", { n: props.n })}
          </label>
          <input
            id={`file-${item().id}`}
            name="file"
            type="file"
            class="file-input"
            accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.txt"
          />
          <button type="submit" class="button button-small">
            {t("upload")}
          </button>
        </form>
      </Show>
      <Show when={props.editable && !editing()}>
        <div class="item-tools">
          <button
            type="button"
            class="button button-small"
            disabled={props.n === 1 || props.busy}
            onClick={() => props.onMove(-1)}
            aria-label={`${t("moveUp")}${t("itemSuffix", { n: props.n })}`}
          >
            {t("moveUp")}
          </button>
          <button
            type="button"
            class="button button-small"
            disabled={props.last || props.busy}
            onClick={() => props.onMove(1)}
            aria-label={`${t("moveDown")}${t("itemSuffix", { n: props.n })}`}
          >
            {t("moveDown")}
          </button>
          <button
            type="button"
            class="button button-small"
            onClick={() => setEditing(true)}
            aria-label={`${t("editItem")}${t("itemSuffix", { n: props.n })}`}
          >
            {t("editItem")}
          </button>
          <button
            type="button"
            class="button button-small button-danger"
            onClick={() => props.run(() => api.agenda.remove.mutate({ itemId: item().id }))}
            aria-label={`${t("removeItem")}${t("itemSuffix", { n: props.n })}`}
          >
            {t("removeItem")}
          </button>
        </div>
      </Show>
      <Show when={editing()}>
        <form class="inline-form" onSubmit={saveEdit} novalidate>
          <ErrorSummary errors={errors()} />
          <Field name="title" label={t("itemTitle")} value={item().title} errors={errors()} required />
          <Field
            name="plainSummary"
            label={t("plainSummary")}
            value={text("plainSummary") ?? ""}
            multiline
            errors={errors()}
          />
          <Field
            name="recommendation"
            label={t("recommendation")}
            value={text("recommendation") ?? ""}
            multiline
            errors={errors()}
          />
          <Checkbox name="closed" label={t("closedItem")} checked={item().closed} />
          <div class="actions">
            <button type="submit" class="button button-primary">
              {t("saveItem")}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      </Show>
      <Show when={props.decisions}>
        <form class="inline-form" onSubmit={saveDecision} novalidate>
          <Field
            name={`decision-${item().id}`}
            label={t("decisionLabel", { n: props.n })}
            value={text("decision") ?? ""}
            multiline
            rows={3}
            errors={null}
          />
          <button type="submit" class="button button-secondary" disabled={props.busy}>
            {t("saveDecision")}
          </button>
        </form>
      </Show>
      <Show when={!props.decisions && text("decision")}>
        <p>
          <strong>{t("decision")}:</strong> {text("decision")}
        </p>
      </Show>
    </div>
  );
}

function AddItemForm(props: { meetingId: string; supplementary: boolean; run: Run }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const missing = requiredErrors(values, ["title"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    try {
      await api.agenda.add.mutate({
        meetingId: props.meetingId,
        title: values.title ?? "",
        plainSummary: optional(values.plainSummary),
        recommendation: optional(values.recommendation),
        closed: checked(form, "closed"),
      });
      setErrors(null);
      form.reset();
      await props.run(async () => undefined);
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), itemFields));
    }
  };
  return (
    <section aria-labelledby="h-add-item" class="panel">
      <h2 id="h-add-item">{props.supplementary ? t("addSupplementaryTitle") : t("addItemTitle")}</h2>
      <ErrorSummary errors={errors()} />
      <form onSubmit={submit} novalidate>
        <Field name="title" label={t("itemTitle")} errors={errors()} required />
        <Field name="plainSummary" label={t("plainSummary")} multiline rows={2} errors={errors()} />
        <Field name="recommendation" label={t("recommendation")} multiline rows={2} errors={errors()} />
        <Checkbox name="closed" label={t("closedItem")} />
        <button type="submit" class="button button-primary">
          {t("addItem")}
        </button>
      </form>
    </section>
  );
}

function CancelDialog(props: { meetingId: string; run: Run }) {
  const [open, setOpen] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const missing = requiredErrors(values, ["reason"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    const ok = await props.run(() =>
      api.meetings.transition.mutate({
        meetingId: props.meetingId,
        command: { type: "cancel", reason: values.reason ?? "" },
      }),
    );
    if (ok) setOpen(false);
  };
  return (
    <Dialog open={open()} onOpenChange={setOpen}>
      <Dialog.Trigger class="button button-danger">{t("cancelMeeting")}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content class="dialog">
            <Dialog.Title class="dialog-title">{t("cancelDialogTitle")}</Dialog.Title>
            <Dialog.Description>{t("cancelDialogText")}</Dialog.Description>
            <ErrorSummary errors={errors()} />
            <form onSubmit={submit} novalidate>
              <Field name="reason" label={t("cancelReason")} multiline rows={3} errors={errors()} required />
              <div class="actions">
                <button type="submit" class="button button-danger">
                  {t("confirmCancel")}
                </button>
                <Dialog.CloseButton class="button button-secondary" aria-label={t("keepMeeting")}>
                  {t("keepMeeting")}
                </Dialog.CloseButton>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}

type MeetingRow = MeetingData["meeting"];

/** The API's field names → this page's (the agenda forms already use `title`), so errors land at the right input. */
function renamed(shown: FormErrors, names: Record<string, string>): FormErrors {
  return {
    ...shown,
    errors: shown.errors.map((e) => (e.field ? { ...e, field: names[e.field] ?? null } : e)),
  };
}

/** Moves the meeting: the domain refuses a time in the past; that refusal belongs to the date field. */
function RescheduleForm(props: { meeting: MeetingRow; reload: () => unknown }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const missing = requiredErrors(
      values,
      ["rescheduleDate", "rescheduleTime"],
      t("required"),
      t("errorTitle"),
    );
    if (missing) return setErrors(missing);
    try {
      await api.meetings.transition.mutate({
        meetingId: props.meeting.id,
        command: {
          type: "reschedule",
          date: values.rescheduleDate?.trim() ?? "",
          time: values.rescheduleTime?.trim() ?? "",
        },
      });
      setErrors(null);
      await props.reload();
      announce(t("meetingMoved"));
    } catch (error) {
      const shown = renamed(formErrorsOf(error, lang(), ["command.date", "command.time"]), {
        "command.date": "rescheduleDate",
        "command.time": "rescheduleTime",
      });
      const rule = (error as { data?: { rule?: { code?: string } | null } } | null)?.data?.rule?.code;
      setErrors(
        rule === "meeting.reschedule_in_past"
          ? { ...shown, errors: shown.errors.map((e) => ({ ...e, field: "rescheduleDate" })) }
          : shown,
      );
    }
  };
  return (
    <section aria-labelledby="h-reschedule" class="panel">
      <h2 id="h-reschedule">{t("rescheduleTitle")}</h2>
      <ErrorSummary errors={errors()} />
      <form onSubmit={submit} novalidate>
        <Field
          name="rescheduleDate"
          label={t("newDate")}
          hint={t("dateHint")}
          value={localDate(new Date(props.meeting.startsAt))}
          errors={errors()}
          required
        />
        <Field
          name="rescheduleTime"
          label={t("newTime")}
          hint={t("timeHint")}
          value={localTime(new Date(props.meeting.startsAt))}
          errors={errors()}
          required
        />
        <button type="submit" class="button button-secondary">
          {t("reschedule")}
        </button>
      </form>
    </section>
  );
}

function EditMeetingForm(props: { meeting: MeetingRow; reload: () => unknown }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const missing = requiredErrors(values, ["meetingLocation"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    try {
      await api.meetings.update.mutate({
        meetingId: props.meeting.id,
        // An emptied title removes it (the API stores null), so the meeting is named by its date again.
        title: values.meetingTitle?.trim() ?? "",
        location: values.meetingLocation?.trim() ?? "",
      });
      setErrors(null);
      await props.reload();
      announce(t("saved"));
    } catch (error) {
      setErrors(
        renamed(formErrorsOf(error, lang(), ["title", "location"]), {
          title: "meetingTitle",
          location: "meetingLocation",
        }),
      );
    }
  };
  return (
    <section aria-labelledby="h-edit-meeting" class="panel">
      <h2 id="h-edit-meeting">{t("editMeetingTitle")}</h2>
      <ErrorSummary errors={errors()} />
      <form onSubmit={submit} novalidate>
        <Field
          name="meetingLocation"
          label={t("location")}
          value={props.meeting.location}
          errors={errors()}
          required
        />
        <Field
          name="meetingTitle"
          label={t("meetingTitleField")}
          value={props.meeting.title ?? ""}
          errors={errors()}
        />
        <button type="submit" class="button button-secondary">
          {t("saveMeeting")}
        </button>
      </form>
    </section>
  );
}
