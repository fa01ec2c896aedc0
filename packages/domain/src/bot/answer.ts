import type { Deadline, DeadlineKind } from "../deadlines/deadline.ts";
import { deadlineKindLabels } from "../deadlines/deadline.ts";
import { formatRelativeDays, formatWeekdayDateTime } from "../shared/format.ts";
import type { Locale } from "../shared/types.ts";

/** One deadline as a chat line: plain data that the Slack and Teams adapters lay out their own way. */
export type DeadlineLine = {
  kind: DeadlineKind;
  kindLabel: string;
  title: string;
  when: string;
  relative: string;
  url: string;
};

export type DeadlineAnswer = {
  heading: string;
  lines: DeadlineLine[];
  /** shown instead of lines when there are none */
  empty: string | null;
  footer: string;
};

/** The public page of what a deadline is about: meetings, hearings and policies each have one. */
export function deadlineUrl(publicUrl: string, deadline: Pick<Deadline, "target">): string {
  const base = publicUrl.replace(/\/+$/, "");
  const sections = {
    meeting: "moeder",
    hearing: "hoeringer",
    policy: "handicappolitik",
    action: "handicappolitik",
    partnership: "partnerskaber",
    co_creation_process: "samskabelse",
  };
  const section = sections[deadline.target.type];
  return `${base}/${section}/${encodeURIComponent(deadline.target.id)}`;
}

export function deadlineLine(deadline: Deadline, now: Date, locale: Locale, publicUrl: string): DeadlineLine {
  return {
    kind: deadline.kind,
    kindLabel: deadlineKindLabels[deadline.kind][locale],
    title: deadline.title[locale],
    when: formatWeekdayDateTime(deadline.dueAt, locale),
    relative: formatRelativeDays(deadline.dueAt, now, locale),
    url: deadlineUrl(publicUrl, deadline),
  };
}

const text = {
  heading: {
    da: (council: string, days: number) => `Frister for ${council} de næste ${days} dage`,
    en: (council: string, days: number) => `Deadlines for ${council} in the next ${days} days`,
  },
  empty: {
    da: (days: number) => `Ingen frister de næste ${days} dage.`,
    en: (days: number) => `No deadlines in the next ${days} days.`,
  },
  footer: {
    da: "Skriv /frister 14 for de næste 14 dage, eller /frister hjælp.",
    en: "Type /frister 14 for the next 14 days, or /frister help.",
  },
} as const;

export function deadlineAnswer(input: {
  councilName: string;
  deadlines: Deadline[];
  days: number;
  now: Date;
  locale: Locale;
  publicUrl: string;
}): DeadlineAnswer {
  const { councilName, deadlines, days, now, locale, publicUrl } = input;
  return {
    heading: text.heading[locale](councilName, days),
    lines: deadlines.map((d) => deadlineLine(d, now, locale, publicUrl)),
    empty: deadlines.length === 0 ? text.empty[locale](days) : null,
    footer: text.footer[locale],
  };
}

/** "Høringsfrist · Høringssvar: X — fredag 20. januar kl. 12:00 (om 3 dage)" for plain-text surfaces. */
export function lineAsText(line: DeadlineLine): string {
  return `${line.kindLabel}: ${line.title} — ${line.when} (${line.relative})`;
}

export const helpText: Record<Locale, string> = {
  da: [
    "*/frister* viser rådets kommende frister de næste 30 dage.",
    "*/frister 14* viser de næste 14 dage (1–365).",
    "*/frister hjælp* viser denne hjælp. Skriv */frister help* for engelsk.",
    "Du kan også nævne botten: @Samråd hvad er de næste frister?",
    "Kun offentlige frister vises, fordi kanalen kan have gæster.",
  ].join("\n"),
  en: [
    "*/frister* lists the council's upcoming deadlines for the next 30 days.",
    "*/frister 14* lists the next 14 days (1–365). Add *en* for English: /frister 14 en.",
    "*/frister help* shows this help in English; */frister hjælp* in Danish.",
    "You can also mention the bot: @Samråd what are the next deadlines?",
    "Only public deadlines are shown, because the channel may have guests.",
  ].join("\n"),
};

export function invalidText(input: string, locale: Locale): string {
  return locale === "da"
    ? `Jeg forstod ikke "${input}". ${helpText.da}`
    : `I did not understand "${input}". ${helpText.en}`;
}

export type UnlinkedPlatform = "slack" | "teams";

/** An unlinked channel is never guessed: the answer says who links it, where, and with which ids. */
export function unlinkedText(
  platform: UnlinkedPlatform,
  ids: { teamId: string; channelId: string },
  locale: Locale,
): string {
  const where =
    platform === "slack"
      ? `Slack team ${ids.teamId}, ${locale === "da" ? "kanal" : "channel"} ${ids.channelId}`
      : `Teams ${locale === "da" ? "kanal" : "channel"} ${ids.channelId}`;
  return locale === "da"
    ? `Denne kanal er ikke knyttet til et råd endnu. En sekretær eller administrator kan knytte den i Samråds administration under Rådet → Chat-kanaler (${where}).`
    : `This channel is not linked to a council yet. A secretary or administrator can link it in Samråd's admin app under Council → Chat channels (${where}).`;
}

export type ReminderText = { heading: string; line: DeadlineLine; text: string };

/** A reminder before a deadline: "Påmindelse: Høringsfrist om 7 dage". */
export function reminderText(input: {
  councilName: string;
  deadline: Deadline;
  now: Date;
  locale: Locale;
  publicUrl: string;
}): ReminderText {
  const line = deadlineLine(input.deadline, input.now, input.locale, input.publicUrl);
  const heading =
    input.locale === "da"
      ? `Påmindelse til ${input.councilName}: ${line.kindLabel} ${line.relative}`
      : `Reminder for ${input.councilName}: ${line.kindLabel} ${line.relative}`;
  return { heading, line, text: `${heading}\n${lineAsText(line)}\n${line.url}` };
}
