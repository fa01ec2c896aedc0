import { createResource, createSignal, For, Show } from "solid-js";
import { api } from "../api.ts";
import { announce, ErrorSummary, Field, formValues, Link, optional } from "../components/ui.tsx";
import { type FormErrors, formErrorsOf, withPrefix } from "../form-errors.ts";
import { dateText } from "../format.ts";
import { lang, pick } from "../i18n.ts";
import { ct } from "./co-creation-messages.ts";

/*
 * What a process led to, on its admin page: the cooperation agreement (a partnership of kind "cooperation",
 * drafted, signed and exported in the partnership view this section links to) and the follow-up actions in
 * the disability policy's action plan.
 */

type Outcome = Awaited<ReturnType<typeof api.coCreationOutcome.get.query>>;

export function ProcessOutcome(props: { processId: string; municipalityId: string }) {
  const [outcome, { refetch }] = createResource(
    () => props.processId,
    (processId) => api.coCreationOutcome.get.query({ processId }),
  );
  return (
    <section aria-labelledby="outcome">
      <h2 id="outcome">{ct("outcome")}</h2>
      <Show when={outcome.latest}>
        {(o) => (
          <>
            <Agreement outcome={o()} processId={props.processId} reload={refetch} />
            <FollowUps
              outcome={o()}
              processId={props.processId}
              municipalityId={props.municipalityId}
              reload={refetch}
            />
          </>
        )}
      </Show>
    </section>
  );
}

function Agreement(props: { outcome: Outcome; processId: string; reload: () => unknown }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const prefix = "agreement.";
  return (
    <Show
      when={props.outcome.agreement}
      fallback={
        <Show when={props.outcome.canStartAgreement} fallback={<p>{ct("noAgreement")}</p>}>
          <ErrorSummary errors={errors()} />
          <form
            novalidate
            onSubmit={async (e) => {
              e.preventDefault();
              const v = formValues(e.currentTarget);
              const organisations = (v[`${prefix}organisations`] ?? "")
                .split("\n")
                .map((line) => line.trim())
                .filter((line) => line !== "");
              try {
                await api.coCreationOutcome.startAgreement.mutate({
                  processId: props.processId,
                  title: optional(v[`${prefix}title`]),
                  organisations,
                });
                setErrors(null);
                announce(ct("saved"));
                await props.reload();
              } catch (error) {
                // Each organisation is a line of one box: an error about the third is an error about the box.
                const found = formErrorsOf(
                  error,
                  lang(),
                  ["title", "organisations"].concat(organisations.map((_, i) => `organisations.${i}`)),
                );
                setErrors(withPrefix(found, prefix, (f) => f.replace(/\.\d+$/, "")));
              }
            }}
          >
            <Field
              name={`${prefix}title`}
              label={ct("agreementTitle")}
              hint={ct("agreementTitleHint")}
              errors={errors()}
            />
            <Field
              name={`${prefix}organisations`}
              label={ct("organisations")}
              hint={ct("organisationsHint")}
              errors={errors()}
              multiline
              rows={3}
              required
            />
            <button type="submit" class="button button-primary">
              {ct("startAgreement")}
            </button>
          </form>
        </Show>
      }
    >
      {(a) => (
        <>
          <p data-testid="agreement-status">
            {ct("agreementLine", { title: a().title, status: pick(a().statusLabel) })}
          </p>
          <ul>
            <For each={a().signatures}>
              {(s) => (
                <li>{ct("signedBy", { name: s.name, capacity: s.capacity, date: dateText(s.signedAt) })}</li>
              )}
            </For>
          </ul>
          <Show when={a().missing.length > 0}>
            <p>{ct("missingSignatures", { names: a().missing.join(", ") })}</p>
          </Show>
          <Show when={a().signatures.length === 0 && a().missing.length === 0}>
            <p>{ct("noSignatories")}</p>
          </Show>
          <p class="form-hint">{ct("agreementPublic")}</p>
          <p>
            <Link to={`/partnerskaber/${a().id}`}>{ct("openAgreement")}</Link>
          </p>
        </>
      )}
    </Show>
  );
}

