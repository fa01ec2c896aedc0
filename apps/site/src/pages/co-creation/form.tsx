/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

/*
 * The parts every co-creation form is built of, working without JavaScript: an error summary that takes focus
 * after a submit, and per field its label, hint, error and control — the control described by its hint and error,
 * so a screen reader reads them with it (GOV.UK's pattern).
 */

export type FieldErr = { field: string; message: string };

export function ErrorSummary(props: {
  t: { errorSummary: string };
  errors: FieldErr[];
  /** The heading's id (the sign-up form's is "fejlopsummering"). */
  id?: string;
}) {
  if (props.errors.length === 0) return null;
  const id = props.id ?? "error-summary-title";
  return (
    // autofocus moves focus here after a submit without any script, so a screen reader hears the problems first.
    <div class="alert alert-error" role="alert" aria-labelledby={id} tabindex={-1} autofocus>
      <h2 id={id}>{props.t.errorSummary}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError(props: { t: { errorPrefix: string }; field: string; errors: FieldErr[] }) {
  const error = props.errors.find((e) => e.field === props.field);
  if (!error) return null;
  return (
    <span class="form-error-message" id={`${props.field}-error`}>
      {props.t.errorPrefix}
      {error.message}
    </span>
  );
}

const hasError = (field: string, errors: FieldErr[]) => errors.some((e) => e.field === field);

/** The wrapper of one field or fieldset, marked while it has an error. */
export function FormGroup(props: { field: string; errors: FieldErr[]; children: Child }) {
  return (
    <div class={hasError(props.field, props.errors) ? "form-group form-error" : "form-group"}>
      {props.children}
    </div>
  );
}

/** The attributes that tie a control to its hint (when it has one) and its error, and mark it invalid. */
export function fieldAria(field: string, errors: FieldErr[], hint: boolean) {
  const invalid = hasError(field, errors);
  return {
    "aria-describedby":
      [hint ? `${field}-hint` : null, invalid ? `${field}-error` : null].filter(Boolean).join(" ") ||
      undefined,
    "aria-invalid": invalid ? "true" : undefined,
  };
}

/** A labelled field: label, hint, error, then the control (give it `fieldAria(field, errors, hint !== undefined)`). */
export function FormField(props: {
  t: { errorPrefix: string };
  field: string;
  label: string;
  hint?: string;
  errors: FieldErr[];
  children: Child;
}) {
  return (
    <FormGroup field={props.field} errors={props.errors}>
      <label class="form-label" for={props.field}>
        {props.label}
      </label>
      {props.hint ? (
        <span class="form-hint" id={`${props.field}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <FieldError t={props.t} field={props.field} errors={props.errors} />
      {props.children}
    </FormGroup>
  );
}
