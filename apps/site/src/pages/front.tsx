/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PageContext } from "../context.ts";

export type Directory = {
  slug: string;
  name: string;
  councils: { slug: string; name: string }[];
}[];

export function SearchForm({ ctx, q, id }: { ctx: PageContext; q?: string; id: string }) {
  const { t } = ctx;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers; the role is equivalent
    <form action="/soeg" method="get" role="search" class="form-group">
      <label class="form-label" for={id}>
        {t.searchLabel}
      </label>
      <span class="form-hint" id={`${id}-hint`}>
        {t.searchHint}
      </span>
      <div class="search">
        <input
          class="form-input"
          type="search"
          id={id}
          name="q"
          value={q ?? ""}
          aria-describedby={`${id}-hint`}
        />
        {ctx.locale === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        <button class="button button-primary" type="submit">
          {t.searchButton}
        </button>
      </div>
    </form>
  );
}

export function FrontPage({ ctx, directory }: { ctx: PageContext; directory: Directory }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t.frontTitle}</h1>
      <p class="lead">{t.frontIntro}</p>
      <SearchForm ctx={ctx} id="front-search" />
      <h2>{t.municipalities}</h2>
      {directory.length === 0 ? (
        <p>{t.noMunicipalities}</p>
      ) : (
        <ul class="card-list">
          {directory.map((m) => (
            <li class="card">
              <h3>
                <a href={ctx.href(`/kommuner/${m.slug}`)}>{m.name}</a>
              </h3>
              {m.councils.length === 0 ? (
                <p>{t.noCouncils}</p>
              ) : (
                <ul>
                  {m.councils.map((c) => (
                    <li>
                      <a href={ctx.href(`/kommuner/${m.slug}/${c.slug}`)}>{c.name}</a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
