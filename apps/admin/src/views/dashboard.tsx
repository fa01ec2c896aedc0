import { createResource, For } from "solid-js";
import { api } from "../api.ts";
import { HearingListItem } from "../components/hearing-list-item.tsx";
import { ItemList, Link, PageTitle } from "../components/ui.tsx";
import { dateTimeText, relativeText, weekdayDateTimeText } from "../format.ts";
import { pick, t } from "../i18n.ts";
import { me } from "../session.ts";

/** Where a deadline is worked on in the admin app; every kind of target has its screen. */
const deadlineLink = (d: { councilId: string; target: { type: string; id: string } }) => {
  switch (d.target.type) {
    case "meeting":
      return `/moeder/${d.target.id}`;
    case "hearing":
      return `/hoeringer/${d.target.id}`;
    case "policy":
    case "action":
      return `/raad/${d.councilId}/handicappolitik`;
    case "co_creation_process":
      return `/samskabelse/${d.target.id}`;
    default:
      return "/partnerskaber";
  }
};

export function Dashboard() {
  const now = new Date();
  const [deadlines] = createResource(() => api.deadlines.mine.query({ horizonDays: 60, limit: 20 }));
  const [work] = createResource(
    () => me()?.councils,
    async (councils) => {
      const perCouncil = await Promise.all(
        councils.map(async (c) => {
          const [meetings, hearings] = await Promise.all([
            api.meetings.list.query({ councilId: c.id }),
            api.hearings.list.query({ councilId: c.id }),
          ]);
          return { council: c, meetings, hearings };
        }),
      );
      const meetings = perCouncil
        .flatMap(({ council, meetings }) => meetings.map((m) => ({ ...m, councilName: council.name })))
        .filter((m) => m.status !== "cancelled" && new Date(m.startsAt).getTime() >= now.getTime())
        .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime())
        .slice(0, 5);
      const hearings = perCouncil
        .flatMap(({ council, hearings }) => hearings.map((h) => ({ ...h, councilName: council.name })))
        .filter((h) => h.status !== "answered")
        // Overdue first: they are the ones that need someone now.
        .sort(
          (a, b) =>
            Number(b.status === "overdue") - Number(a.status === "overdue") ||
            new Date(a.responseDeadline).getTime() - new Date(b.responseDeadline).getTime(),
        );
      return { meetings, hearings };
    },
  );

  return (
    <>
      <PageTitle text={t("dashboardTitle")}>{t("dashboardTitle")}</PageTitle>
      <div class="grid">
        <section aria-labelledby="h-deadlines">
          <h2 id="h-deadlines">{t("deadlinesTitle")}</h2>
          <ItemList items={deadlines()} empty={t("noDeadlines")}>
            {(d) => (
              <li>
                <Link to={deadlineLink(d)}>{pick(d.title)}</Link>
                <span class="meta">
                  {pick(d.kindLabel)}: {weekdayDateTimeText(d.dueAt)} ({relativeText(d.dueAt, now)})
                </span>
              </li>
            )}
          </ItemList>
        </section>
        <section aria-labelledby="h-meetings">
          <h2 id="h-meetings">{t("nextMeetingsTitle")}</h2>
          <ItemList items={work()?.meetings} empty={t("noNextMeetings")}>
            {(m) => (
              <li>
                <Link to={`/moeder/${m.id}`}>{m.title ?? weekdayDateTimeText(m.startsAt)}</Link>
                <span class="meta">
                  {m.councilName} · {dateTimeText(m.startsAt)} · {m.location}
                </span>
              </li>
            )}
          </ItemList>
        </section>
        <section aria-labelledby="h-hearings">
          <h2 id="h-hearings">{t("openHearingsTitle")}</h2>
          <ItemList items={work()?.hearings} empty={t("noOpenHearings")}>
            {(h) => (
              <HearingListItem hearing={h}>
                {h.councilName} · {t("deadline")}: {weekdayDateTimeText(h.responseDeadline)} (
                {relativeText(h.responseDeadline, now)})
              </HearingListItem>
            )}
          </ItemList>
        </section>
        <section aria-labelledby="h-councils">
          <h2 id="h-councils">{t("myCouncils")}</h2>
          <ul class="list">
            <For each={me()?.councils ?? []}>
              {(c) => (
                <li>
                  <Link to={`/raad/${c.id}`}>{c.name}</Link>
                </li>
              )}
            </For>
          </ul>
          <ul class="plain">
            <For each={me()?.grants ?? []}>
              {(g) => (
                <li class="meta">
                  {t(`role_${g.role}`)} · {g.municipalityName}
                  {g.councilName ? ` · ${g.councilName}` : ""}
                </li>
              )}
            </For>
          </ul>
        </section>
      </div>
    </>
  );
}
