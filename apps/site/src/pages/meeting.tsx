/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  isSupplementaryItem,
  type MeetingStatus,
  meetingStatusLabels,
  type PublicItemView,
  publicItemView,
} from "@samraad/domain/meetings";
import { formatDate, formatDateTime, formatFileSize } from "@samraad/domain/shared";
import type { PageContext } from "../context.ts";

export type SiteAttachment = {
  id: string;
  agendaItemId: string | null;
  fileName: string;
  mimeType: string;
  size: number;
};

export type SiteAgendaItem = Parameters<typeof publicItemView>[0] & { createdAt: Date };

const mimeNames: Record<string, string> = {
  "application/pdf": "PDF",
  "text/plain": "Tekst",
  "text/csv": "CSV",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "application/msword": "Word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
};

export function fileTypeName(mimeType: string): string {
  return mimeNames[mimeType] ?? mimeType;
}

export function AttachmentList({ ctx, files }: { ctx: PageContext; files: SiteAttachment[] }) {
  return (
    <ul class="attachments">
      {files.map((f) => (
        <li>
          <a href={`/bilag/${f.id}`} download={f.fileName}>
            {f.fileName}
          </a>{" "}
          <span class="meta">
            ({fileTypeName(f.mimeType)}, {formatFileSize(f.size, ctx.locale)})
          </span>
        </li>
      ))}
    </ul>
  );
}

function Section({
  id,
  heading,
  text,
  className,
}: {
  id: string;
  heading: string;
  text: string | null;
  className?: string;
}) {
  if (!text) return null;
  return (
    <section class={className} aria-labelledby={id}>
      <h4 id={id}>{heading}</h4>
      <p class="pre">{text}</p>
    </section>
  );
}

function Item({
  ctx,
  view,
  supplementary,
  files,
}: {
  ctx: PageContext;
  view: PublicItemView;
  supplementary: boolean;
  files: SiteAttachment[];
}) {
  const { t } = ctx;
  const headingId = `item-${view.position}`;
  const tag = supplementary ? (
    <>
      <span class="tag">{t.supplementary}</span>{" "}
    </>
  ) : null;
  if (view.closed) {
    return (
      <article class="item item-closed" id={`punkt-${view.id}`} aria-labelledby={headingId}>
        {tag}
        <h3 id={headingId}>
          {view.position}. {t.closedItem}
        </h3>
        <p>{t.closedItemNote}</p>
      </article>
    );
  }
  const p = `i${view.position}`;
  return (
    <article class="item" id={`punkt-${view.id}`} aria-labelledby={headingId}>
      {tag}
      <h3 id={headingId}>
        {view.position}. {view.title}
      </h3>
      <Section
        id={`${p}-plain`}
        className="plain-summary"
        heading={t.plainSummary}
        text={view.plainSummary}
      />
      <Section id={`${p}-summary`} heading={t.summary} text={view.summary} />
      <Section id={`${p}-history`} heading={t.caseHistory} text={view.caseHistory} />
      <Section id={`${p}-presentation`} heading={t.casePresentation} text={view.casePresentation} />
      <Section id={`${p}-recommendation`} heading={t.recommendation} text={view.recommendation} />
      <Section id={`${p}-guests`} heading={t.guests} text={view.guests} />
      <Section id={`${p}-decision`} className="decision" heading={t.decision} text={view.decision} />
      {files.length > 0 ? (
        <section aria-labelledby={`${p}-files`}>
          <h4 id={`${p}-files`}>{t.attachments}</h4>
          <AttachmentList ctx={ctx} files={files} />
        </section>
      ) : null}
    </article>
  );
}

export type SiteMeeting = {
  id: string;
  title: string | null;
  startsAt: Date;
  location: string;
  status: MeetingStatus;
  agendaPublishedAt: Date | null;
  minutesPublishedAt: Date | null;
  cancellationReason: string | null;
  responsibleEditor: string | null;
  councilName: string;
};

export function meetingHeading(ctx: PageContext, meeting: { title: string | null; councilName: string }) {
  return meeting.title ?? ctx.t.meetingOf(meeting.councilName);
}

export function MeetingPage({
  ctx,
  meeting,
  items,
  attachments,
}: {
  ctx: PageContext;
  meeting: SiteMeeting;
  items: SiteAgendaItem[];
  attachments: SiteAttachment[];
}) {
  const { t, locale } = ctx;
  const minutes = meeting.status === "minutes_published";
  return (
    <>
      <h1>{meetingHeading(ctx, meeting)}</h1>
      <dl class="facts">
        <dt>{t.when}</dt>
        <dd>
          <time datetime={meeting.startsAt.toISOString()}>{formatDateTime(meeting.startsAt, locale)}</time>
        </dd>
        <dt>{t.where}</dt>
        <dd>{meeting.location}</dd>
        <dt>{t.status}</dt>
        <dd>{meetingStatusLabels[meeting.status][locale]}</dd>
      </dl>
      {meeting.status === "cancelled" ? (
        <div class="alert alert-warning" role="note">
          <h2>{t.cancelled}</h2>
          {meeting.cancellationReason ? (
            <p>
              {t.cancelledReason}: {meeting.cancellationReason}
            </p>
          ) : null}
        </div>
      ) : null}
      <h2>{minutes ? t.minutes : t.agenda}</h2>
      {minutes && meeting.minutesPublishedAt ? (
        <p class="meta">
          {t.updated(formatDate(meeting.minutesPublishedAt, locale))}
          {meeting.responsibleEditor ? ` · ${t.responsibleEditor}: ${meeting.responsibleEditor}` : ""}
        </p>
      ) : null}
      {items.length === 0 ? <p>{t.noItems}</p> : null}
      {items.map((item) => {
        const view = publicItemView(item, meeting);
        return (
          <Item
            ctx={ctx}
            view={view}
            supplementary={isSupplementaryItem(item, meeting.agendaPublishedAt)}
            files={view.closed ? [] : attachments.filter((a) => a.agendaItemId === item.id)}
          />
        );
      })}
    </>
  );
}
