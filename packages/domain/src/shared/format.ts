import { daysBetween, localDate, MUNICIPAL_TIME_ZONE } from "./calendar.ts";
import type { Locale } from "./types.ts";

/*
 * Danish-first formatting on the municipal wall clock. Servers and CI run in UTC, so every formatter names the
 * time zone, and we assemble strings from parts: ICU's Danish time uses a period ("14.00") where Danish
 * municipal texts write "kl. 14:00".
 */

const intlLocale: Record<Locale, string> = { da: "da-DK", en: "en-GB" };
const formatters = new Map<string, Intl.DateTimeFormat>();

type Parts = { weekday: string; day: string; month: string; year: string; hour: string; minute: string };

function parts(instant: Date, locale: Locale): Parts {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone: MUNICIPAL_TIME_ZONE,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(locale, f);
  }
  const out: Parts = { weekday: "", day: "", month: "", year: "", hour: "", minute: "" };
  for (const p of f.formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof Parts] = p.value;
  }
  return out;
}

/** "3. december 2019" / "3 December 2019". */
export function formatDate(instant: Date, locale: Locale = "da"): string {
  const p = parts(instant, locale);
  return locale === "da" ? `${p.day}. ${p.month} ${p.year}` : `${p.day} ${p.month} ${p.year}`;
}

/** "kl. 14:00" / "14:00". */
export function formatTime(instant: Date, locale: Locale = "da"): string {
  const p = parts(instant, locale);
  return locale === "da" ? `kl. ${p.hour}:${p.minute}` : `${p.hour}:${p.minute}`;
}

/** "3. december 2019, kl. 14:00" / "3 December 2019, 14:00". */
export function formatDateTime(instant: Date, locale: Locale = "da"): string {
  return `${formatDate(instant, locale)}, ${formatTime(instant, locale)}`;
}

/** "fredag 20. januar kl. 12:00" / "Friday 20 January at 12:00" — for deadlines within the year. */
export function formatWeekdayDateTime(instant: Date, locale: Locale = "da"): string {
  const p = parts(instant, locale);
  return locale === "da"
    ? `${p.weekday} ${p.day}. ${p.month} kl. ${p.hour}:${p.minute}`
    : `${p.weekday} ${p.day} ${p.month} at ${p.hour}:${p.minute}`;
}

/** "i dag", "i morgen", "om 3 dage", "i går", "for 2 dage siden" — counted in Copenhagen calendar days. */
export function formatRelativeDays(due: Date, now: Date, locale: Locale = "da"): string {
  const days = daysBetween(localDate(now), localDate(due));
  if (locale === "da") {
    if (days === 0) return "i dag";
    if (days === 1) return "i morgen";
    if (days === -1) return "i går";
    return days > 0 ? `om ${days} dage` : `for ${-days} dage siden`;
  }
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

const fileSizeUnits = ["kB", "MB", "GB", "TB"] as const;

/**
 * "245 kB" / "1,2 MB". SI units (1 kB = 1000 bytes), as the symbols say; one decimal below 10.
 */
export function formatFileSize(bytes: number, locale: Locale = "da"): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: digits }).format(value);
  if (bytes < 1000)
    return `${number(Math.max(0, Math.round(bytes)), 0)} ${locale === "da" ? "byte" : "bytes"}`;
  let value = bytes / 1000;
  let unit = 0;
  for (;;) {
    const digits = value < 9.95 ? 1 : 0;
    const rounded = Number(value.toFixed(digits));
    if (rounded < 1000 || unit === fileSizeUnits.length - 1) {
      return `${number(rounded, digits)} ${fileSizeUnits[unit]}`;
    }
    value /= 1000;
    unit += 1;
  }
}
