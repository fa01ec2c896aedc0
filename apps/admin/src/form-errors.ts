/**
 * Turns what the API answered into what a form shows: a summary at the top (Det Fælles Designsystem's
 * error summary) and a message at each field. Pure, so it is unit-tested without a browser.
 */
export type Bilingual = { da: string; en: string };
export type ShownError = { field: string | null; message: string };
export type FormErrors = { title: string; errors: ShownError[] };

type ApiFieldError = { field: string; code: string; message: Bilingual };
type ApiErrorData = {
  fieldErrors?: ApiFieldError[] | null;
  message?: Bilingual;
  code?: string;
  httpStatus?: number;
};

const fallback: Record<"da" | "en", { title: string; unknown: string; network: string }> = {
  da: {
    title: "Der er fejl i formularen",
    unknown: "Noget gik galt. Prøv igen, eller kontakt support.",
    network: "Kunne ikke forbinde til serveren. Tjek forbindelsen, og prøv igen.",
  },
  en: {
    title: "The form has errors",
    unknown: "Something went wrong. Try again or contact support.",
    network: "Could not reach the server. Check the connection and try again.",
  },
};

function dataOf(error: unknown): ApiErrorData | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? (data as ApiErrorData) : null;
}

/** The id of the input a field error points at: `person.name` → `f-person-name`. */
export function fieldId(field: string): string {
  return `f-${field.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

export function formErrorsOf(
  error: unknown,
  lang: "da" | "en",
  knownFields: readonly string[] = [],
): FormErrors {
  const texts = fallback[lang];
  const data = dataOf(error);
  if (!data) {
    const network = error instanceof TypeError || (error instanceof Error && /fetch/i.test(error.message));
    return {
      title: texts.title,
      errors: [{ field: null, message: network ? texts.network : texts.unknown }],
    };
  }
  if (data.fieldErrors && data.fieldErrors.length > 0) {
    return {
      title: data.message?.[lang] ?? texts.title,
      errors: data.fieldErrors.map((e) => ({
        // A field the form does not show (an id, say) is still listed, just not linked.
        field: knownFields.length === 0 || knownFields.includes(e.field) ? e.field : null,
        message: e.message[lang],
      })),
    };
  }
  return { title: texts.title, errors: [{ field: null, message: data.message?.[lang] ?? texts.unknown }] };
}

/** Errors the browser can find before asking the server: required fields left empty. */
export function requiredErrors(
  values: Record<string, string>,
  required: readonly string[],
  message: string,
  title: string,
): FormErrors | null {
  const missing = required.filter((f) => (values[f] ?? "").trim() === "");
  return missing.length === 0 ? null : { title, errors: missing.map((field) => ({ field, message })) };
}

export function errorFor(errors: FormErrors | null, field: string): string | null {
  return errors?.errors.find((e) => e.field === field)?.message ?? null;
}

/**
 * The same errors pointed at a form whose inputs carry a prefix (`edit-session.title`), so two forms on one
 * page keep distinct ids and each error still links to its own input. `rename` maps an API field first.
 */
export function withPrefix(
  errors: FormErrors,
  prefix: string,
  rename: (field: string) => string = (f) => f,
): FormErrors {
  return {
    ...errors,
    errors: errors.errors.map((e) => ({
      ...e,
      field: e.field === null ? null : `${prefix}${rename(e.field)}`,
    })),
  };
}
