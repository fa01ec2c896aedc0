import { createSignal } from "solid-js";
import { signInWithPassword } from "../api.ts";
import { ErrorSummary, Field, formValues, PageTitle } from "../components/ui.tsx";
import { type FormErrors, requiredErrors } from "../form-errors.ts";
import { t } from "../i18n.ts";
import { navigate, path } from "../navigation.ts";
import { reloadMe } from "../session.ts";

export function SignIn() {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const missing = requiredErrors(values, ["email", "password"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    setBusy(true);
    try {
      const result = await signInWithPassword(values.email ?? "", values.password ?? "");
      if (result !== "ok") {
        setErrors({
          title: t("errorTitle"),
          errors: [{ field: "email", message: result === "wrong" ? t("wrongPassword") : t("loadFailed") }],
        });
        return;
      }
      setErrors(null);
      await reloadMe();
      // Signed in from a deep link: stay there; from the sign-in page: go to the overview.
      if (path() === "/log-ind") navigate("/", { replace: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <PageTitle text={t("signInTitle")}>{t("signInTitle")}</PageTitle>
      <p>{t("signInIntro")}</p>
      <ErrorSummary errors={errors()} />
      <form onSubmit={submit} novalidate>
        <Field
          name="email"
          label={t("email")}
          type="email"
          // "email", not "username": the HTML spec allows "username" only on text inputs (WCAG 1.3.5 checkers refuse
          // it here), and password managers still pair this field with the password below.
          autocomplete="email"
          errors={errors()}
          required
        />
        <Field
          name="password"
          label={t("password")}
          type="password"
          autocomplete="current-password"
          errors={errors()}
          required
        />
        <button type="submit" class="button button-primary" disabled={busy()}>
          {t("signIn")}
        </button>
      </form>
    </div>
  );
}
