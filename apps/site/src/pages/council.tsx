/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { MembershipRole, MembershipSeat, MembershipSide } from "@samraad/domain/councils";
import type { Deadline } from "@samraad/domain/deadlines";
import { type HearingResponseStatus, hearingStatus, hearingStatusLabels } from "@samraad/domain/hearings";
import { isMeetingPublic, type MeetingStatus, meetingStatusLabels } from "@samraad/domain/meetings";
import { formatDateTime } from "@samraad/domain/shared";
import type { PageContext } from "../context.ts";
import { roleLabels, seatLabels, sideLabels } from "../messages.ts";

export type SiteMember = {
  membershipId: string;
  name: string | null;
  side: MembershipSide;
  seat: MembershipSeat;
  role: MembershipRole;
  nominatedBy: string | null;
  substituteForMembershipId: string | null;
};

export type SiteMeetingRow = {
  id: string;
  title: string | null;
  startsAt: Date;
  location: string;
  status: MeetingStatus;
  agendaPublishedAt: Date | null;
  councilName: string;
};

export type SiteHearingRow = {
  id: string;
  title: string;
  plainSummary: string | null;
  requestingBody: string;
  responseDeadline: Date;
  responseStatus: HearingResponseStatus | null;
};

const roleOrder: Record<MembershipRole, number> = { formand: 0, naestformand: 1, medlem: 2, sekretaer: 3 };
const sides: MembershipSide[] = ["organisation", "municipal"];

