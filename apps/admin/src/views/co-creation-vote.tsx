import { allocationLabels, outcomeLabels } from "@samraad/domain/co-creation";
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
import { type FormErrors, formErrorsOf } from "../form-errors.ts";
import { lang, pick } from "../i18n.ts";
import { me } from "../session.ts";
import { fieldsOf } from "./co-creation-form.tsx";
import { OidcProviderSettings } from "./co-creation-oidc.tsx";

/*
 * Organising a citizen-run budget: moderate the ideas, set up the vote and its ballot, print ballot codes as a
 * PDF sheet, close the vote and publish the result. The API decides what is allowed (e.g. no totals while the
 * vote is open); this view shows what it answers.
 */

type Overview = Awaited<ReturnType<typeof api.coCreationVotes.overview.query>>;
type Idea = Overview["ideas"][number];

const tx = {
  title: { da: "Forslag og afstemning", en: "Ideas and vote" },
  back: { da: "Tilbage til forløbet", en: "Back to the process" },
  ideas: { da: "Forslag", en: "Ideas" },
  noIdeas: { da: "Der er ingen forslag endnu.", en: "There are no ideas yet." },
  status: {
    pending: { da: "Afventer", en: "Pending" },
    published: { da: "Offentliggjort", en: "Published" },
    rejected: { da: "Afvist", en: "Rejected" },
    merged: { da: "Lagt sammen", en: "Merged" },
  },
  publish: { da: "Offentliggør", en: "Publish" },
  reject: { da: "Afvis", en: "Reject" },
  reason: { da: "Begrundelse til forslagsstilleren", en: "Reason for the author" },
  merge: { da: "Læg sammen med", en: "Merge into" },
  mergeButton: { da: "Læg sammen", en: "Merge" },
  anonymous: { da: "Anonym", en: "Anonymous" },
  setup: { da: "Opsæt afstemningen", en: "Set up the vote" },
  voteTitle: { da: "Afstemningens titel", en: "Title of the vote" },
  area: { da: "Område", en: "Area" },
  budget: { da: "Beløb i kroner", en: "Amount in kroner" },
  allocation: { da: "Fordeling", en: "Allocation" },
  winnersCount: { da: "Antal vindere (kun ved flest stemmer)", en: "Number of winners (most votes only)" },
  maxChoices: { da: "Hvor mange forslag må hver vælge", en: "How many ideas each voter may choose" },
  minAge: { da: "Aldersgrænse (valgfri)", en: "Age limit (optional)" },
  residence: { da: "Vælgeren skal bo i området", en: "The voter must live in the area" },
  signInWithOidc: {
    da: "Vælgerne kan også logge ind og stemme (OpenID Connect, fx MitID)",
    en: "Voters can also sign in and vote (OpenID Connect, e.g. MitID)",
  },
  allowRevote: {
    da: "Vælgere, der logger ind, kan ændre deres stemme, indtil afstemningen lukker",
    en: "Voters who sign in can change their vote until the vote closes",
  },
  opensOn: { da: "Åbner dato (ÅÅÅÅ-MM-DD)", en: "Opens on (YYYY-MM-DD)" },
  opensAt: { da: "Åbner kl. (TT:MM)", en: "Opens at (HH:MM)" },
  closesOn: { da: "Lukker dato (ÅÅÅÅ-MM-DD)", en: "Closes on (YYYY-MM-DD)" },
  closesAt: { da: "Lukker kl. (TT:MM)", en: "Closes at (HH:MM)" },
  ballot: { da: "Forslag på stemmesedlen", en: "Ideas on the ballot" },
  onBallot: { da: "På stemmesedlen", en: "On the ballot" },
  cost: { da: "Pris i kroner", en: "Cost in kroner" },
  save: { da: "Gem afstemningen", en: "Save the vote" },
  saved: { da: "Afstemningen er gemt", en: "The vote is saved" },
  frozen: {
    da: "Afstemningen er åbnet; stemmesedlen kan ikke længere ændres.",
    en: "The vote has opened; the ballot can no longer be changed.",
  },
  phase: {
    upcoming: { da: "Ikke åbnet endnu", en: "Not open yet" },
    open: { da: "Åben", en: "Open" },
    closed: { da: "Lukket", en: "Closed" },
  },
  codes: { da: "Stemmekoder", en: "Ballot codes" },
  batch: { da: "Bunke", en: "Batch" },
  codesCount: { da: "Koder", en: "Codes" },
  used: { da: "Brugt", en: "Used" },
  pdf: { da: "Hent PDF til print", en: "Download PDF to print" },
  newCodes: { da: "Antal nye koder", en: "Number of new codes" },
  generate: { da: "Lav stemmekoder", en: "Make ballot codes" },
  generated: { da: "Stemmekoderne er lavet", en: "The ballot codes are made" },
  turnout: { da: "Deltagelse", en: "Turnout" },
  ballots: { da: "stemmer afgivet", en: "votes cast" },
  noTotals: {
    da: "Stemmetallene vises først, når afstemningen er lukket.",
    en: "The totals are shown only once the vote has closed.",
  },
  close: { da: "Luk afstemningen nu", en: "Close the vote now" },
  closed: { da: "Afstemningen er lukket", en: "The vote is closed" },
  publishResult: { da: "Offentliggør resultatet", en: "Publish the result" },
  resultPublished: { da: "Resultatet er offentliggjort", en: "The result is published" },
  result: { da: "Resultat", en: "Result" },
  votes: { da: "Stemmer", en: "Votes" },
  outcome: { da: "Udfald", en: "Outcome" },
  csv: { da: "Hent de anonyme stemmesedler (CSV)", en: "Download the anonymous ballots (CSV)" },
  assisted: { da: "Assisteret afstemning på tablet", en: "Assisted voting on a tablet" },
  assistedHint: {
    da: "Kontrollér vælgerens alder og bopæl. Åbn derefter stemmesedlen med en ny kode, og lad vælgeren stemme alene.",
    en: "Check the voter's age and residence. Then open the ballot with a new code and let the voter vote alone.",
  },
  eligibilityChecked: {
    da: "Jeg har kontrolleret, at vælgeren må stemme",
    en: "I have checked that the voter may vote",
  },
  openBallot: { da: "Åbn stemmesedlen med en ny kode", en: "Open the ballot with a new code" },
  tablet: { da: "Tablet", en: "Tablet" },
};

