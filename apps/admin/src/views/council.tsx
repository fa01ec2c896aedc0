import { type MeetingStatus, meetingStatusLabels } from "@samraad/domain/meetings";
import { createResource, createSignal, For, Show } from "solid-js";
import { api } from "../api.ts";
import { HearingListItem } from "../components/hearing-list-item.tsx";
import {
  announce,
  ErrorSummary,
  Field,
  formValues,
  ItemList,
  Link,
  LoadFailed,
  Loading,
  optional,
  PageTitle,
} from "../components/ui.tsx";
import { type FormErrors, formErrorsOf, requiredErrors } from "../form-errors.ts";
import { dateTimeText, isoDateText, weekdayDateTimeText } from "../format.ts";
import { lang, pick, t } from "../i18n.ts";
import { mayEdit, reloadMe } from "../session.ts";
import { NoAccess } from "./not-found.tsx";

export const meetingStatusText = (status: MeetingStatus) => pick(meetingStatusLabels[status]);

export function Findings(props: { councilId: string }) {
  const [composition] = createResource(
    () => props.councilId,
    (councilId) => api.councils.composition.query({ councilId }),
  );
  return (
    <section aria-labelledby="h-composition">
      <h2 id="h-composition">{t("compositionTitle")}</h2>
      <Show when={composition()} fallback={<Loading />}>
        {(c) => (
          <Show when={c().findings.length > 0} fallback={<p>{t("compositionOk")}</p>}>
            <ul class="findings">
              <For each={c().findings}>
                {(f) => (
                  <li class={`finding finding-${f.severity}`}>
                    <strong>{f.severity === "error" ? t("findingError") : t("findingWarning")}:</strong>{" "}
                    {pick(f.message)}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}

export default function CouncilView(props: { councilId: string }) {
  const [council] = createResource(
    () => props.councilId,
    (councilId) => api.councils.get.query({ councilId }),
  );
  return (
    <Show when={!council.error} fallback={<LoadFailed error={council.error} />}>
      <Show when={council()} fallback={<Loading />}>
        {(c) => (
          <Show when={c().canReadInternal} fallback={<NoAccess />}>
            <CouncilPage council={c()} />
          </Show>
        )}
      </Show>
    </Show>
  );
}

function CouncilPage(props: { council: { id: string; name: string; purpose: string | null } }) {
  const [meetings] = createResource(() => api.meetings.list.query({ councilId: props.council.id }));
  const [hearings] = createResource(() => api.hearings.list.query({ councilId: props.council.id }));
  return (
    <>
      <PageTitle text={props.council.name}>{props.council.name}</PageTitle>
      <p>
        <Link to={`/raad/${props.council.id}/medlemmer`}>{t("membersLink")}</Link>
      </p>
      <p>
        <Link to={`/raad/${props.council.id}/handicappolitik`}>
          {lang() === "da" ? "Handicappolitik og handlingsplan" : "Disability policy and action plan"}
        </Link>
      </p>
      <Show when={mayEdit(props.council.id)}>
        <p>
          <Link to={`/raad/${props.council.id}/chat-kanaler`}>{t("chatLink")}</Link>
        </p>
      </Show>
      <section aria-labelledby="h-meetings">
        <h2 id="h-meetings">{t("meetingsTitle")}</h2>
        <Show when={mayEdit(props.council.id)}>
          <p>
            <Link class="button button-primary" to={`/raad/${props.council.id}/moeder/nyt`}>
              {t("planMeeting")}
            </Link>
          </p>
        </Show>
        <ItemList items={meetings()} empty={t("noMeetings")}>
          {(m) => (
            <li>
              <Link to={`/moeder/${m.id}`}>{m.title ?? weekdayDateTimeText(m.startsAt)}</Link>
              <span class="meta">
                {dateTimeText(m.startsAt)} · {m.location} · {meetingStatusText(m.status)}
              </span>
            </li>
          )}
        </ItemList>
      </section>
      <section aria-labelledby="h-hearings">
        <h2 id="h-hearings">{t("hearingsTitle")}</h2>
        <Show when={mayEdit(props.council.id)}>
          <p>
            <Link class="button button-secondary" to={`/raad/${props.council.id}/hoeringer/ny`}>
              {t("registerHearing")}
            </Link>
          </p>
        </Show>
        <ItemList items={hearings()} empty={t("noHearings")}>
          {(h) => (
            <HearingListItem hearing={h}>
              {t(`hearingStatus_${h.status}`)} · {t("deadline")}: {dateTimeText(h.responseDeadline)}
            </HearingListItem>
          )}
        </ItemList>
      </section>
      <Findings councilId={props.council.id} />
      <Terms councilId={props.council.id} />
      <Show when={mayEdit(props.council.id)}>
        <EditCouncil council={props.council} />
      </Show>
    </>
  );
}

function Terms(props: { councilId: string }) {
  const [terms, { refetch }] = createResource(() => api.councils.terms.query({ councilId: props.councilId }));
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const missing = requiredErrors(values, ["startsOn", "endsOn"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    try {
      await api.councils.startTerm.mutate({
        councilId: props.councilId,
        name: optional(values.termName),
        startsOn: values.startsOn?.trim() ?? "",
        endsOn: values.endsOn?.trim() ?? "",
      });
      setErrors(null);
      await refetch();
      announce(t("saved"));
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), ["startsOn", "endsOn"]));
    }
  };
  return (
    <section aria-labelledby="h-terms">
      <h2 id="h-terms">{t("termsTitle")}</h2>
      <ItemList items={terms()} empty={t("noTerms")}>
        {(term) => (
          <li>
            {term.name}{" "}
            <span class="meta">
              {isoDateText(term.startsOn)} – {isoDateText(term.endsOn)}
            </span>
          </li>
        )}
      </ItemList>
      <Show when={mayEdit(props.councilId)}>
        <div class="panel">
          <h3>{t("startTermTitle")}</h3>
          <ErrorSummary errors={errors()} />
          <form onSubmit={submit} novalidate>
            <Field name="termName" label={t("termName")} errors={errors()} />
            <Field name="startsOn" label={t("startsOn")} hint={t("dateHint")} errors={errors()} required />
            <Field
              name="endsOn"
              label={t("endsOn").replace(/ \(.*\)$/, "")}
              hint={t("dateHint")}
              errors={errors()}
              required
            />
            <button type="submit" class="button button-secondary">
              {t("startTerm")}
            </button>
          </form>
        </div>
      </Show>
    </section>
  );
}

function EditCouncil(props: { council: { id: string; name: string; purpose?: string | null } }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const missing = requiredErrors(values, ["councilName"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    try {
      await api.councils.update.mutate({
        councilId: props.council.id,
        name: values.councilName ?? "",
        purpose: optional(values.purpose),
      });
      setErrors(null);
      await reloadMe();
      announce(t("saved"));
    } catch (error) {
      const shown = formErrorsOf(error, lang(), ["name", "purpose"]);
      setErrors({
        ...shown,
        errors: shown.errors.map((e) => (e.field === "name" ? { ...e, field: "councilName" } : e)),
      });
    }
  };
  return (
    <section aria-labelledby="h-edit-council" class="panel">
      <h2 id="h-edit-council">{t("editCouncilTitle")}</h2>
      <ErrorSummary errors={errors()} />
      <form onSubmit={submit} novalidate>
        <Field
          name="councilName"
          label={t("councilName")}
          value={props.council.name}
          errors={errors()}
          required
        />
        <Field
          name="purpose"
          label={t("purpose")}
          value={props.council.purpose ?? ""}
          multiline
          rows={3}
          errors={errors()}
        />
        <button type="submit" class="button button-secondary">
          {t("saveCouncil")}
        </button>
      </form>
    </section>
  );
}
