/**
 * Calendar dates are plain "YYYY-MM-DD" strings and instants are `Date`s. The municipality's wall clock is
 * Europe/Copenhagen whatever time zone the server runs in, so every conversion names the zone.
 */

export const MUNICIPAL_TIME_ZONE = "Europe/Copenhagen";

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written "YYYY-MM-DD" (2023-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True for a 24-hour clock time written "HH:MM". */
export function isClockTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const m = DATE_PATTERN.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function parseTime(time: string): { hour: number; minute: number } {
  const m = TIME_PATTERN.exec(time);
  if (!m) throw new RangeError(`Not a clock time (HH:MM): ${time}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Days since 1970-01-01 for a calendar date; lets date arithmetic ignore time zones entirely. */
export function epochDay(date: string): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromEpochDay(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromEpochDay(epochDay(date) + n);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(epochDay(date) * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** ISO 8601 week: weeks start on Monday and week 1 holds the year's first Thursday. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = epochDay(date) + 4 - isoWeekday(date);
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = partFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormatters.set(tz, f);
  }
  return f;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockFromIntl(instant: Date, tz: string): WallClock {
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormatter(tz).formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof WallClock] = Number(p.value);
  }
  return out;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsetCache = new Map<string, number>();

/**
 * Milliseconds the zone is ahead of UTC at this instant (+1 h in Copenhagen winter, +2 h in summer).
 * Offsets change only at transitions, which real zones place on quarter hours of UTC, so the offset is
 * asked of Intl once per quarter hour and remembered: a deadlines call computes hundreds of these.
 */
function zoneOffset(epochMs: number, tz: string): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
  const key = `${tz}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR_MS;
    const w = wallClockFromIntl(new Date(start), tz);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start;
    if (offsetCache.size >= 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

function wallClock(instant: Date, tz: string): WallClock {
  const shifted = new Date(instant.getTime() + zoneOffset(instant.getTime(), tz));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/**
 * The instant when the wall clock in `tz` shows `date` `time`.
 *
 * Around daylight-saving changes we follow Temporal's "compatible" choice, which is also what people mean:
 * - a time that does not exist (02:30 on the last Sunday of March) moves forward by the gap, to 03:30 summer time;
 * - a time that occurs twice (02:30 on the last Sunday of October) means the first one, in summer time.
 */
export function zonedInstant(date: string, time: string, tz: string = MUNICIPAL_TIME_ZONE): Date {
  const { year, month, day } = parseDate(date);
  const { hour, minute } = parseTime(time);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const offsetBefore = zoneOffset(wall - DAY_MS, tz);
  const offsetAfter = zoneOffset(wall + DAY_MS, tz);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((t) => zoneOffset(t, tz) === wall - t);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In the gap: reading the wall time with the offset in force before the change lands after the gap.
  return new Date(wall - offsetBefore);
}

/** The calendar date ("YYYY-MM-DD") of an instant on the municipal wall clock. */
export function localDate(instant: Date, tz: string = MUNICIPAL_TIME_ZONE): string {
  const w = wallClock(instant, tz);
  return `${String(w.year).padStart(4, "0")}-${pad(w.month)}-${pad(w.day)}`;
}

/** The wall-clock time ("HH:MM") of an instant on the municipal wall clock. */
export function localTime(instant: Date, tz: string = MUNICIPAL_TIME_ZONE): string {
  const w = wallClock(instant, tz);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
