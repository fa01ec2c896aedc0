import { membershipEndReasonLabels, membershipEndReasons } from "@samraad/domain/councils";
import { createResource, createSignal, For, Show } from "solid-js";
import { api } from "../api.ts";
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
import { isoDateText } from "../format.ts";
import { lang, pick, t } from "../i18n.ts";
import { mayEdit } from "../session.ts";
import { Findings } from "./council.tsx";
import { NoAccess } from "./not-found.tsx";

const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
const fields = [
  "person.name",
  "person.email",
  "side",
  "seat",
  "role",
  "startsOn",
  "endsOn",
  "substituteForMembershipId",
];

export default function MembersView(props: { councilId: string }) {
  const [council] = createResource(
    () => props.councilId,
    (councilId) => api.councils.get.query({ councilId }),
  );
  return (
    <Show when={!council.error} fallback={<LoadFailed error={council.error} />}>
      <Show when={council()} fallback={<Loading />}>
        {(c) => (
          <Show when={c().canReadInternal} fallback={<NoAccess />}>
            <MembersPage council={c()} />
          </Show>
        )}
      </Show>
    </Show>
  );
}

function MembersPage(props: { council: { id: string; name: string; canEdit: boolean } }) {
  const [members, { refetch }] = createResource(() =>
    api.members.list.query({ councilId: props.council.id }),
  );
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [findingsKey, setFindingsKey] = createSignal(0);
  const active = () => (members() ?? []).filter((m) => m.endsOn === null || m.endsOn >= today());
  const nameOf = (membershipId: string | null) =>
    (members() ?? []).find((m) => m.membershipId === membershipId)?.personName ?? "";
  const substituteOf = (membershipId: string) =>
    active().find((m) => m.substituteForMembershipId === membershipId) ?? null;

  const reload = async () => {
    await refetch();
    setFindingsKey((k) => k + 1);
  };

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const missing = requiredErrors(values, ["person.name", "startsOn"], t("required"), t("errorTitle"));
    if (missing) return setErrors(missing);
    try {
      await api.members.add.mutate({
        councilId: props.council.id,
        person: {
          name: values["person.name"] ?? "",
          email: optional(values["person.email"]),
          publicName: true,
        },
        side: (values.side ?? "organisation") as "organisation" | "municipal",
        seat: (values.seat ?? "dh") as "dh" | "local_organisation" | "politician" | "official",
        role: (values.role ?? "medlem") as "formand" | "naestformand" | "medlem" | "sekretaer",
        votingRight: checked(form, "votingRight"),
        startsOn: values.startsOn?.trim() ?? "",
        endsOn: optional(values.endsOn) ?? null,
        substituteForMembershipId: optional(values.substituteForMembershipId),
      });
      setErrors(null);
      // Only the person is cleared: side, dates and the rest are often the same for the next member.
      for (const name of ["person.name", "person.email"]) {
        const input = form.elements.namedItem(name);
        if (input instanceof HTMLInputElement) input.value = "";
      }
      await reload();
      announce(t("saved"));
    } catch (error) {
      setErrors(formErrorsOf(error, lang(), fields));
    }
  };

  const end = async (membershipId: string, reason: string) => {
    try {
      await api.members.end.mutate({
        membershipId,
        onDate: today(),
        reason: reason as (typeof membershipEndReasons)[number],
      });
      setErrors(null);
      await reload();
      announce(t("ended"));
    } catch (error) {
      setErrors(formErrorsOf(error, lang()));
    }
  };

  const promote = async (membershipId: string, reason: string) => {
    try {
      await api.members.promoteSubstitute.mutate({
        membershipId,
        onDate: today(),
        reason: reason as (typeof membershipEndReasons)[number],
      });
      setErrors(null);
      await reload();
      announce(t("promoted"));
    } catch (error) {
      setErrors(formErrorsOf(error, lang()));
    }
  };

  return (
    <>
      <p class="breadcrumb">
        <Link to={`/raad/${props.council.id}`}>{props.council.name}</Link>
      </p>
      <PageTitle text={t("membersTitle", { council: props.council.name })}>
        {t("membersTitle", { council: props.council.name })}
      </PageTitle>
      <Show when={findingsKey() >= 0} keyed>
        <Findings councilId={props.council.id} />
      </Show>
      <ErrorSummary errors={errors()} />
      <section aria-labelledby="h-current">
        <h2 id="h-current">{t("currentMembers")}</h2>
        <Show when={members()} fallback={<Loading />}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("side")}</th>
                <th scope="col">{t("seat")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("votingRight")}</th>
                <th scope="col">{t("personalSubstitute")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={active().filter((m) => !m.substituteForMembershipId)}>
                {(m) => (
                  <tr>
                    <th scope="row">{m.personName}</th>
                    <td>{t(`side_${m.side}`)}</td>
                    <td>{t(`seat_${m.seat}`)}</td>
                    <td>{t(`memberRole_${m.role}`)}</td>
                    <td>{m.votingRight ? t("yes") : t("no")}</td>
                    <td>
                      {substituteOf(m.membershipId)?.personName ?? "–"}
                      <Show when={mayEdit(props.council.id)}>
                        <form
                          class="promote"
                          onSubmit={(e) => {
                            e.preventDefault();
                            const reason = formValues(e.currentTarget).reason ?? "resigned";
                            const action = (e.submitter as HTMLButtonElement | null)?.value;
                            void (action === "end"
                              ? end(m.membershipId, reason)
                              : promote(m.membershipId, reason));
                          }}
                        >
                          <label class="form-label" for={`reason-${m.membershipId}`}>
                            {t("endReason")}
                          </label>
                          <select id={`reason-${m.membershipId}`} name="reason" class="form-input">
                            <For each={membershipEndReasons}>
                              {(r) => <option value={r}>{pick(membershipEndReasonLabels[r])}</option>}
                            </For>
                          </select>
                          <button type="submit" class="button button-small button-danger" value="end">
                            {t("endMembership")}
                            <span class="visually-hidden">
                              {t("promoteSuffix", { name: m.personName ?? "" })}
                            </span>
                          </button>
                          <Show when={substituteOf(m.membershipId)}>
                            <button type="submit" class="button button-small" value="promote">
                              {t("promote")}
                              <span class="visually-hidden">
                                {t("promoteSuffix", { name: m.personName ?? "" })}
                              </span>
                            </button>
                          </Show>
                        </form>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </section>
      <section aria-labelledby="h-history">
        <h2 id="h-history">{t("history")}</h2>
        <Show when={members()} fallback={<Loading />}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("period")}</th>
                <th scope="col">{t("substituteFor")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={members()}>
                {(m) => (
                  <tr>
                    <th scope="row">{m.personName}</th>
                    <td>{t(`memberRole_${m.role}`)}</td>
                    <td>
                      {isoDateText(m.startsOn)} – {m.endsOn ? isoDateText(m.endsOn) : t("ongoing")}
                    </td>
                    <td>{m.substituteForMembershipId ? nameOf(m.substituteForMembershipId) : "–"}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </section>
      <Show when={mayEdit(props.council.id)}>
        <section aria-labelledby="h-add-member" class="panel">
          <h2 id="h-add-member">{t("addMemberTitle")}</h2>
          <form onSubmit={add} novalidate>
            <Field name="person.name" label={t("name")} errors={errors()} required />
            <Field name="person.email" label={t("email")} type="email" errors={errors()} />
            <Field
              name="side"
              label={t("side")}
              errors={errors()}
              options={[
                { value: "organisation", label: t("side_organisation") },
                { value: "municipal", label: t("side_municipal") },
              ]}
            />
            <Field
              name="seat"
              label={t("seat")}
              errors={errors()}
              options={(["dh", "local_organisation", "politician", "official"] as const).map((s) => ({
                value: s,
                label: t(`seat_${s}`),
              }))}
            />
            <Field
              name="role"
              label={t("role")}
              value="medlem"
              errors={errors()}
              options={(["medlem", "formand", "naestformand", "sekretaer"] as const).map((r) => ({
                value: r,
                label: t(`memberRole_${r}`),
              }))}
            />
            <Checkbox name="votingRight" label={t("votingRight")} checked />
            <Field
              name="startsOn"
              label={t("startsOn")}
              hint={t("dateHint")}
              value={today()}
              errors={errors()}
              required
            />
            <Field name="endsOn" label={t("endsOn")} hint={t("dateHint")} errors={errors()} />
            <Field
              name="substituteForMembershipId"
              label={t("substituteFor")}
              errors={errors()}
              options={[
                { value: "", label: t("noSubstituteFor") },
                ...active()
                  .filter((m) => !m.substituteForMembershipId)
                  .map((m) => ({ value: m.membershipId, label: m.personName ?? "" })),
              ]}
            />
            <button type="submit" class="button button-primary">
              {t("addMember")}
            </button>
          </form>
        </section>
      </Show>
    </>
  );
}