function download(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CoCreationVote(props: { processId: string }) {
  const [view, { refetch }] = createResource(
    () => props.processId,
    (processId) => api.coCreationVotes.overview.query({ processId }),
  );
  return (
    <Show when={!view.error} fallback={<LoadFailed error={view.error} />}>
      <Show when={view()} fallback={<Loading />}>
        {(v) => (
          <>
            <PageTitle text={`${pick(tx.title)}: ${v().process.title}`}>
              {pick(tx.title)}: {v().process.title}
            </PageTitle>
            <p>
              <Link to={`/samskabelse/${props.processId}`}>{pick(tx.back)}</Link>
            </p>
            <Ideas ideas={v().ideas} reload={refetch} />
            <VoteStatus overview={v()} reload={refetch} />
            <Show when={!v().vote || v().phase === "upcoming"} fallback={<p>{pick(tx.frozen)}</p>}>
              <VoteSetup overview={v()} processId={props.processId} reload={refetch} />
            </Show>
            <Show when={me()?.municipalities.find((m) => m.id === v().process.municipalityId)?.canAdminister}>
              <OidcProviderSettings municipalityId={v().process.municipalityId} />
            </Show>
          </>
        )}
      </Show>
    </Show>
  );
}

function Ideas(props: { ideas: Idea[]; reload: () => void }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const published = () => props.ideas.filter((i) => i.status === "published");
  const moderate = async (
    ideaId: string,
    moderation: Parameters<typeof api.coCreationVotes.moderateIdea.mutate>[0]["moderation"],
  ) => {
    try {
      await api.coCreationVotes.moderateIdea.mutate({ ideaId, moderation });
      setErrors(null);
      announce(
        pick(
          tx.status[
            moderation.decision === "publish"
              ? "published"
              : moderation.decision === "reject"
                ? "rejected"
                : "merged"
          ],
        ),
      );
      props.reload();
    } catch (error) {
      setErrors(formErrorsOf(error, lang()));
    }
  };
  return (
    <section aria-labelledby="ideas-heading">
      <h2 id="ideas-heading">{pick(tx.ideas)}</h2>
      <ErrorSummary errors={errors()} />
      <Show when={props.ideas.length > 0} fallback={<p>{pick(tx.noIdeas)}</p>}>
        <ul class="plain-list">
          <For each={props.ideas}>
            {(idea) => (
              <li>
                <h3>{idea.title}</h3>
                <p>
                  <span class="tag">{pick(tx.status[idea.status])}</span>{" "}
                  {idea.showName && idea.authorName ? idea.authorName : pick(tx.anonymous)}
                  {idea.estimatedCost !== null ? ` · ${idea.estimatedCost.toLocaleString("da-DK")} kr.` : ""}
                </p>
                <p>{idea.description}</p>
                <Show when={idea.rejectionReason}>{(r) => <p>{r()}</p>}</Show>
                <Show when={idea.status !== "merged"}>
                  <div class="actions">
                    <Show when={idea.status !== "published"}>
                      <button
                        type="button"
                        class="button"
                        onClick={() => moderate(idea.id, { decision: "publish" })}
                      >
                        {pick(tx.publish)} <span class="sr-only">{idea.title}</span>
                      </button>
                    </Show>
                    <Show when={idea.status !== "rejected"}>
                      <form
                        class="inline-form"
                        onSubmit={(e) => {
                          e.preventDefault();
                          moderate(idea.id, {
                            decision: "reject",
                            reason: formValues(e.currentTarget).reason ?? "",
                          });
                        }}
                      >
                        <label class="form-label" for={`reason-${idea.id}`}>
                          {pick(tx.reason)} <span class="sr-only">({idea.title})</span>
                        </label>
                        <input class="form-input" id={`reason-${idea.id}`} name="reason" type="text" />
                        <button type="submit" class="button">
                          {pick(tx.reject)} <span class="sr-only">{idea.title}</span>
                        </button>
                      </form>
                    </Show>
                    <Show when={published().some((p) => p.id !== idea.id)}>
                      <form
                        class="inline-form"
                        onSubmit={(e) => {
                          e.preventDefault();
                          moderate(idea.id, {
                            decision: "merge",
                            intoId: formValues(e.currentTarget).intoId ?? "",
                          });
                        }}
                      >
                        <label class="form-label" for={`merge-${idea.id}`}>
                          {pick(tx.merge)} <span class="sr-only">({idea.title})</span>
                        </label>
                        <select class="form-input" id={`merge-${idea.id}`} name="intoId">
                          <For each={published().filter((p) => p.id !== idea.id)}>
                            {(p) => <option value={p.id}>{p.title}</option>}
                          </For>
                        </select>
                        <button type="submit" class="button">
                          {pick(tx.mergeButton)} <span class="sr-only">{idea.title}</span>
                        </button>
                      </form>
                    </Show>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function VoteSetup(props: { overview: Overview; processId: string; reload: () => void }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const vote = () => props.overview.vote;
  const published = () => props.overview.ideas.filter((i) => i.status === "published");
  const onBallot = (ideaId: string) => props.overview.options.find((o) => o.ideaId === ideaId);
  const local = (d: string | Date | undefined, part: "date" | "time") => {
    if (!d) return "";
    const parts = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Copenhagen",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }).format(new Date(d));
    const [date, time] = parts.split(" ");
    return part === "date" ? (date ?? "") : (time ?? "");
  };
  const submit = async (form: HTMLFormElement) => {
    const v = formValues(form);
    const options = published()
      .filter((i) => checked(form, `ballot-${i.id}`))
      .map((i) => ({ ideaId: i.id, cost: Number((v[`cost-${i.id}`] ?? "0").replace(/[\s.]/g, "")) }));
    try {
      await api.coCreationVotes.setup.mutate({
        processId: props.processId,
        vote: {
          title: v.title ?? "",
          area: v.area ?? "",
          budgetKroner: (v.budgetKroner ?? "") as never,
          allocation: (v.allocation ?? "knapsack") as "knapsack" | "top_n",
          winnersCount: optional(v.winnersCount) as never,
          maxChoices: (v.maxChoices ?? "") as never,
          minAge: optional(v.minAge) as never,
          residenceRequired: checked(form, "residenceRequired"),
          allowRevote: checked(form, "allowRevote"),
          signInWithOidc: checked(form, "signInWithOidc"),
          opensOn: v.opensOn ?? "",
          opensAtTime: v.opensAtTime ?? "",
          closesOn: v.closesOn ?? "",
          closesAtTime: v.closesAtTime ?? "",
        },
        options,
      });
      setErrors(null);
      announce(pick(tx.saved));
      props.reload();
    } catch (error) {
      setErrors(fieldsOf(formErrorsOf(error, lang()), "vote"));
    }
  };
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading">{pick(tx.setup)}</h2>
      <ErrorSummary errors={errors()} />
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        <Field name="title" label={pick(tx.voteTitle)} errors={errors()} value={vote()?.title ?? ""} />
        <Field name="area" label={pick(tx.area)} errors={errors()} value={vote()?.area ?? ""} />
        <Field
          name="budgetKroner"
          label={pick(tx.budget)}
          errors={errors()}
          value={vote() ? String(vote()?.budgetKroner) : ""}
        />
        <Field
          name="allocation"
          label={pick(tx.allocation)}
          errors={errors()}
          value={vote()?.allocation ?? "knapsack"}
          options={(["knapsack", "top_n"] as const).map((a) => ({
            value: a,
            label: pick(allocationLabels[a]),
          }))}
        />
        <Field
          name="winnersCount"
          label={pick(tx.winnersCount)}
          errors={errors()}
          value={vote()?.winnersCount ? String(vote()?.winnersCount) : ""}
        />
        <Field
          name="maxChoices"
          label={pick(tx.maxChoices)}
          errors={errors()}
          value={vote() ? String(vote()?.maxChoices) : "1"}
        />
        <Field
          name="minAge"
          label={pick(tx.minAge)}
          errors={errors()}
          value={vote()?.minAge ? String(vote()?.minAge) : ""}
        />
        <Checkbox
          name="residenceRequired"
          label={pick(tx.residence)}
          checked={vote()?.residenceRequired ?? true}
        />
        <Checkbox
          name="signInWithOidc"
          label={pick(tx.signInWithOidc)}
          checked={vote()?.signInWithOidc ?? false}
        />
        <Checkbox name="allowRevote" label={pick(tx.allowRevote)} checked={vote()?.allowRevote ?? false} />
        <Field
          name="opensOn"
          label={pick(tx.opensOn)}
          errors={errors()}
          value={local(vote()?.opensAt, "date")}
        />
        <Field
          name="opensAtTime"
          label={pick(tx.opensAt)}
          errors={errors()}
          value={local(vote()?.opensAt, "time")}
        />
        <Field
          name="closesOn"
          label={pick(tx.closesOn)}
          errors={errors()}
          value={local(vote()?.closesAt, "date")}
        />
        <Field
          name="closesAtTime"
          label={pick(tx.closesAt)}
          errors={errors()}
          value={local(vote()?.closesAt, "time")}
        />
        <fieldset class="form-fieldset">
          <legend>{pick(tx.ballot)}</legend>
          <For each={published()}>
            {(idea) => (
              <div class="ballot-option">
                <Checkbox
                  name={`ballot-${idea.id}`}
                  label={`${pick(tx.onBallot)}: ${idea.title}`}
                  checked={!!onBallot(idea.id)}
                />
                <Field
                  name={`cost-${idea.id}`}
                  label={`${pick(tx.cost)}: ${idea.title}`}
                  errors={errors()}
                  value={String(onBallot(idea.id)?.cost ?? idea.estimatedCost ?? 0)}
                />
              </div>
            )}
          </For>
        </fieldset>
        <button type="submit" class="button button-primary">
          {pick(tx.save)}
        </button>
      </form>
    </section>
  );
}

function VoteStatus(props: { overview: Overview; reload: () => void }) {
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const act = async (work: () => Promise<unknown>, done: { da: string; en: string }) => {
    try {
      await work();
      setErrors(null);
      announce(pick(done));
      props.reload();
    } catch (error) {
      setErrors(formErrorsOf(error, lang()));
    }
  };
  return (
    <Show when={props.overview.vote}>
      {(vote) => (
        <section aria-labelledby="vote-heading">
          <h2 id="vote-heading">
            {vote().title} <span class="tag">{pick(tx.phase[props.overview.phase ?? "upcoming"])}</span>
          </h2>
          <ErrorSummary errors={errors()} />
          <p>
            {pick(tx.turnout)}: {props.overview.turnout?.ballots ?? 0} {pick(tx.ballots)}
          </p>
          <h3>{pick(tx.codes)}</h3>
          <Show when={props.overview.batches.length > 0}>
            <table class="table">
              <caption class="sr-only">{pick(tx.codes)}</caption>
              <thead>
                <tr>
                  <th scope="col">{pick(tx.batch)}</th>
                  <th scope="col">{pick(tx.codesCount)}</th>
                  <th scope="col">{pick(tx.used)}</th>
                  <th scope="col">PDF</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.overview.batches}>
                  {(b) => (
                    <tr>
                      <th scope="row">{b.batch === 0 ? pick(tx.tablet) : b.batch}</th>
                      <td>{b.codes}</td>
                      <td>{b.used}</td>
                      <td>
                        <Show when={b.batch > 0}>
                          <button
                            type="button"
                            class="button"
                            onClick={() =>
                              act(async () => {
                                const sheet = await api.coCreationVotes.codeSheet.query({
                                  voteId: vote().id,
                                  batch: b.batch,
                                  origin: window.location.origin,
                                });
                                const bytes = Uint8Array.from(atob(sheet.base64), (c) => c.charCodeAt(0));
                                download(sheet.filename, new Blob([bytes], { type: "application/pdf" }));
                              }, tx.pdf)
                            }
                          >
                            {pick(tx.pdf)}{" "}
                            <span class="sr-only">
                              ({pick(tx.batch)} {b.batch})
                            </span>
                          </button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
          <Show when={props.overview.phase !== "closed"}>
            <form
              novalidate
              onSubmit={(e) => {
                e.preventDefault();
                const count = Number(formValues(e.currentTarget).count);
                act(
                  () => api.coCreationVotes.generateCodes.mutate({ voteId: vote().id, count }),
                  tx.generated,
                );
              }}
            >
              <Field name="count" label={pick(tx.newCodes)} errors={errors()} value="50" type="number" />
              <button type="submit" class="button">
                {pick(tx.generate)}
              </button>
            </form>
          </Show>
          <Show when={props.overview.phase === "open"}>
            <h3>{pick(tx.assisted)}</h3>
            <p>{pick(tx.assistedHint)}</p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const form = e.currentTarget;
                act(async () => {
                  const { path } = await api.coCreationVotes.assistedCode.mutate({
                    voteId: vote().id,
                    eligibilityChecked: checked(form, "eligibilityChecked") as true,
                  });
                  window.location.assign(path);
                }, tx.openBallot);
              }}
            >
              <Checkbox name="eligibilityChecked" label={pick(tx.eligibilityChecked)} />
              <button type="submit" class="button">
                {pick(tx.openBallot)}
              </button>
            </form>
            <p>{pick(tx.noTotals)}</p>
            <button
              type="button"
              class="button"
              onClick={() => act(() => api.coCreationVotes.close.mutate({ voteId: vote().id }), tx.closed)}
            >
              {pick(tx.close)}
            </button>
          </Show>
          <Show when={props.overview.result}>
            {(result) => (
              <>
                <h3>{pick(tx.result)}</h3>
                <table class="table">
                  <caption class="sr-only">{pick(tx.result)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{pick(tx.ideas)}</th>
                      <th scope="col">{pick(tx.votes)}</th>
                      <th scope="col">{pick(tx.outcome)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={result().options}>
                      {(o) => (
                        <tr>
                          <td>{o.rank}</td>
                          <th scope="row">{o.title}</th>
                          <td>{o.votes}</td>
                          <td>{pick(outcomeLabels[o.outcome])}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <p>
                  <button
                    type="button"
                    class="button"
                    onClick={() =>
                      act(async () => {
                        const { filename, csv } = await api.coCreationVotes.exportBallots.query({
                          voteId: vote().id,
                        });
                        download(filename, new Blob([`\uFEFF${csv}`], { type: "text/csv" }));
                      }, tx.csv)
                    }
                  >
                    {pick(tx.csv)}
                  </button>
                </p>
                <Show when={!vote().resultsPublishedAt}>
                  <button
                    type="button"
                    class="button button-primary"
                    onClick={() =>
                      act(
                        () => api.coCreationVotes.publishResults.mutate({ voteId: vote().id }),
                        tx.resultPublished,
                      )
                    }
                  >
                    {pick(tx.publishResult)}
                  </button>
                </Show>
              </>
            )}
          </Show>
        </section>
      )}
    </Show>
  );
}
