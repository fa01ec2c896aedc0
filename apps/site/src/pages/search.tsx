/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { headlineMarks, type SiteSearchHit } from "@samraad/db/queries";
import { formatDate } from "@samraad/domain/shared";
import { splitHighlight } from "@samraad/domain/site";
import type { PageContext } from "../context.ts";
import { SearchForm } from "./front.tsx";

export function SearchPage({ ctx, q, hits }: { ctx: PageContext; q: string; hits: SiteSearchHit[] | null }) {
  const { t, locale } = ctx;
  return (
    <>
      <h1>{t.searchTitle}</h1>
      <SearchForm ctx={ctx} q={q} id="search" />
      {hits === null ? (
        <p>{t.searchEmpty}</p>
      ) : (
        <section aria-labelledby="results">
          <h2 id="results">{t.searchResultsFor(q, hits.length)}</h2>
          {hits.length === 0 ? (
            <p>{t.searchNoResults(q)}</p>
          ) : (
            <ol class="plain-list">
              {hits.map((hit) => (
                <li>
                  <span class="meta">
                    {hit.kind === "hearing" ? t.searchKindHearing : t.searchKindItem} · {hit.municipalityName}{" "}
                    · {hit.councilName} · {formatDate(hit.date, locale)}
                  </span>
                  <br />
                  <a
                    href={
                      hit.kind === "hearing"
                        ? ctx.href(`/hoeringer/${hit.targetId}`)
                        : `${ctx.href(`/moeder/${hit.targetId}`)}#punkt-${hit.id}`
                    }
                  >
                    {hit.title}
                  </a>
                  <p>
                    {splitHighlight(hit.headline, headlineMarks).map((run) =>
                      run.match ? <mark>{run.text}</mark> : run.text,
                    )}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