export function MeetingList({ ctx, meetings }: { ctx: PageContext; meetings: SiteMeetingRow[] }) {
  const { t, locale } = ctx;
  return (
    <ul class="plain-list">
      {meetings.map((m) => {
        const label = `${m.title ?? t.meetingOf(m.councilName)} – ${formatDateTime(m.startsAt, locale)}`;
        return (
          <li>
            {isMeetingPublic(m) ? <a href={ctx.href(`/moeder/${m.id}`)}>{label}</a> : <span>{label}</span>}
            <br />
            <span class="meta">
              {m.location} · {meetingStatusLabels[m.status][locale]}
              {isMeetingPublic(m) ? "" : ` · ${t.agendaNotPublished}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Members({ ctx, members }: { ctx: PageContext; members: SiteMember[] }) {
  const { t, locale } = ctx;
  const principals = members
    .filter((m) => m.substituteForMembershipId === null && m.role !== "sekretaer")
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
  if (principals.length === 0) return <p>{t.noMembers}</p>;
  const substituteOf = (id: string) => members.find((m) => m.substituteForMembershipId === id);
  return (
    <div class="members">
      {sides.map((side) => {
        const onSide = principals.filter((m) => m.side === side);
        if (onSide.length === 0) return null;
        return (
          <section aria-labelledby={`side-${side}`}>
            <h3 id={`side-${side}`}>{t[sideLabels[side]] as string}</h3>
            <ul>
              {onSide.map((m) => {
                const substitute = substituteOf(m.membershipId);
                return (
                  <li>
                    <strong>{m.name ?? t.nameWithheld}</strong>, {roleLabels[m.role][locale].toLowerCase()}
                    <br />
                    <span class="meta">
                      {seatLabels[m.seat][locale]}
                      {m.nominatedBy ? ` · ${t.nominatedBy} ${m.nominatedBy}` : ""}
                    </span>
                    {substitute ? (
                      <>
                        <br />
                        <span class="meta">
                          {t.substitute}: {substitute.name ?? t.nameWithheld}
                        </span>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

export function CouncilPage(props: {
  ctx: PageContext;
  municipality: { slug: string; name: string };
  council: { slug: string; name: string; purpose: string | null };
  members: SiteMember[];
  upcoming: SiteMeetingRow[];
  past: SiteMeetingRow[];
  hearings: SiteHearingRow[];
  earlierHearings: SiteHearingRow[];
  deadlines: Deadline[];
}) {
  const { ctx, municipality, council } = props;
  const { t, locale } = ctx;
  const base = `/kommuner/${municipality.slug}/${council.slug}`;
  const publicMeetingIds = new Set(props.upcoming.filter(isMeetingPublic).map((m) => m.id));
  const openHearings = props.hearings.filter(
    (h) =>
      hearingStatus(
        {
          responseDeadline: h.responseDeadline,
          response: h.responseStatus ? { status: h.responseStatus } : null,
        },
        ctx.now,
      ) === "open",
  );
  return (
    <>
      <h1>
        {council.name} <span class="meta">– {municipality.name}</span>
      </h1>
      {council.purpose ? (
        <section aria-labelledby="purpose">
          <h2 id="purpose">{t.purpose}</h2>
          <p class="pre">{council.purpose}</p>
        </section>
      ) : null}
      <section aria-labelledby="next-meetings">
        <h2 id="next-meetings">{t.nextMeetings}</h2>
        {props.upcoming.length === 0 ? (
          <p>{t.noNextMeetings}</p>
        ) : (
          <MeetingList ctx={ctx} meetings={props.upcoming} />
        )}
      </section>
      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{t.deadlines}</h2>
        {props.deadlines.length === 0 ? (
          <p>{t.noDeadlines}</p>
        ) : (
          <ul class="plain-list">
            {props.deadlines.map((d) => {
              const href =
                d.target.type === "hearing"
                  ? ctx.href(`/hoeringer/${d.target.id}`)
                  : publicMeetingIds.has(d.target.id)
                    ? ctx.href(`/moeder/${d.target.id}`)
                    : null;
              return (
                <li>
                  <time datetime={d.dueAt.toISOString()}>{formatDateTime(d.dueAt, locale)}</time>:{" "}
                  {href ? <a href={href}>{d.title[locale]}</a> : d.title[locale]}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="hearings">
        <h2 id="hearings">{t.openHearings}</h2>
        {openHearings.length === 0 ? (
          <p>{t.noOpenHearings}</p>
        ) : (
          <ul class="plain-list">
            {openHearings.map((h) => (
              <li>
                <a href={ctx.href(`/hoeringer/${h.id}`)}>{h.title}</a>
                <br />
                <span class="meta">
                  {t.responseDeadline}: {formatDateTime(h.responseDeadline, locale)} ·{" "}
                  {hearingStatusLabels.open[locale]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="earlier-hearings">
        <h2 id="earlier-hearings">{t.earlierHearings}</h2>
        {props.earlierHearings.length === 0 ? (
          <p>{t.noEarlierHearings}</p>
        ) : (
          <ul class="plain-list">
            {props.earlierHearings.map((h) => {
              const status = hearingStatus(
                {
                  responseDeadline: h.responseDeadline,
                  response: h.responseStatus ? { status: h.responseStatus } : null,
                },
                ctx.now,
              );
              return (
                <li>
                  <a href={ctx.href(`/hoeringer/${h.id}`)}>{h.title}</a>
                  <br />
                  <span class="meta">
                    {t.responseDeadline}: {formatDateTime(h.responseDeadline, locale)} ·{" "}
                    {hearingStatusLabels[status][locale]}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="members">
        <h2 id="members">{t.members}</h2>
        <Members ctx={ctx} members={props.members} />
      </section>
      <section aria-labelledby="past-meetings">
        <h2 id="past-meetings">{t.pastMeetings}</h2>
        {props.past.length === 0 ? (
          <p>{t.noPastMeetings}</p>
        ) : (
          <MeetingList ctx={ctx} meetings={props.past} />
        )}
      </section>
      <section aria-labelledby="subscribe">
        <h2 id="subscribe">{t.subscribe}</h2>
        <ul>
          <li>
            <a href={`${base}/kalender.ics`}>{t.calendarFeed}</a>
          </li>
          <li>
            <a href={`${base}/feed.atom`}>{t.atomFeed}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
