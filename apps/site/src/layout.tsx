/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import { stylesheet } from "./assets.ts";
import type { PageContext } from "./context.ts";

export type Crumb = { label: string; href?: string };

export type LayoutProps = {
  ctx: PageContext;
  title: string;
  otherLanguageHref: string;
  crumbs?: Crumb[];
  alternates?: { type: string; href: string; title: string }[];
  children: Child;
};

/** The accessibility contact: a mail address is the one channel that works without JavaScript or an account. */
export const accessibilityContact = "tilgaengelighed@samraad.dk";

export function Layout({ ctx, title, crumbs, alternates, otherLanguageHref, children }: LayoutProps) {
  const { t } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.siteName}`}</title>
        <link rel="stylesheet" href={stylesheet.path} />
        <link rel="alternate" hreflang={ctx.locale === "da" ? "en" : "da"} href={otherLanguageHref} />
        {alternates?.map((a) => (
          <link rel="alternate" type={a.type} href={a.href} title={a.title} />
        ))}
      </head>
      <body>
        <a class="skipnav" href="#main">
          {t.skipLink}
        </a>
        <header class="header">
          <div class="container">
            <a class="logo" href={ctx.href("/")}>
              {t.siteName}
              <span>{t.siteTagline}</span>
            </a>
            <nav class="nav" aria-label={t.mainNav}>
              <ul>
                <li>
                  <a href={ctx.href("/")}>{t.navHome}</a>
                </li>
                <li>
                  <a href={ctx.href("/soeg")}>{t.navSearch}</a>
                </li>
                <li>
                  <a
                    href={otherLanguageHref}
                    lang={ctx.locale === "da" ? "en" : "da"}
                    hreflang={ctx.locale === "da" ? "en" : "da"}
                  >
                    {t.otherLanguage}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <div class="container">
          {crumbs && crumbs.length > 0 ? (
            <nav class="breadcrumbs" aria-label={t.breadcrumbs}>
              <ol>
                {crumbs.map((c) => (
                  <li>
                    {c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <main id="main" tabindex={-1}>
            {children}
          </main>
        </div>
        <footer class="footer">
          <div class="container">
            <p>{t.footerAbout}</p>
            <ul>
              <li>
                <a href={ctx.href("/tilgaengelighed")}>{t.accessibilityTitle}</a>
              </li>
              <li>
                <a href={`mailto:${accessibilityContact}`}>{t.reportProblem}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}
