/** Every text a person reads comes in Danish first, English second. */
export type Bilingual = { da: string; en: string };

export type Locale = "da" | "en";

/**
 * Something a rule check noticed. `code` is stable and dotted (`composition.sides_unequal`) so clients can
 * react to it; `message` is for people.
 */
export type Finding = {
  code: string;
  severity: "error" | "warning";
  message: Bilingual;
  subject?: { type: string; id: string };
};
