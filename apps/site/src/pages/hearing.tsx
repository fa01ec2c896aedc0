/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  type HearingResponseStatus,
  hearingStatus,
  hearingStatusLabels,
  publicResponse,
} from "@samraad/domain/hearings";
import { formatDate, formatDateTime, zonedInstant } from "@samraad/domain/shared";
import type { PageContext } from "../context.ts";
import { AttachmentList, type SiteAttachment } from "./meeting.tsx";

export type SiteHearing = {
  title: string;
  plainSummary: string | null;
  description: string | null;
  requestingBody: string;
  receivedOn: string;
  responseDeadline: Date;
  responseStatus: HearingResponseStatus | null;
  responseBody: string | null;
  responseSubmittedAt: Date | null;
  attachments: SiteAttachment[];
  councilName: string;
  meetings: { id: string; title: string | null; startsAt: Date }[];
};

export function HearingPage({ ctx, hearing }: { ctx: PageContext; hearing: SiteHearing }) {
  const { t, locale } = ctx;
  const response =
    hearing.responseStatus && hearing.responseBody !== null
      ? publicResponse({ status: hearing.responseStatus, body: hearing.responseBody })
      : null;
  const status = hearingStatus(
    {
      responseDeadline: hearing.responseDeadline,
      response: hearing.responseStatus ? { status: hearing.responseStatus } : null,
    },
    ctx.now,
  );
  return (
    <>
      <h1>{hearing.title}</h1>
      {hearing.plainSummary ? (
        <section class="plain-summary" aria-labelledby="plain">
          <h2 id="plain">{t.plainSummary}</h2>
          <p class="pre">{hearing.plainSummary}</p>
        </section>
      ) : null}
      <dl class="facts">
        <dt>{t.responseDeadline}</dt>
        <dd>
          <time datetime={hearing.responseDeadline.toISOString()}>
            {formatDateTime(hearing.responseDeadline, locale)}
          </time>
        </dd>
        <dt>{t.hearingFrom}</dt>
        <dd>{hearing.requestingBody}</dd>
        <dt>{t.receivedOn}</dt>
        <dd>{formatDate(zonedInstant(hearing.receivedOn, "12:00"), locale)}</dd>
        <dt>{t.status}</dt>
        <dd>{hearingStatusLabels[status][locale]}</dd>
      </dl>
      {hearing.description ? (
        <section aria-labelledby="about">
          <h2 id="about">{t.description}</h2>
          <p class="pre">{hearing.description}</p>
        </section>
      ) : null}
      <section aria-labelledby="documents">
        <h2 id="documents">{t.documents}</h2>
        {hearing.attachments.length === 0 ? (
          <p>{t.noDocuments}</p>
        ) : (
          <AttachmentList ctx={ctx} files={hearing.attachments} />
        )}
      </section>
      {hearing.meetings.length > 0 ? (
        <section aria-labelledby="treated">
          <h2 id="treated">{t.treatedAt}</h2>
          <ul>
            {hearing.meetings.map((m) => (
              <li>
                <a href={ctx.href(`/moeder/${m.id}`)}>
                  {m.title ?? t.meetingOf(hearing.councilName)}, {formatDateTime(m.startsAt, locale)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="response">
        <h2 id="response">{t.response}</h2>
        {response ? (
          <>
            {hearing.responseSubmittedAt ? (
              <p class="meta">{t.responseSubmitted(formatDate(hearing.responseSubmittedAt, locale))}</p>
            ) : null}
            <p class="pre">{response.body}</p>
          </>
        ) : (
          <p>{t.responsePending}</p>
        )}
      </section>
    </>
  );
}
