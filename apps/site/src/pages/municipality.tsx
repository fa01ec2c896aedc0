/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PageContext } from "../context.ts";
import { MeetingList, type SiteMeetingRow } from "./council.tsx";
import { partnershipsLinkText } from "./partnerships.tsx";

const policyLink = {
  da: "Handicappolitikken: fra ord til handling",
  en: "The disability policy: from words to action",
};

export function MunicipalityPage({
  ctx,
  municipality,
  councils,
  upcoming,
}: {
  ctx: PageContext;
  municipality: { slug: string; name: string; website: string | null };
  councils: { slug: string; name: string; purpose: string | null }[];
  upcoming: SiteMeetingRow[];
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t.councilsOf(municipality.name)}</h1>
      {councils.length === 0 ? (
        <p>{t.noCouncils}</p>
      ) : (
        <ul class="card-list">
          {councils.map((c) => (
            <li class="card">
              <h2>
                <a href={ctx.href(`/kommuner/${municipality.slug}/${c.slug}`)}>{c.name}</a>
              </h2>
              {c.purpose ? <p>{c.purpose}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={ctx.href(`/kommuner/${municipality.slug}/handicappolitik`)}>{policyLink[ctx.locale]}</a>
      </p>
      <p>
        <a href={ctx.href(`/kommuner/${municipality.slug}/partnerskaber`)}>
          {partnershipsLinkText(ctx.locale)}
        </a>
      </p>
      <p>
        <a href={ctx.href(`/kommuner/${municipality.slug}/samskabelse`)}>
          {ctx.locale === "da"
            ? "Samskabelse: forløb og møder, du kan melde dig til"
            : "Co-creation: processes and sessions you can join"}
        </a>
      </p>
      <h2>{t.nextMeetings}</h2>
      {upcoming.length === 0 ? <p>{t.noNextMeetings}</p> : <MeetingList ctx={ctx} meetings={upcoming} />}
      <h2>{t.subscribe}</h2>
      <ul>
        <li>
          <a href={`/kommuner/${municipality.slug}/kalender.ics`}>{t.calendarFeedMunicipality}</a>
        </li>
        <li>
          <a href={`/kommuner/${municipality.slug}/feed.atom`}>{t.atomFeed}</a>
        </li>
      </ul>
      {municipality.website ? (
        <p>
          <a href={municipality.website}>{t.municipalityWebsite}</a>
        </p>
      ) : null}
    </>
  );
}
