import { createSignal } from "solid-js";
import { type MessageKey, messages } from "./messages.ts";

export type Lang = "da" | "en";

const stored = typeof localStorage === "undefined" ? null : localStorage.getItem("samraad-lang");
const [lang, setLangSignal] = createSignal<Lang>(stored === "en" ? "en" : "da");

export { lang };

if (typeof document !== "undefined") document.documentElement.lang = lang();

export function setLang(next: Lang) {
  setLangSignal(next);
  localStorage.setItem("samraad-lang", next);
  document.documentElement.lang = next;
}

/** The text for a key in the current language; `{name}` placeholders are filled from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text: string = messages[lang()][key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** A bilingual text from the API or the domain, in the current language. */
export function pick(text: { da: string; en: string } | null | undefined): string {
  return text ? text[lang()] : "";
}
