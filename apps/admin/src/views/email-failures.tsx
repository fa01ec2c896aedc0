import { KEEP_FAILED_MAIL_DAYS } from "@samraad/domain/mail";
import { createResource, createSignal, For, Show } from "solid-js";
import { api } from "../api.ts";
import { announce, ErrorSummary, LoadFailed, Loading, PageTitle } from "../components/ui.tsx";
import { type FormErrors, formErrorsOf } from "../form-errors.ts";
import { dateTimeText } from "../format.ts";
import { lang, pick } from "../i18n.ts";
import { me } from "../session.ts";

/*
 * Email the outbox worker gave up on — questionnaire invitations and reminders, and the co-creation sign-up
 * messages — for the municipality's administrators, with "send again". (It sits with the evaluation views
 * because the questionnaire's email started the outbox.) The address is masked and the text never shown:
 * why, in packages/domain/src/mail/failures.ts.
 */

const m = {
  title: { da: "E-mails, der ikke kunne sendes", en: "Emails that could not be sent" },
  intro: {
    da: "Beskeder, som Samråd har opgivet efter alle forsøg. Adressen vises kun med første bogstav og domæne, og beskedens tekst vises ikke, fordi den kan indeholde et personligt link. En besked, der ikke sendes igen, slettes {days} dage efter, den skulle være sendt.",
    en: "Messages Samråd gave up on after every attempt. The address shows only its first letter and its domain, and the text is not shown, because it may hold a personal link. A message not sent again is deleted {days} days after it was due.",
  },
  onlyAdmins: {
    da: "Kun kommunens administratorer kan se e-mails, der ikke kunne sendes.",
    en: "Only the municipality's administrators can see emails that could not be sent.",
  },
  none: {
    da: "Der er ingen e-mails, der ikke kunne sendes.",
    en: "There are no emails that could not be sent.",
  },
  off: {
    da: "Der er ikke sat en mailserver op (SMTP_URL), så intet kan sendes igen herfra.",
    en: "No mail server is configured (SMTP_URL), so nothing can be sent again from here.",
  },
  created: { da: "Oprettet", en: "Created" },
  what: { da: "Hvad", en: "What" },
  subject: { da: "Emne", en: "Subject" },
  to: { da: "Modtager", en: "Recipient" },
  reason: { da: "Årsag", en: "Reason" },
  attempts: { da: "{n} forsøg", en: "{n} attempts" },
  action: { da: "Handling", en: "Action" },
  resend: { da: "Send igen", en: "Send again" },
  resendLabel: { da: "Send igen: {subject} til {to}", en: "Send again: {subject} to {to}" },
  queued: { da: "Beskeden er sat i kø og sendes igen", en: "The message is queued and will be sent again" },
};

const say = (key: keyof typeof m, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), pick(m[key]));

export default function EvaluationEmailFailures() {
  const municipality = () => me()?.municipalities.find((x) => x.canAdminister) ?? null;
  const [failed, { refetch }] = createResource(
    () => municipality()?.id,
    (municipalityId) => api.emailOutbox.failed.query({ municipalityId }),
  );
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const resend = async (municipalityId: string, mailId: string) => {
    try {
      await api.emailOutbox.resend.mutate({ municipalityId, mailId });
      setErrors(null);
      announce(say("queued"));
      refetch();
    } catch (error) {
      setErrors(formErrorsOf(error, lang()));
    }
  };
  return (
    <>
      <PageTitle text={say("title")}>{say("title")}</PageTitle>
      <Show when={municipality()} fallback={<p class="alert alert-warning">{say("onlyAdmins")}</p>}>
        {(mu) => (
          <>
            <p>
              {say("intro", { days: KEEP_FAILED_MAIL_DAYS })} ({mu().name})
            </p>
            <ErrorSummary errors={errors()} />
            <Show when={!failed.error} fallback={<LoadFailed error={failed.error} />}>
              <Show when={failed()} fallback={<Loading />}>
                {(list) => (
                  <>
                    <Show when={!list().enabled}>
                      <p class="alert alert-warning">{say("off")}</p>
                    </Show>
                    <Show when={list().messages.length > 0} fallback={<p>{say("none")}</p>}>
                      <table class="table">
                        <thead>
                          <tr>
                            <th scope="col">{say("created")}</th>
                            <th scope="col">{say("what")}</th>
                            <th scope="col">{say("subject")}</th>
                            <th scope="col">{say("to")}</th>
                            <th scope="col">{say("reason")}</th>
                            <Show when={list().enabled}>
                              <th scope="col">{say("action")}</th>
                            </Show>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={list().messages}>
                            {(mail) => (
                              <tr>
                                <td>{dateTimeText(mail.createdAt)}</td>
                                <td>{pick(mail.kind)}</td>
                                <td>{mail.subject}</td>
                                <td>{mail.to}</td>
                                <td>
                                  {pick(mail.reason)}{" "}
                                  <span class="meta">{say("attempts", { n: mail.attempts })}</span>
                                </td>
                                <Show when={list().enabled}>
                                  <td>
                                    <button
                                      type="button"
                                      class="button button-secondary"
                                      aria-label={say("resendLabel", { subject: mail.subject, to: mail.to })}
                                      onClick={() => resend(mu().id, mail.id)}
                                    >
                                      {say("resend")}
                                    </button>
                                  </td>
                                </Show>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </Show>
                  </>
                )}
              </Show>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}
