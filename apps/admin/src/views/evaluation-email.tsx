import { splitAddresses } from "@samraad/domain/mail";
import { createResource, createSignal, Show } from "solid-js";
import { api } from "../api.ts";
import { announce, ErrorSummary, Field, formValues } from "../components/ui.tsx";
import { type FormErrors, formErrorsOf } from "../form-errors.ts";
import { lang, pick } from "../i18n.ts";

/*
 * Sending a questionnaire by email (when the server has SMTP_URL): paste addresses, each gets its own
 * single-use link; later, remind those whose link is still unused. Mounted on the evaluation page. The
 * addresses are never shown back: the page shows how many were emailed and how many have not answered.
 */

const m = {
  title: { da: "Send spørgeskemaet på e-mail", en: "Send the questionnaire by email" },
  off: {
    da: "Der er ikke sat en mailserver op (SMTP_URL), så spørgeskemaet kan ikke sendes på e-mail herfra. Del linkene på anden vis.",
    en: "No mail server is configured (SMTP_URL), so the questionnaire cannot be emailed from here. Share the links another way.",
  },
  notOpen: {
    da: "Åbn evalueringen for svar, før du sender spørgeskemaet på e-mail.",
    en: "Open the evaluation for answers before you email the questionnaire.",
  },
  addresses: { da: "E-mailadresser", en: "Email addresses" },
  addressesHint: {
    da: "Én adresse pr. linje (eller adskilt af komma). Hver modtager får sit eget link, der kan bruges én gang.",
    en: "One address per line (or separated by commas). Each recipient gets their own link that works once.",
  },
  send: { da: "Send invitationer", en: "Send invitations" },
  sent: {
    da: "Spørgeskemaet er sendt til {n} modtagere",
    en: "The questionnaire was sent to {n} recipients",
  },
  counts: {
    da: "{emailed} links er sendt på e-mail; {unanswered} af dem er ikke besvaret endnu.",
    en: "{emailed} links were emailed; {unanswered} of them are not answered yet.",
  },
  remind: {
    da: "Send påmindelse til dem, der ikke har svaret",
    en: "Send a reminder to those who have not answered",
  },
  remindHint: {
    da: "Påmindelsen har et nyt link, som erstatter det fra den første mail.",
    en: "The reminder has a new link, which replaces the one from the first email.",
  },
  reminded: { da: "Påmindelse sendt til {n} modtagere", en: "Reminder sent to {n} recipients" },
};

const say = (key: keyof typeof m, values: Record<string, number> = {}) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), pick(m[key]));

/** The API names a bad address by its place in the list ("emails.2"); the form names it by what was typed. */
function addressErrors(error: unknown, addresses: string[]): FormErrors {
  const shown = formErrorsOf(error, lang());
  return {
    ...shown,
    errors: shown.errors.map((e) => {
      const at = /^emails\.(\d+)$/.exec(e.field ?? "");
      return at ? { field: "emails", message: `«${addresses[Number(at[1])] ?? ""}»: ${e.message}` } : e;
    }),
  };
}

export function EvaluationEmail(props: { evaluationId: string; status: string; onSent: () => void }) {
  const [status, { refetch }] = createResource(
    () => props.evaluationId,
    (evaluationId) => api.evaluationEmails.status.query({ evaluationId }),
  );
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [typed, setTyped] = createSignal("");
  const done = (text: string) => {
    setErrors(null);
    refetch();
    props.onSent();
    announce(text);
  };
  return (
    <section aria-labelledby="email-invitations-title">
      <h2 id="email-invitations-title">{say("title")}</h2>
      <Show when={status()}>
        {(s) => (
          <Show when={s().enabled} fallback={<p>{say("off")}</p>}>
            <Show when={props.status === "collecting"} fallback={<p>{say("notOpen")}</p>}>
              <ErrorSummary errors={errors()} />
              <form
                novalidate
                onSubmit={async (e) => {
                  e.preventDefault();
                  const text = formValues(e.currentTarget).emails ?? "";
                  const emails = splitAddresses(text);
                  setTyped(text);
                  try {
                    const { invited } = await api.evaluationEmails.invite.mutate({
                      evaluationId: props.evaluationId,
                      emails,
                    });
                    setTyped("");
                    done(say("sent", { n: invited }));
                  } catch (error) {
                    setErrors(addressErrors(error, emails));
                  }
                }}
              >
                <Field
                  name="emails"
                  label={say("addresses")}
                  hint={say("addressesHint")}
                  errors={errors()}
                  multiline
                  rows={5}
                  value={typed()}
                />
                <button type="submit" class="button button-secondary">
                  {say("send")}
                </button>
              </form>
              <Show when={s().emailed > 0}>
                <p data-testid="email-counts">
                  {say("counts", { emailed: s().emailed, unanswered: s().unanswered })}
                </p>
                <Show when={s().unanswered > 0}>
                  <p class="form-hint">{say("remindHint")}</p>
                  <button
                    type="button"
                    class="button button-secondary"
                    onClick={async () => {
                      try {
                        const { reminded } = await api.evaluationEmails.remind.mutate({
                          evaluationId: props.evaluationId,
                        });
                        done(say("reminded", { n: reminded }));
                      } catch (error) {
                        setErrors(formErrorsOf(error, lang()));
                      }
                    }}
                  >
                    {say("remind")}
                  </button>
                </Show>
              </Show>
            </Show>
          </Show>
        )}
      </Show>
    </section>
  );
}
