import { createResource, createSignal, Show } from "solid-js";
import { api } from "../api.ts";
import {
  announce,
  ErrorSummary,
  Field,
  formValues,
  Link,
  Loading,
  optional,
  PageTitle,
} from "../components/ui.tsx";
import { type FormErrors, formErrorsOf, requiredErrors } from "../form-errors.ts";
import { lang, t } from "../i18n.ts";
import { navigate } from "../navigation.ts";
import { mayEdit } from "../session.ts";
import { NoAccess } from "./not-found.tsx";

const fields = ["title", "date", "time", "endTime", "location"] as const;

export default function NewMeeting(props: { councilId: string }) {
  const [council] = createResource(
    () => props.councilId,
    (councilId) => api.councils.get.query({ councilId }),
  );
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const missing = requiredErrors(values, ["date", "time", "location"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    setBusy(true);
    try {
      const meeting = await api.meetings.create.mutate({
        councilId: props.councilId,
        title: optional(values.title),
        date: values.date?.trim() ?? "",
        time: values.time?.trim() ?? "",
        endTime: optional(values.endTime),
        location: values.location ?? "",
      });
      setErrors(null);
      announce(t("saved"));
      navigate(`/moeder/${meeting.id}`);
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={council()} fallback={<Loading />}>
      {(c) => (
        <Show when={mayEdit(c().id)} fallback={<NoAccess />}>
          <div class="narrow">
            <p class="breadcrumb">
              <Link to={`/raad/${c().id}`}>{c().name}</Link>
            </p>
            <PageTitle text={t("newMeetingTitle")}>{t("newMeetingTitle")}</PageTitle>
            <ErrorSummary errors={errors()} />
            <form onSubmit={submit} novalidate>
              <Field name="date" label={t("date")} hint={t("dateHint")} errors={errors()} required />
              <Field name="time" label={t("time")} hint={t("timeHint")} errors={errors()} required />
              <Field name="endTime" label={t("endTime")} hint={t("timeHint")} errors={errors()} />
              <Field name="location" label={t("location")} errors={errors()} required />
              <Field name="title" label={t("meetingTitleField")} errors={errors()} />
              <div class="actions">
                <button type="submit" class="button button-primary" disabled={busy()}>
                  {t("createMeeting")}
                </button>
                <Link to={`/raad/${c().id}`}>{t("cancel")}</Link>
              </div>
            </form>
          </div>
        </Show>
      )}
    </Show>
  );
}