function FollowUps(props: {
  outcome: Outcome;
  processId: string;
  municipalityId: string;
  reload: () => unknown;
}) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [policies] = createResource(
    () => props.municipalityId,
    (municipalityId) => api.policy.list.query({ municipalityId }),
  );
  const [policyId, setPolicyId] = createSignal<string | null>(null);
  const chosen = () => policyId() ?? policies()?.[0]?.id ?? null;
  const [plan] = createResource(chosen, (id) => api.policy.get.query({ policyId: id }));
  const linked = () => new Set(props.outcome.followUps.map((a) => a.id));
  const run = async (
    action: () => Promise<unknown>,
    fields: string[],
    prefix: string,
    form?: HTMLFormElement,
  ) => {
    try {
      await action();
      setErrors(null);
      form?.reset();
      announce(ct("saved"));
      await props.reload();
    } catch (error) {
      setErrors(withPrefix(formErrorsOf(error, lang(), fields), prefix));
    }
  };
  return (
    <>
      <h3>{ct("followUps")}</h3>
      <Show when={props.outcome.followUps.length > 0} fallback={<p>{ct("noFollowUps")}</p>}>
        <ul>
          <For each={props.outcome.followUps}>
            {(a) => (
              <li>
                {a.handling} <span class="meta">({a.policyTitle})</span>{" "}
                <button
                  type="button"
                  class="button button-link"
                  onClick={() =>
                    run(
                      () =>
                        api.coCreationOutcome.setFollowUp.mutate({
                          processId: props.processId,
                          actionId: a.id,
                          linked: false,
                        }),
                      [],
                      "",
                    )
                  }
                >
                  {ct("unlinkFollowUp", { handling: a.handling })}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ErrorSummary errors={errors()} />
      <Show when={(policies() ?? []).length > 0}>
        <div class="form-group">
          <label class="form-label" for="f-follow-up-policy">
            {ct("policy")}
          </label>
          <select
            id="f-follow-up-policy"
            class="form-input"
            onChange={(e) => setPolicyId(e.currentTarget.value)}
          >
            <For each={policies()}>
              {(p) => (
                <option value={p.id} selected={p.id === chosen()}>
                  {p.title}
                </option>
              )}
            </For>
          </select>
        </div>
        <details>
          <summary>{ct("addFollowUp")}</summary>
          <form
            novalidate
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const v = formValues(form);
              return run(
                () =>
                  api.policy.addAction.mutate({
                    policyId: chosen() ?? "",
                    coCreationProcessId: props.processId,
                    handling: v["follow-up.handling"] ?? "",
                    ownerName: optional(v["follow-up.ownerName"]),
                    dueOn: optional(v["follow-up.dueOn"]),
                  }),
                ["handling", "ownerName", "dueOn"],
                "follow-up.",
                form,
              );
            }}
          >
            <Field
              name="follow-up.handling"
              label={ct("handling")}
              errors={errors()}
              multiline
              rows={2}
              required
            />
            <Field name="follow-up.ownerName" label={ct("ownerName")} errors={errors()} />
            <Field name="follow-up.dueOn" label={ct("dueOn")} errors={errors()} />
            <button type="submit" class="button button-primary">
              {ct("addFollowUp")}
            </button>
          </form>
        </details>
        <Show when={(plan()?.actions ?? []).some((a) => !linked().has(a.id))}>
          <details>
            <summary>{ct("linkFollowUp")}</summary>
            <form
              novalidate
              onSubmit={(e) => {
                e.preventDefault();
                const actionId = formValues(e.currentTarget)["link.actionId"] ?? "";
                return run(
                  () =>
                    api.coCreationOutcome.setFollowUp.mutate({
                      processId: props.processId,
                      actionId,
                      linked: true,
                    }),
                  ["actionId"],
                  "link.",
                );
              }}
            >
              <Field
                name="link.actionId"
                label={ct("existingAction")}
                errors={errors()}
                options={(plan()?.actions ?? [])
                  .filter((a) => !linked().has(a.id))
                  .map((a) => ({ value: a.id, label: a.handling }))}
              />
              <button type="submit" class="button button-secondary">
                {ct("link")}
              </button>
            </form>
          </details>
        </Show>
      </Show>
    </>
  );
}
