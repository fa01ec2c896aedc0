import type { Locale } from "@samraad/domain/shared";
import { type Messages, messages } from "./messages.ts";

/** What every page needs to speak the reader's language and keep it in its links. */
export type PageContext = {
  locale: Locale;
  t: Messages;
  /** the current path, for the language switch */
  path: string;
  /** an internal link that keeps the language */
  href: (path: string) => string;
  now: Date;
};

export function pageContext(url: URL, now: Date): PageContext {
  const locale: Locale = url.searchParams.get("lang") === "en" ? "en" : "da";
  return {
    locale,
    t: messages[locale],
    path: url.pathname,
    now,
    href: (path) => {
      if (locale === "da") return path;
      return `${path}${path.includes("?") ? "&" : "?"}lang=en`;
    },
  };
}

/** The same page in the other language (search query kept). */
export function otherLanguageHref(url: URL, locale: Locale): string {
  const target = new URL(url.toString());
  if (locale === "da") target.searchParams.set("lang", "en");
  else target.searchParams.delete("lang");
  return `${target.pathname}${target.search}`;
}
