import { createMemo, ErrorBoundary, For, lazy, Match, Show, Suspense, Switch } from "solid-js";
import { signOut } from "./api.ts";
import { Link, LiveRegion, LoadFailed, Loading } from "./components/ui.tsx";
import { lang, setLang, t } from "./i18n.ts";
import { navigate, path } from "./navigation.ts";
import { resolve } from "./routes.ts";
import { me, reloadMe } from "./session.ts";
import { Dashboard } from "./views/dashboard.tsx";
import { NotFound } from "./views/not-found.tsx";
import { SignIn } from "./views/sign-in.tsx";

// Everything but sign-in and the dashboard loads on demand, so the first visit stays small.
const CouncilView = lazy(() => import("./views/council.tsx"));
const NewCouncil = lazy(() => import("./views/new-council.tsx"));
const NewMeeting = lazy(() => import("./views/new-meeting.tsx"));
const MeetingView = lazy(() => import("./views/meeting.tsx"));
const NewHearing = lazy(() => import("./views/new-hearing.tsx"));
const HearingView = lazy(() => import("./views/hearing.tsx"));
const MembersView = lazy(() => import("./views/members.tsx"));
const AuditView = lazy(() => import("./views/audit.tsx"));
const EmailFailuresView = lazy(() => import("./views/email-failures.tsx"));
const ChatChannelsView = lazy(() => import("./views/chat-channels.tsx"));
const PolicyEditor = lazy(() => import("./views/policy.tsx"));
const PartnershipsView = lazy(() => import("./views/partnerships.tsx"));
const CoCreationVoteView = lazy(() =>
  import("./views/co-creation-vote.tsx").then((m) => ({ default: m.CoCreationVote })),
);
const CoCreationList = lazy(() =>
  import("./views/co-creation.tsx").then((m) => ({ default: m.CoCreationList })),
);
const CoCreationProcess = lazy(() =>
  import("./views/co-creation.tsx").then((m) => ({ default: m.CoCreationProcess })),
);
const EvaluationsList = lazy(() =>
  import("./views/evaluations.tsx").then((m) => ({ default: m.EvaluationsList })),
);
const EvaluationView = lazy(() =>
  import("./views/evaluations.tsx").then((m) => ({ default: m.EvaluationView })),
);
const EvaluationReport = lazy(() =>
  import("./views/evaluations.tsx").then((m) => ({ default: m.EvaluationReport })),
);
const PartnershipInvitation = lazy(() => import("./views/partnership-invitation.tsx"));

