import { TZDate } from "@date-fns/tz";
import type { Deadline } from "@samraad/domain/deadlines";
import type { MeetingStatus } from "@samraad/domain/meetings";
import { MUNICIPAL_TIME_ZONE } from "@samraad/domain/shared";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalEventStatus } from "ical-generator";

export type CalendarMeeting = {
  id: string;
  title: string | null;
  councilName: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string;
  status: MeetingStatus;
  updatedAt: Date;
  /** link to the meeting page when the meeting is public, else to the council page */
  url: string;
};

const DEFAULT_MEETING_MINUTES = 120;
const DEADLINE_MINUTES = 15;

/**
 * RFC 5545 calendar of meetings and deadlines. Times are written as Copenhagen wall time with a VTIMEZONE
 * (ical-generator writes a native Date in the process's zone — UTC on a server — so every instant becomes a
 * TZDate). UIDs are stable: the meeting's or deadline's id, so a moved or cancelled meeting updates in place.
 */
export function renderCalendar(options: {
  name: string;
  host: string;
  meetings: CalendarMeeting[];
  deadlines: (Deadline & { url: string; label: string })[];
}): string {
  const cal = ical({
    name: options.name,
    prodId: { company: "Samråd", product: "samraad-site", language: "DA" },
  });
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  const zoned = (d: Date) => new TZDate(d.getTime(), MUNICIPAL_TIME_ZONE);
  for (const m of options.meetings) {
    const summary = m.title ?? `Møde i ${m.councilName}`;
    cal.createEvent({
      id: `meeting-${m.id}@${options.host}`,
      start: zoned(m.startsAt),
      end: zoned(m.endsAt ?? new Date(m.startsAt.getTime() + DEFAULT_MEETING_MINUTES * 60_000)),
      timezone: MUNICIPAL_TIME_ZONE,
      stamp: m.updatedAt,
      lastModified: m.updatedAt,
      // Calendar clients apply a changed event only when its sequence grows; the edit time always does.
      sequence: Math.floor(m.updatedAt.getTime() / 1000),
      summary: m.status === "cancelled" ? `Aflyst: ${summary}` : summary,
      location: m.location,
      url: m.url,
      status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  for (const d of options.deadlines) {
    cal.createEvent({
      id: `deadline-${d.id.replace(":", "-")}@${options.host}`,
      start: zoned(d.dueAt),
      end: zoned(new Date(d.dueAt.getTime() + DEADLINE_MINUTES * 60_000)),
      timezone: MUNICIPAL_TIME_ZONE,
      // The deadline's own instant keeps the stamp stable between requests (and so the ETag).
      stamp: d.dueAt,
      summary: d.label,
      url: d.url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
