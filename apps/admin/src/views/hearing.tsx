import { localDate, localTime } from "@samraad/domain/shared";
import { createResource, createSignal, For, Show } from "solid-js";
import { api, type HearingView as HearingData, uploadAttachment } from "../api.ts";
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
import { dateTimeText, fileSizeText, isoDateText, weekdayDateTimeText } from "../format.ts";
import { lang, t } from "../i18n.ts";

export default function HearingView(props: { hearingId: string }) {
  const [data, { refetch }] = createResource(
    () => props.hearingId,
    (hearingId) => api.hearings.get.query({ hearingId }),
  );
  return (
    <Show when={!data.error} fallback={<LoadFailed error={data.error} />}>
      <Show when={data()} fallback={<Loading />}>
        {(d) => <HearingPage data={d()} reload={refetch} />}
      </Show>
    </Show>
  );
}

function HearingPage(props: { data: HearingData; reload: () => unknown }) {
  const hearing = () => props.data.hearing;
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [commentErrors, setCommentErrors] = createSignal<FormErrors | null>(null);
  const responseText = () => {
    const body = hearing().responseBody;
    return typeof body === "string" ? body : (body?.body ?? "");
  };
  const status = () => hearing().responseStatus ?? "none";
  const editableText = () => props.data.canCollaborate && (status() === "none" || status() === "draft");

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setErrors(null);
      await props.reload();
      announce(t("saved"));
      return true;
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), ["body"]));
      return false;
    }
  };

  const saveDraft = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const missing = requiredErrors(values, ["body"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    await run(() => api.hearings.saveResponse.mutate({ hearingId: hearing().id, body: values.body ?? "" }));
  };

  const addComment = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const missing = requiredErrors(values, ["comment"], t("required"), t("errorTitle"));
    if (missing) return setCommentErrors(missing);
    try {
      await api.hearings.comment.mutate({ hearingId: hearing().id, body: values.comment ?? "" });
      setCommentErrors(null);
      form.reset();
      await props.reload();
      announce(t("saved"));
    } catch (error) {
      setCommentErrors(formErrorsOf(error, lang()));
    }
  };

  const transition = (command: "approve" | "submit" | "reopen") =>
    run(() => api.hearings.transitionResponse.mutate({ hearingId: hearing().id, command }));

  return (
    <>
      <p class="breadcrumb">
        <Link to={`/raad/${hearing().councilId}`}>{t("hearingsTitle")}</Link>
      </p>
      <PageTitle text={hearing().title}>{hearing().title}</PageTitle>
      <Show when={hearing().status === "overdue"}>
        <p>
          <strong class="tag tag-error">
            <span aria-hidden="true">⚠ </span>
            {t("overdue")}
          </strong>
        </p>
      </Show>
      <dl class="facts">
        <dt>{t("from")}</dt>
        <dd>{hearing().requestingBody}</dd>
        <dt>{t("received")}</dt>
        <dd>{isoDateText(hearing().receivedOn)}</dd>
        <dt>{t("deadline")}</dt>
        <dd>{weekdayDateTimeText(hearing().responseDeadline)}</dd>
        <dt>{t("status")}</dt>
        <dd>{t(`hearingStatus_${hearing().status}`)}</dd>
        <dt>{t("shownPublicly")}</dt>
        <dd>{hearing().public ? t("yes") : t("no")}</dd>
      </dl>
      <Show when={hearing().plainSummary}>
        <p>{hearing().plainSummary}</p>
      </Show>
      <Show when={props.data.canEdit}>
        <EditHearing hearing={hearing()} reload={props.reload} />
      </Show>

      <section aria-labelledby="h-documents">
        <h2 id="h-documents">{t("documents")}</h2>
        <Show when={props.data.attachments.length > 0} fallback={<p>{t("noDocuments")}</p>}>
          <ul class="attachments">
            <For each={props.data.attachments}>
              {(a) => (
                <li>
                  {a.fileName} <span class="meta">({fileSizeText(a.size)})</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.data.canEdit}>
          <form
            class="upload"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const input = form.elements.namedItem("file");
              const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
              if (!file) return;
              void run(() => uploadAttachment({ hearingId: hearing().id }, file)).then(
                (ok) => ok && form.reset(),
              );
            }}
          >
            <label class="form-label" for="hearing-file">
              {t("uploadDocument")}
            </label>
            <input
              id="hearing-file"
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
      </section>

      <section aria-labelledby="h-response" class="panel">
        <h2 id="h-response">{t("responseTitle")}</h2>
        <p>
          {t("status")}: <strong>{t(`responseStatus_${status()}`)}</strong>
        </p>
        <ErrorSummary errors={errors()} />
        <Show
          when={editableText()}
          fallback={
            <Show when={responseText()}>
              <blockquote class="response">{responseText()}</blockquote>
            </Show>
          }
        >
          <form onSubmit={saveDraft} novalidate>
            <Field
              name="body"
              label={t("responseBody")}
              value={responseText()}
              multiline
              rows={8}
              errors={errors()}
              required
            />
            <button type="submit" class="button button-secondary">
              {t("saveDraft")}
            </button>
          </form>
        </Show>
        <Show
          when={props.data.canEdit}
          fallback={
            <Show when={props.data.canCollaborate}>
              <p class="form-hint">{t("memberCannotApprove")}</p>
            </Show>
          }
        >
          <div class="actions">
            <Show when={status() === "draft"}>
              <button type="button" class="button button-primary" onClick={() => transition("approve")}>
                {t("approve")}
              </button>
            </Show>
            <Show when={status() === "approved"}>
              <button type="button" class="button button-primary" onClick={() => transition("submit")}>
                {t("submit")}
              </button>
              <button type="button" class="button button-secondary" onClick={() => transition("reopen")}>
                {t("reopen")}
              </button>
            </Show>
          </div>
        </Show>
      </section>

      <Show when={props.data.canCollaborate}>
        <section aria-labelledby="h-comments">
          <h2 id="h-comments">{t("commentsTitle")}</h2>
          <Show when={props.data.comments.length > 0} fallback={<p>{t("noComments")}</p>}>
            <ul class="comments">
              <For each={props.data.comments}>
                {(c) => (
                  <li>
                    <p class="meta">
                      {c.authorName} · {dateTimeText(c.createdAt)}
                    </p>
                    <p>{c.body}</p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <ErrorSummary errors={commentErrors()} />
          <form onSubmit={addComment} novalidate>
            <Field name="comment" label={t("comment")} multiline rows={3} errors={commentErrors()} required />
            <button type="submit" class="button button-secondary">
              {t("addComment")}
            </button>
          </form>
        </section>
      </Show>
    </>
  );
}

