/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PageContext } from "../context.ts";
import { accessibilityContact } from "../layout.tsx";

/*
 * The statement follows the structure Digitaliseringsstyrelsen asks for (compliance status, what is not
 * accessible, how to report a problem, enforcement). The content is the statement's text, kept per language here
 * rather than in the message catalogue because it is a document, not interface wording.
 */
export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const mail = (
    <a href={`mailto:${accessibilityContact}?subject=Tilg%C3%A6ngelighed`}>{accessibilityContact}</a>
  );
  if (ctx.locale === "en") {
    return (
      <>
        <h1>Accessibility statement</h1>
        <p class="lead">
          Samråd wants everyone to be able to use this site, including people who use a screen reader, only a
          keyboard, magnification, or a phone.
        </p>
        <h2>How accessible the site is</h2>
        <p>
          The site aims to meet WCAG 2.2 level AA. Every page is tested automatically with axe-core, with
          JavaScript switched off, at a width of 320 pixels and with the keyboard alone.
        </p>
        <h2>What is not accessible</h2>
        <p>
          Attachments (PDF documents) come from the municipalities and may not be accessible. Ask the
          municipality for an accessible version.
        </p>
        <h2>Report a problem</h2>
        <p>Write to {mail}. Tell us which page, and what did not work. We answer within 10 working days.</p>
        <h2>Enforcement</h2>
        <p>
          If you are not satisfied with our answer, you can complain to the Danish Agency for Digital
          Government (Digitaliseringsstyrelsen), which supervises the Web Accessibility Act.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Tilgængelighedserklæring</h1>
      <p class="lead">
        Samråd ønsker, at alle kan bruge siden – også dem, der bruger skærmlæser, kun tastatur, forstørrelse
        eller mobiltelefon.
      </p>
      <h2>Hvor tilgængelig er siden</h2>
      <p>
        Siden skal overholde WCAG 2.2 niveau AA. Alle sidetyper testes automatisk med axe-core, uden
        JavaScript, i en bredde på 320 pixel og kun med tastatur.
      </p>
      <h2>Det er ikke tilgængeligt</h2>
      <p>
        Bilag (PDF-dokumenter) kommer fra kommunerne og er ikke altid tilgængelige. Spørg kommunen efter en
        tilgængelig udgave.
      </p>
      <h2>Fortæl os om et problem</h2>
      <p>
        Skriv til {mail}. Fortæl os, hvilken side det drejer sig om, og hvad der ikke virkede. Vi svarer inden
        for 10 arbejdsdage.
      </p>
      <h2>Håndhævelse</h2>
      <p>
        Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med
        lov om tilgængelighed af offentlige organers websteder og mobilapplikationer.
      </p>
    </>
  );
}
