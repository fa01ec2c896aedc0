import { councilTypeLabels, councilTypes } from "@samraad/domain/councils";
import { createSignal, Show } from "solid-js";
import { api } from "../api.ts";
import { announce, ErrorSummary, Field, formValues, optional, PageTitle } from "../components/ui.tsx";
import { type FormErrors, formErrorsOf, requiredErrors } from "../form-errors.ts";
import { lang, pick, t } from "../i18n.ts";
import { navigate } from "../navigation.ts";
import { me, reloadMe } from "../session.ts";

export default function NewCouncil() {
  const municipality = () => me()?.municipalities.find((m) => m.canAdminister) ?? null;
  const [errors, setErrors] = createSignal<FormErrors | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const missing = requiredErrors(values, ["name"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    const m = municipality();
    if (!m) return;
    try {
      const council = await api.councils.create.mutate({
        municipalityId: m.id,
        name: values.name ?? "",
        type: (values.type ?? "handicapraad") as (typeof councilTypes)[number],
        purpose: optional(values.purpose),
      });
      setErrors(null);
      await reloadMe();
      announce(t("saved"));
      navigate(`/raad/${council.id}`);
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), ["name", "type", "purpose"]));
    }
  };

  return (
    <div class="narrow">
      <PageTitle text={t("newCouncilTitle")}>{t("newCouncilTitle")}</PageTitle>
      <Show when={municipality()} fallback={<p class="alert alert-warning">{t("onlyAdmins")}</p>}>
        <ErrorSummary errors={errors()} />
        <form onSubmit={submit} novalidate>
          <Field name="name" label={t("councilName")} errors={errors()} required />
          <Field
            name="type"
            label={t("councilType")}
            errors={errors()}
            options={councilTypes.map((c) => ({ value: c, label: pick(councilTypeLabels[c]) }))}
          />
          <Field name="purpose" label={t("purpose")} multiline rows={3} errors={errors()} />
          <button type="submit" class="button button-primary">
            {t("createCouncil")}
          </button>
        </form>
      </Show>
    </div>
  );
}
