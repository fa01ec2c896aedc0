import type { JSX } from "solid-js";
import { announce, ErrorSummary } from "../components/ui.tsx";
import { type FormErrors, formErrorsOf, withPrefix } from "../form-errors.ts";
import { lang } from "../i18n.ts";
import { ct } from "./co-creation-messages.ts";

/**
 * One save on a co-creation screen: when it succeeds the form's errors go, "Gemt" is announced and the screen
 * moves on (reloads, or opens what was created); when the API refuses, its field errors are shown — named as the
 * form names its inputs — and what was typed stays.
 */
export async function saveThen<T>(
  save: () => Promise<T>,
  next: (saved: T) => unknown,
  setErrors: (errors: FormErrors | null) => void,
  shown: (error: unknown) => FormErrors = (error) => formErrorsOf(error, lang()),
) {
  try {
    const saved = await save();
    setErrors(null);
    announce(ct("saved"));
    await next(saved);
  } catch (error) {
    setErrors(shown(error));
  }
}

/** A button that does one thing to the process at once (remove a phase, cancel a session), says so and reloads. */
export function ActionButton(props: {
  class: string;
  label: string;
  run: () => Promise<unknown>;
  reload: () => Promise<unknown>;
}) {
  return (
    <button
      type="button"
      class={props.class}
      onClick={async () => {
        await props.run();
        announce(ct("saved"));
        await props.reload();
      }}
    >
      {props.label}
    </button>
  );
}

/** The API names a nested input's fields "vote.title"; the form names its inputs "title". */
export const fieldsOf = (shown: FormErrors, input: string): FormErrors =>
  withPrefix(shown, "", (field) => (field.startsWith(`${input}.`) ? field.slice(input.length + 1) : field));

/** A form with its error summary above it, handed to `onSubmit` without a page load. */
export function SavingForm(props: {
  errors: FormErrors | null;
  onSubmit: (form: HTMLFormElement) => Promise<unknown>;
  children: JSX.Element;
}) {
  return (
    <>
      <ErrorSummary errors={props.errors} />
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void props.onSubmit(e.currentTarget);
        }}
      >
        {props.children}
      </form>
    </>
  );
}
