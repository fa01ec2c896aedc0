import { createResource, createSignal, Show } from "solid-js";
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
import { lang, t } from "../i18n.ts";
import { navigate } from "../navigation.ts";
import { mayEdit } from "../session.ts";
import { NoAccess } from "./not-found.tsx";

const fields = [
  "title",
  "requestingBody",
  "receivedOn",
  "deadlineDate",
  "deadlineTime",
  "plainSummary",
  "description",
] as const;

export default function NewHearing(props: { councilId: string }) {
  const [council] = createResource(
    () => props.councilId,
    (councilId) => api.councils.get.query({ councilId }),
  );
  const [errors, setErrors] = createSignal<FormErrors | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const missing = requiredErrors(
      values,
      ["title", "requestingBody", "receivedOn", "deadlineDate"],
      t("required"),
      t("errorTitle"),
    );
    if (missing) return setErrors(missing);
    try {
      const hearing = await api.hearings.register.mutate({
        councilId: props.councilId,
        title: values.title ?? "",
        requestingBody: values.requestingBody ?? "",
        receivedOn: values.receivedOn?.trim() ?? "",
        deadlineDate: values.deadlineDate?.trim() ?? "",
        deadlineTime: optional(values.deadlineTime),
        plainSummary: optional(values.plainSummary),
        description: optional(values.description),
        public: checked(form, "public"),
      });
      setErrors(null);
      announce(t("saved"));
      navigate(`/hoeringer/${hearing.id}`);
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), fields));
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
            <PageTitle text={t("newHearingTitle")}>{t("newHearingTitle")}</PageTitle>
            <ErrorSummary errors={errors()} />
            <form onSubmit={submit} novalidate>
              <Field name="title" label={t("hearingSubject")} errors={errors()} required />
              <Field name="requestingBody" label={t("requestingBody")} errors={errors()} required />
              <Field
                name="receivedOn"
                label={t("receivedOn")}
                hint={t("dateHint")}
                errors={errors()}
                required
              />
              <Field
                name="deadlineDate"
                label={t("deadlineDate")}
                hint={t("dateHint")}
                errors={errors()}
                required
              />
              <Field
                name="deadlineTime"
                label={t("deadlineTime")}
                hint={t("timeHint")}
                value="12:00"
                errors={errors()}
              />
              <Field name="plainSummary" label={t("plainSummary")} multiline rows={2} errors={errors()} />
              <Field name="description" label={t("description")} multiline errors={errors()} />
              <Checkbox name="public" label={t("publicHearing")} checked />
              <div class="actions">
                <button type="submit" class="button button-primary">
                  {t("saveHearing")}
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
