import { Dialog } from "@kobalte/core/dialog";
import { createResource, createSignal, For, Show } from "solid-js";
import { api, isForbidden } from "../api.ts";
import {
  announce,
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
import { dateTimeText, weekdayDateTimeText } from "../format.ts";
import { lang, pick, t } from "../i18n.ts";
import { councilOf, mayEdit } from "../session.ts";
import { NoAccess } from "./not-found.tsx";

type ChannelLink = Awaited<ReturnType<typeof api.integrations.list.query>>[number];
type Platform = "slack" | "teams";

const platformName: Record<string, string> = { slack: "Slack", teams: "Microsoft Teams" };

/**
 * Both forms sit on one page, so their inputs get their own names (and ids); the API's field errors
 * (`teamId`, `channelId`, `webhookUrl`) are moved onto the form that sent them.
 */
const formFields: Record<Platform, Record<string, string>> = {
  slack: { teamId: "slackTeamId", channelId: "slackChannelId" },
  teams: { channelId: "teamsChannelId", webhookUrl: "teamsWebhookUrl" },
};

function errorsFor(platform: Platform, error: unknown): FormErrors {
  const fields = formFields[platform];
  const shown = formErrorsOf(error, lang(), Object.keys(fields));
  return {
    ...shown,
    errors: shown.errors.map((e) => (e.field ? { ...e, field: fields[e.field] ?? null } : e)),
  };
}

/** "Chat-kanaler": which Slack and Teams channels answer /frister for this council and get its reminders. */
export default function ChatChannelsView(props: { councilId: string }) {
  // The API refuses members too; the screen says so in words rather than showing an empty list.
  return (
    <Show when={mayEdit(props.councilId)} fallback={<NoAccess />}>
      <ChatChannelsPage councilId={props.councilId} />
    </Show>
  );
}

function ChatChannelsPage(props: { councilId: string }) {
  const [links, { refetch }] = createResource(
    () => props.councilId,
    (councilId) => api.integrations.list.query({ councilId }),
  );
  const [failed] = createResource(
    () => props.councilId,
    (councilId) => api.integrations.failedReminders.query({ councilId }),
  );
  const councilName = () => councilOf(props.councilId)?.name ?? "";
  const title = () => t("chatTitle", { council: councilName() });

  return (
    <Show when={!isForbidden(links.error)} fallback={<NoAccess />}>
      <p class="breadcrumb">
        <Link to={`/raad/${props.councilId}`}>{councilName()}</Link>
      </p>
      <PageTitle text={title()}>{title()}</PageTitle>
      <p>{t("chatIntro")}</p>
      <section aria-labelledby="h-links">
        <h2 id="h-links" tabindex="-1">
          {t("chatLinksTitle")}
        </h2>
        <Show when={!links.error} fallback={<LoadFailed error={links.error} />}>
          <Show when={links()} fallback={<Loading />}>
            {(list) => (
              <Show when={list().length > 0} fallback={<p class="empty">{t("chatNoLinks")}</p>}>
                <table class="table" aria-labelledby="h-links">
                  <thead>
                    <tr>
                      <th scope="col">{t("chatPlatform")}</th>
                      <th scope="col">{t("chatTeamId")}</th>
                      <th scope="col">{t("chatChannelId")}</th>
                      <th scope="col">{t("chatReminders")}</th>
                      <th scope="col">{t("chatLinkedAt")}</th>
                      <th scope="col">
                        <span class="visually-hidden">{t("chatActions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(link) => (
                        <tr>
                          <td>{platformName[link.platform] ?? link.platform}</td>
                          <td>{link.teamId || "–"}</td>
                          <td>
                            <code>{link.channelId}</code>
                          </td>
                          <td>
                            {link.platform === "slack"
                              ? t("chatRemindersBot")
                              : link.webhookConfigured
                                ? t("chatRemindersWebhook")
                                : t("chatRemindersNone")}
                          </td>
                          <td>{dateTimeText(link.createdAt)}</td>
                          <td>
                            <UnlinkDialog link={link} onDone={refetch} />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            )}
          </Show>
        </Show>
      </section>
      <LinkForm councilId={props.councilId} platform="slack" onDone={refetch} />
      <LinkForm councilId={props.councilId} platform="teams" onDone={refetch} />
      <section aria-labelledby="h-failed">
        <h2 id="h-failed">{t("chatFailedTitle")}</h2>
        <Show when={!failed.error} fallback={<LoadFailed error={failed.error} />}>
          <Show when={failed()} fallback={<Loading />}>
            {(list) => (
              <Show when={list().length > 0} fallback={<p>{t("chatNoFailed")}</p>}>
                <ul class="list">
                  <For each={list()}>
                    {(r) => (
                      <li class="overdue">
                        <strong>
                          {pick(r.kindLabel) || t("chatDeadline")}: {weekdayDateTimeText(r.dueAt)}
                        </strong>
                        <span class="meta">
                          {t("chatFailedMeta", {
                            platform: platformName[r.platform] ?? r.platform,
                            channel: r.channelId,
                            days: r.offsetDays,
                            when: dateTimeText(r.sendAt),
                            attempts: r.attempts,
                          })}
                        </span>
                        <span class="meta">
                          {t("chatLastError")}: {r.lastError ?? "–"}
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Show>
        </Show>
      </section>
    </Show>
  );
}

function LinkForm(props: { councilId: string; platform: Platform; onDone: () => unknown }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const slack = () => props.platform === "slack";
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const required = slack() ? ["slackTeamId", "slackChannelId"] : ["teamsChannelId"];
    const missing = requiredErrors(values, required, t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    try {
      await api.integrations.link.mutate(
        slack()
          ? {
              councilId: props.councilId,
              platform: "slack",
              teamId: values.slackTeamId?.trim() ?? "",
              channelId: values.slackChannelId?.trim() ?? "",
            }
          : {
              councilId: props.councilId,
              platform: "teams",
              channelId: values.teamsChannelId?.trim() ?? "",
              webhookUrl: optional(values.teamsWebhookUrl),
            },
      );
      setErrors(null);
      form.reset();
      await props.onDone();
      announce(t("chatLinked"));
    } catch (error) {
      setErrors(errorsFor(props.platform, error));
    }
  };
  return (
    <section aria-labelledby={`h-link-${props.platform}`} class="panel">
      <h2 id={`h-link-${props.platform}`}>{slack() ? t("chatLinkSlack") : t("chatLinkTeams")}</h2>
      <ErrorSummary errors={errors()} />
      <form onSubmit={submit} novalidate>
        <Show
          when={slack()}
          fallback={
            <>
              <Field
                name="teamsChannelId"
                label={t("chatTeamsChannelId")}
                hint={t("chatTeamsChannelHint")}
                errors={errors()}
                required
              />
              <Field
                name="teamsWebhookUrl"
                label={t("chatWebhookUrl")}
                hint={t("chatWebhookHint")}
                type="url"
                errors={errors()}
              />
            </>
          }
        >
          <Field
            name="slackTeamId"
            label={t("chatSlackTeamId")}
            hint={t("chatSlackTeamHint")}
            errors={errors()}
            required
          />
          <Field
            name="slackChannelId"
            label={t("chatSlackChannelId")}
            hint={t("chatSlackChannelHint")}
            errors={errors()}
            required
          />
        </Show>
        <button type="submit" class="button button-primary">
          {slack() ? t("chatLinkSlackButton") : t("chatLinkTeamsButton")}
        </button>
      </form>
    </section>
  );
}

function UnlinkDialog(props: { link: ChannelLink; onDone: () => unknown }) {
  const [open, setOpen] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [busy, setBusy] = createSignal(false);
  const channel = () => `${platformName[props.link.platform] ?? props.link.platform} ${props.link.channelId}`;
  const confirm = async () => {
    setBusy(true);
    try {
      await api.integrations.unlink.mutate({ linkId: props.link.id });
      setErrors(null);
      setOpen(false);
      await props.onDone();
      // The row and its button are gone; keyboard focus goes to the list rather than to the page's start.
      document.getElementById("h-links")?.focus();
      announce(t("chatUnlinked"));
    } catch (error) {
      setErrors(formErrorsOf(error, lang()));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open()} onOpenChange={setOpen}>
      <Dialog.Trigger
        class="button button-small button-danger"
        aria-label={t("chatUnlinkLabel", { channel: channel() })}
      >
        {t("chatUnlink")}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content class="dialog">
            <Dialog.Title class="dialog-title">{t("chatUnlinkTitle")}</Dialog.Title>
            <Dialog.Description>{t("chatUnlinkText", { channel: channel() })}</Dialog.Description>
            <ErrorSummary errors={errors()} />
            <div class="actions">
              <button type="button" class="button button-danger" disabled={busy()} onClick={confirm}>
                {t("chatUnlinkConfirm")}
              </button>
              {/* Kobalte names its close button "Dismiss"; the visible text must be the accessible name. */}
              <Dialog.CloseButton class="button button-secondary" aria-label={t("chatKeepLink")}>
                {t("chatKeepLink")}
              </Dialog.CloseButton>
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
