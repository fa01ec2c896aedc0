import { createResource, createSignal, Show } from "solid-js";
import { api } from "../api.ts";
import { announce, ErrorSummary, Field, formValues } from "../components/ui.tsx";
import { type FormErrors, formErrorsOf } from "../form-errors.ts";
import { lang, pick } from "../i18n.ts";
import { fieldsOf } from "./co-creation-form.tsx";

/*
 * The municipality's OpenID Connect provider (its MitID broker), which voters sign in with when a vote allows
 * it. Administrators only. The client secret is write-only: the field is always empty, and leaving it empty
 * keeps the stored secret.
 */

const tx = {
  heading: { da: "Log-ind for vælgere (OpenID Connect)", en: "Sign-in for voters (OpenID Connect)" },
  lead: {
    da: "Kommunens MitID-broker eller anden OpenID Connect-udbyder. Gælder alle afstemninger i kommunen, der tillader log-ind.",
    en: "The municipality's MitID broker or other OpenID Connect provider. Applies to every vote in the municipality that allows sign-in.",
  },
  callback: {
    da: "Registrér denne adresse som redirect URI hos udbyderen:",
    en: "Register this address as the redirect URI with the provider:",
  },
  issuer: { da: "Udbyderens adresse (issuer URL)", en: "The provider's address (issuer URL)" },
  issuerHint: { da: "Fx https://mitid-broker.example.dk", en: "E.g. https://mitid-broker.example.dk" },
  clientId: { da: "Klient-id", en: "Client id" },
  clientSecret: { da: "Klienthemmelighed", en: "Client secret" },
  secretKept: {
    da: "Der er gemt en hemmelighed. Den vises aldrig; lad feltet stå tomt for at beholde den.",
    en: "A secret is stored. It is never shown; leave the field empty to keep it.",
  },
  secretNeeded: {
    da: "Fra udbyderen. Den gemmes krypteret og vises aldrig igen.",
    en: "From the provider. It is stored encrypted and never shown again.",
  },
  save: { da: "Gem udbyderen", en: "Save the provider" },
  saved: { da: "Udbyderen er gemt", en: "The provider is saved" },
};

export function OidcProviderSettings(props: { municipalityId: string }) {
  const [settings, { refetch }] = createResource(
    () => props.municipalityId,
    (municipalityId) => api.coCreationOidc.provider.query({ municipalityId }),
  );
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const submit = async (form: HTMLFormElement) => {
    const v = formValues(form);
    try {
      await api.coCreationOidc.saveProvider.mutate({
        municipalityId: props.municipalityId,
        provider: { issuer: v.issuer ?? "", clientId: v.clientId ?? "", clientSecret: v.clientSecret ?? "" },
      });
      setErrors(null);
      form.reset();
      announce(pick(tx.saved));
      refetch();
    } catch (error) {
      setErrors(fieldsOf(formErrorsOf(error, lang()), "provider"));
    }
  };
  return (
    <Show when={settings()}>
      {(s) => (
        <section aria-labelledby="oidc-heading">
          <h2 id="oidc-heading">{pick(tx.heading)}</h2>
          <p>{pick(tx.lead)}</p>
          <p>
            {pick(tx.callback)} <code>{`${window.location.origin}${s().callbackPath}`}</code>
          </p>
          <ErrorSummary errors={errors()} />
          <form
            novalidate
            onSubmit={(e) => {
              e.preventDefault();
              submit(e.currentTarget);
            }}
          >
            <Field
              name="issuer"
              label={pick(tx.issuer)}
              hint={pick(tx.issuerHint)}
              type="url"
              errors={errors()}
              value={s().provider?.issuer ?? ""}
            />
            <Field
              name="clientId"
              label={pick(tx.clientId)}
              errors={errors()}
              value={s().provider?.clientId ?? ""}
            />
            <Field
              name="clientSecret"
              label={pick(tx.clientSecret)}
              hint={pick(s().provider ? tx.secretKept : tx.secretNeeded)}
              type="password"
              autocomplete="off"
              errors={errors()}
              value=""
            />
            <button type="submit" class="button button-primary">
              {pick(tx.save)}
            </button>
          </form>
        </section>
      )}
    </Show>
  );
}