const hearingFields = [
  "title",
  "requestingBody",
  "receivedOn",
  "deadlineDate",
  "deadlineTime",
  "plainSummary",
  "description",
] as const;

/** Corrects a registered hearing. The API replaces every field, so the form is filled with what is stored. */
function EditHearing(props: { hearing: HearingData["hearing"]; reload: () => unknown }) {
  const [open, setOpen] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  let toggle: HTMLButtonElement | undefined;
  const deadline = () => new Date(props.hearing.responseDeadline);
  const close = () => {
    setOpen(false);
    setErrors(null);
    queueMicrotask(() => toggle?.focus());
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const missing = requiredErrors(
      values,
      ["title", "requestingBody", "receivedOn", "deadlineDate", "deadlineTime"],
      t("required"),
      t("errorTitle"),
    );
    if (missing) return setErrors(missing);
    try {
      await api.hearings.update.mutate({
        hearingId: props.hearing.id,
        councilId: props.hearing.councilId,
        title: values.title ?? "",
        requestingBody: values.requestingBody ?? "",
        receivedOn: values.receivedOn?.trim() ?? "",
        deadlineDate: values.deadlineDate?.trim() ?? "",
        deadlineTime: values.deadlineTime?.trim() ?? "",
        plainSummary: optional(values.plainSummary),
        description: optional(values.description),
        public: checked(form, "public"),
      });
      await props.reload();
      close();
      announce(t("saved"));
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), hearingFields));
    }
  };
  return (
    <section aria-labelledby="h-edit-hearing" class="panel">
      <h2 id="h-edit-hearing">{t("editHearingTitle")}</h2>
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            class="button button-secondary"
            ref={toggle}
            onClick={() => {
              setOpen(true);
              queueMicrotask(() => document.getElementById("f-title")?.focus());
            }}
          >
            {t("editHearing")}
          </button>
        }
      >
        <ErrorSummary errors={errors()} />
        <form onSubmit={submit} novalidate>
          <Field
            name="title"
            label={t("hearingSubject")}
            value={props.hearing.title}
            errors={errors()}
            required
          />
          <Field
            name="requestingBody"
            label={t("requestingBody")}
            value={props.hearing.requestingBody}
            errors={errors()}
            required
          />
          <Field
            name="receivedOn"
            label={t("receivedOn")}
            hint={t("dateHint")}
            value={props.hearing.receivedOn}
            errors={errors()}
            required
          />
          <Field
            name="deadlineDate"
            label={t("deadlineDate")}
            hint={t("dateHint")}
            value={localDate(deadline())}
            errors={errors()}
            required
          />
          <Field
            name="deadlineTime"
            label={t("deadlineTime")}
            hint={t("timeHint")}
            value={localTime(deadline())}
            errors={errors()}
            required
          />
          <Field
            name="plainSummary"
            label={t("plainSummary")}
            value={props.hearing.plainSummary ?? ""}
            multiline
            rows={2}
            errors={errors()}
          />
          <Field
            name="description"
            label={t("description")}
            value={props.hearing.description ?? ""}
            multiline
            rows={4}
            errors={errors()}
          />
          <Checkbox name="public" label={t("publicHearing")} checked={props.hearing.public} />
          <div class="actions">
            <button type="submit" class="button button-primary">
              {t("saveHearingChanges")}
            </button>
            <button type="button" class="button button-secondary" onClick={close}>
              {t("cancel")}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
