/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { IdeaSearchHit } from "@samraad/db/queries";
import type { PageContext } from "../../context.ts";

/* Published ideas among the site search's results, each linked to its place on its process's ideas page. */

const text = {
  da: { heading: "Forslag i samskabelsesforløb", idea: "Forslag" },
  en: { heading: "Ideas in co-creation processes", idea: "Idea" },
};

export function IdeaSearchHits({ ctx, hits }: { ctx: PageContext; hits: IdeaSearchHit[] }) {
  if (hits.length === 0) return null;
  const t = text[ctx.locale];
  return (
    <section aria-labelledby="soeg-forslag">
      <h2 id="soeg-forslag">{t.heading}</h2>
      <ol class="results">
        {hits.map((hit) => (
          <li>
            <span class="meta">
              {t.idea} · {hit.municipalityName} · {hit.processTitle}
            </span>
            <br />
            <a
              href={`${ctx.href(`/kommuner/${hit.municipalitySlug}/samskabelse/${hit.processSlug}/forslag`)}#forslag-${hit.id}`}
            >
              {hit.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
