import { createSignal, Show } from "solid-js";
import { ErrorSummary, Field, formValues, PageTitle } from "../components/ui.tsx";
import type { FormErrors } from "../form-errors.ts";
import { lang } from "../i18n.ts";
import { href } from "../routes.ts";

/** Minimum length of a password, as the sign-in service requires it. */
const MIN_PASSWORD = 10;

const text = {
  da: {
    title: "Vælg din adgangskode",
    intro:
      "Du er inviteret til et partnerskab i Samråd. Vælg en adgangskode; derefter logger du ind med din e-mailadresse.",
    password: "Ny adgangskode",
    passwordHint: `Mindst ${MIN_PASSWORD} tegn.`,
    repeat: "Gentag adgangskoden",
    save: "Gem adgangskoden",
    errorTitle: "Der er fejl i formularen",
    required: "Udfyld feltet",
    tooShort: `Adgangskoden skal have mindst ${MIN_PASSWORD} tegn`,
    mismatch: "De to adgangskoder er ikke ens",
    invalid: "Linket er udløbet eller allerede brugt. Bed den, der inviterede dig, om et nyt.",
    failed: "Noget gik galt. Prøv igen.",
    done: "Din adgangskode er gemt.",
    signIn: "Log ind",
  },
  en: {
    title: "Choose your password",
    intro:
      "You are invited to a partnership in Samråd. Choose a password; then sign in with your email address.",
    password: "New password",
    passwordHint: `At least ${MIN_PASSWORD} characters.`,
    repeat: "Repeat the password",
    save: "Save the password",
    errorTitle: "The form has errors",
    required: "Fill in the field",
    tooShort: `The password must have at least ${MIN_PASSWORD} characters`,
    mismatch: "The two passwords differ",
    invalid: "The link has expired or has been used. Ask whoever invited you for a new one.",
    failed: "Something went wrong. Try again.",
    done: "Your password is saved.",
    signIn: "Sign in",
  },
};

/**
 * The page an invitation link opens: the invited person chooses a password. better-auth's reset-password
 * endpoint checks and consumes the link's one-time token and stores the password.
 */
export default function PartnershipInvitation() {
  const t = () => text[lang()];
  const token = new URLSearchParams(window.location.search).get("token") ?? "";
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [done, setDone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  let doneRef: HTMLParagraphElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const password = values.newPassword ?? "";
    const repeat = values.repeatPassword ?? "";
    const found: FormErrors["errors"] = [];
    if (password === "") found.push({ field: "newPassword", message: t().required });
    else if (password.length < MIN_PASSWORD) found.push({ field: "newPassword", message: t().tooShort });
    if (repeat === "") found.push({ field: "repeatPassword", message: t().required });
    else if (password !== "" && repeat !== password)
      found.push({ field: "repeatPassword", message: t().mismatch });
    if (found.length > 0) return setErrors({ title: t().errorTitle, errors: found });
    setBusy(true);
    try {
      const response = await fetch("/api/auth/reset-password", {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, newPassword: password }),
      });
      if (!response.ok) {
        const invalid = response.status === 400 && token !== "";
        return setErrors({
          title: t().errorTitle,
          errors: [{ field: null, message: invalid || token === "" ? t().invalid : t().failed }],
        });
      }
      setErrors(null);
      setDone(true);
      queueMicrotask(() => doneRef?.focus());
    } catch {
      setErrors({ title: t().errorTitle, errors: [{ field: null, message: t().failed }] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <PageTitle text={t().title}>{t().title}</PageTitle>
      <Show
        when={!done()}
        fallback={
          <>
            <p ref={doneRef} tabindex="-1" role="status">
              {t().done}
            </p>
            <p>
              <a href={href("/log-ind")}>{t().signIn}</a>
            </p>
          </>
        }
      >
        <p>{t().intro}</p>
        <ErrorSummary errors={errors()} />
        <form onSubmit={submit} novalidate>
          <Field
            name="newPassword"
            label={t().password}
            hint={t().passwordHint}
            type="password"
            autocomplete="new-password"
            errors={errors()}
            required
          />
          <Field
            name="repeatPassword"
            label={t().repeat}
            type="password"
            autocomplete="new-password"
            errors={errors()}
            required
          />
          <button type="submit" class="button button-primary" disabled={busy()}>
            {t().save}
          </button>
        </form>
      </Show>
    </div>
  );
}