export function App() {
  const route = createMemo(() => resolve(path()));
  const p = (key: string) => route().params[key] ?? "";

  const doSignOut = async () => {
    await signOut();
    await reloadMe();
    navigate("/log-ind");
  };

  return (
    <>
      <a class="skip-link" href="#main">
        {t("skipLink")}
      </a>
      <header class="header">
        <div class="container header-row">
          <p class="brand">
            <Link to="/">
              {t("appName")} <span class="brand-sub">{t("appSub")}</span>
            </Link>
          </p>
          <div class="header-tools">
            <button
              type="button"
              class="button button-link"
              lang={lang() === "da" ? "en" : "da"}
              onClick={() => setLang(lang() === "da" ? "en" : "da")}
            >
              {t("switchLang")}
            </button>
            <Show when={me()}>
              {(user) => (
                <>
                  <span class="user">{t("signedInAs", { name: user().name })}</span>
                  <button type="button" class="button button-secondary" onClick={doSignOut}>
                    {t("signOut")}
                  </button>
                </>
              )}
            </Show>
          </div>
        </div>
        <Show when={me()}>
          {(user) => (
            <nav class="nav" aria-label={t("navMain")}>
              <ul class="container">
                <li>
                  <Link to="/">{t("navDashboard")}</Link>
                </li>
                <For each={user().councils}>
                  {(c) => (
                    <li>
                      <Link to={`/raad/${c.id}`}>
                        {c.name}
                        <Show when={user().municipalities.length > 1}>
                          {" "}
                          ({user().municipalities.find((m) => m.id === c.municipalityId)?.name})
                        </Show>
                      </Link>
                    </li>
                  )}
                </For>
                <Show when={user().grants.some((g) => g.role === "administrator" || g.role === "partner")}>
                  <li>
                    <Link to="/partnerskaber">{lang() === "da" ? "Partnerskaber" : "Partnerships"}</Link>
                  </li>
                </Show>
                <Show when={user().grants.some((g) => g.role === "administrator" || g.role === "partner")}>
                  <li>
                    <Link to="/evalueringer">{lang() === "da" ? "Evalueringer" : "Evaluations"}</Link>
                  </li>
                </Show>
                <Show when={user().grants.some((g) => g.role === "administrator" || g.role === "secretary")}>
                  <li>
                    <Link to="/samskabelse">{lang() === "da" ? "Samskabelse" : "Co-creation"}</Link>
                  </li>
                </Show>
                <Show when={user().municipalities.some((m) => m.canAdminister)}>
                  <li>
                    <Link to="/raad/nyt">{t("newCouncilTitle")}</Link>
                  </li>
                  <li>
                    <Link to="/log">{t("navAudit")}</Link>
                  </li>
                  <li>
                    <Link to="/e-mail/fejlede">{lang() === "da" ? "Fejlede e-mails" : "Failed emails"}</Link>
                  </li>
                </Show>
              </ul>
            </nav>
          )}
        </Show>
      </header>
      <main id="main" class="container" tabindex="-1">
        <ErrorBoundary fallback={(error) => <LoadFailed error={error} />}>
          <Suspense fallback={<Loading />}>
            <Show when={!me.loading || me.latest !== undefined} fallback={<Loading />}>
              <Show
                when={me() || route().name === "signIn" || route().name === "invitation"}
                fallback={<SignIn />}
              >
                <Switch fallback={<NotFound />}>
                  <Match when={route().name === "signIn"}>
                    <SignIn />
                  </Match>
                  <Match when={route().name === "dashboard"}>
                    <Dashboard />
                  </Match>
                  <Match when={route().name === "newCouncil"}>
                    <NewCouncil />
                  </Match>
                  <Match when={route().name === "council"}>
                    <CouncilView councilId={p("councilId")} />
                  </Match>
                  <Match when={route().name === "newMeeting"}>
                    <NewMeeting councilId={p("councilId")} />
                  </Match>
                  <Match when={route().name === "meeting"}>
                    <MeetingView meetingId={p("meetingId")} />
                  </Match>
                  <Match when={route().name === "newHearing"}>
                    <NewHearing councilId={p("councilId")} />
                  </Match>
                  <Match when={route().name === "hearing"}>
                    <HearingView hearingId={p("hearingId")} />
                  </Match>
                  <Match when={route().name === "members"}>
                    <MembersView councilId={p("councilId")} />
                  </Match>
                  <Match when={route().name === "chatChannels"}>
                    <ChatChannelsView councilId={p("councilId")} />
                  </Match>
                  <Match when={route().name === "audit"}>
                    <AuditView />
                  </Match>
                  <Match when={route().name === "emailFailures"}>
                    <EmailFailuresView />
                  </Match>
                  <Match when={route().name === "policy"}>
                    <PolicyEditor councilId={p("councilId")} />
                  </Match>
                  <Match when={route().name === "invitation"}>
                    <PartnershipInvitation />
                  </Match>
                  <Match when={route().name === "evaluations"}>
                    <EvaluationsList />
                  </Match>
                  <Match when={route().name === "evaluation"}>
                    <EvaluationView evaluationId={p("evaluationId")} />
                  </Match>
                  <Match when={route().name === "evaluationReport"}>
                    <EvaluationReport evaluationId={p("evaluationId")} />
                  </Match>
                  <Match when={route().name === "partnerships"}>
                    <PartnershipsView />
                  </Match>
                  <Match when={route().name === "partnership"}>
                    <PartnershipsView partnershipId={p("partnershipId")} />
                  </Match>
                  <Match when={route().name === "coCreationVote"}>
                    <CoCreationVoteView processId={p("processId")} />
                  </Match>
                  <Match when={route().name === "coCreation"}>
                    <CoCreationList />
                  </Match>
                  <Match when={route().name === "coCreationProcess"}>
                    <CoCreationProcess processId={p("processId")} />
                  </Match>
                </Switch>
              </Show>
            </Show>
          </Suspense>
        </ErrorBoundary>
      </main>
      <LiveRegion />
    </>
  );
}
