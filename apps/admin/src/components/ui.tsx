import { createEffect, createSignal, For, type JSX, onMount, Show } from "solid-js";
import { errorFor, type FormErrors, fieldId } from "../form-errors.ts";
import { t } from "../i18n.ts";
import { onLinkClick } from "../navigation.ts";
import { href } from "../routes.ts";

const [announcement, setAnnouncement] = createSignal("");
/** Says something to screen readers (and shows it) through the polite live region: "Gemt". */
export function announce(text: string) {
  setAnnouncement("");
  queueMicrotask(() => setAnnouncement(text));
}
export function LiveRegion() {
  return (
    <div class="live" role="status" aria-live="polite">
      {announcement()}
    </div>
  );
}

export function Link(props: { to: string; children: JSX.Element; class?: string; "aria-label"?: string }) {
  return (
    <a
      href={href(props.to)}
      class={props.class}
      aria-label={props["aria-label"]}
      onClick={(e) => onLinkClick(e, props.to)}
    >
      {props.children}
    </a>
  );
}

// On the very first page the browser starts at the top (the skip link); afterwards focus follows navigation.
let firstView = true;

/** One h1 per view; focus moves to it on navigation so a screen reader starts at the new page. */
export function PageTitle(props: { children: JSX.Element; text: string }) {
  let ref: HTMLHeadingElement | undefined;
  onMount(() => {
    document.title = `${props.text} – Samråd`;
    if (firstView) firstView = false;
    else ref?.focus();
  });
  return (
    <h1 ref={ref} tabindex="-1">
      {props.children}
    </h1>
  );
}

/** Det Fælles Designsystem's error summary: focused when it appears, each error links to its field. */
export function ErrorSummary(props: { errors: FormErrors | null }) {
  let ref: HTMLDivElement | undefined;
  createEffect(() => {
    if (props.errors) queueMicrotask(() => ref?.focus());
  });
  return (
    <Show when={props.errors}>
      {(errors) => (
        <div class="error-summary" ref={ref} tabindex="-1" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{errors().title}</h2>
          <ul>
            <For each={errors().errors}>
              {(e) => (
                <li>
                  <Show when={e.field} fallback={e.message}>
                    {(field) => (
                      <a
                        href={`#${fieldId(field())}`}
                        onClick={(ev) => {
                          ev.preventDefault();
                          document.getElementById(fieldId(field()))?.focus();
                        }}
                      >
                        {e.message}
                      </a>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </div>
      )}
    </Show>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors: FormErrors | null;
  type?: string;
  value?: string;
  multiline?: boolean;
  rows?: number;
  autocomplete?: string;
  options?: { value: string; label: string }[];
  required?: boolean;
};

/** A label, an optional hint, "Fejl: …" when wrong, and the input — linked with aria-describedby. */
export function Field(props: FieldProps) {
  const id = () => fieldId(props.name);
  const error = () => errorFor(props.errors, props.name);
  const describedBy = () =>
    [props.hint ? `${id()}-hint` : null, error() ? `${id()}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div class="form-group" classList={{ "form-error": !!error() }}>
      <label class="form-label" for={id()}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <span class="form-hint" id={`${id()}-hint`}>
          {props.hint}
        </span>
      </Show>
      <Show when={error()}>
        <span class="form-error-message" id={`${id()}-error`}>
          <span class="sr-prefix">{t("errorPrefix")} </span>
          {error()}
        </span>
      </Show>
      {props.options ? (
        <select
          id={id()}
          name={props.name}
          class="form-input"
          aria-describedby={describedBy()}
          aria-invalid={error() ? "true" : undefined}
        >
          <For each={props.options}>
            {(o) => (
              <option value={o.value} selected={o.value === props.value}>
                {o.label}
              </option>
            )}
          </For>
        </select>
      ) : props.multiline ? (
        <textarea
          id={id()}
          name={props.name}
          class="form-input"
          rows={props.rows ?? 4}
          aria-describedby={describedBy()}
          aria-invalid={error() ? "true" : undefined}
          aria-required={props.required ? "true" : undefined}
        >
          {props.value ?? ""}
        </textarea>
      ) : (
        <input
          id={id()}
          name={props.name}
          class="form-input"
          type={props.type ?? "text"}
          value={props.value ?? ""}
          autocomplete={props.autocomplete}
          aria-describedby={describedBy()}
          aria-invalid={error() ? "true" : undefined}
          aria-required={props.required ? "true" : undefined}
        />
      )}
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; checked?: boolean }) {
  const id = () => fieldId(props.name);
  return (
    <div class="form-checkbox">
      <input type="checkbox" id={id()} name={props.name} checked={props.checked ?? false} />
      <label for={id()}>{props.label}</label>
    </div>
  );
}

/**
 * A list once it has loaded: "Henter …" until then, the empty text when it holds nothing, else `<ul class="list">`
 * with one `<li>` per item from `children`.
 */
export function ItemList<T>(props: {
  items: readonly T[] | undefined;
  empty: string;
  children: (item: T) => JSX.Element;
}) {
  return (
    <Show when={props.items} fallback={<Loading />}>
      {(items) => (
        <Show when={items().length > 0} fallback={<p class="empty">{props.empty}</p>}>
          <ul class="list">
            <For each={items()}>{(item) => props.children(item)}</For>
          </ul>
        </Show>
      )}
    </Show>
  );
}

export function Loading() {
  return <p class="loading">{t("loading")}</p>;
}

export function LoadFailed(props: { error: unknown }) {
  const message = () => {
    const m = (props.error as { data?: { message?: { da: string; en: string } } } | null)?.data?.message;
    return m ? m.da : t("loadFailed");
  };
  return (
    <div class="alert alert-error" role="alert">
      <p>{message()}</p>
    </div>
  );
}

/** The values of a submitted form as strings; checkboxes read with `checked()`. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}
export function checked(form: HTMLFormElement, name: string): boolean {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLInputElement && el.checked;
}
/** Optional text: empty becomes undefined so the API's "optional" means "not given". */
export function optional(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
