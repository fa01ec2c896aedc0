import type { Locale } from "../shared/types.ts";

/** The horizon of a bare `/frister`: a month covers the next meeting cycle of every council type. */
export const DEFAULT_HORIZON_DAYS = 30;
export const MAX_HORIZON_DAYS = 365;

export type BotCommand =
  | { kind: "deadlines"; days: number; locale: Locale }
  | { kind: "help"; locale: Locale }
  | { kind: "invalid"; input: string; locale: Locale };

const helpWords: Record<string, Locale> = {
  hjælp: "da",
  hjaelp: "da",
  hjalp: "da",
  "?": "da",
  help: "en",
};

// Slack sends no locale with a slash command, so English is chosen by the words the person typed.
const englishWords = new Set(["help", "what", "next", "deadlines", "upcoming", "days", "english", "en"]);

/** Slack wraps mentions as `<@U123>` or `<@U123|name>`; they are addressing, not content. */
export function stripMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ");
}

function localeOf(words: string[]): Locale {
  return words.some((w) => englishWords.has(w)) ? "en" : "da";
}

/**
 * `/frister` → the next 30 days; `/frister 14` → the next 14 days; `/frister hjælp` (or `help`) → usage.
 * Anything else is "invalid", answered with the usage text so the person learns the command.
 */
export function parseSlashCommand(text: string): BotCommand {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const locale = localeOf(words);
  if (words.length === 0) return { kind: "deadlines", days: DEFAULT_HORIZON_DAYS, locale };
  const first = words[0] ?? "";
  const help = helpWords[first];
  if (help) return { kind: "help", locale: help };
  const numeric = words.find((w) => /^\d+$/.test(w));
  if (numeric !== undefined && words.every((w) => w === numeric || englishWords.has(w) || w === "dage")) {
    const days = Number(numeric);
    if (days >= 1 && days <= MAX_HORIZON_DAYS) return { kind: "deadlines", days, locale };
  }
  if (words.length === 1 && (first === "en" || first === "english"))
    return { kind: "deadlines", days: DEFAULT_HORIZON_DAYS, locale: "en" };
  return { kind: "invalid", input: text.trim(), locale };
}

/**
 * A mention is free text ("@Samråd hvad er de næste frister?"): any mention is a question about deadlines,
 * a number in it narrows the horizon, and "hjælp"/"help" asks for usage.
 */
export function parseMention(text: string): BotCommand {
  const words = stripMentions(text)
    .toLowerCase()
    .split(/[\s,.!?]+/)
    .filter(Boolean);
  const locale = localeOf(words);
  const help = words.map((w) => helpWords[w]).find((l) => l !== undefined);
  if (help) return { kind: "help", locale: help };
  const numeric = words.find((w) => /^\d+$/.test(w));
  const days = numeric === undefined ? DEFAULT_HORIZON_DAYS : Number(numeric);
  return {
    kind: "deadlines",
    days: days >= 1 && days <= MAX_HORIZON_DAYS ? days : DEFAULT_HORIZON_DAYS,
    locale,
  };
}
