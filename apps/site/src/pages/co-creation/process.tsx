/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Database } from "@samraad/db";
import {
  cancelRegistration,
  findMunicipality,
  findProcessOwner,
  findPublicProcessBySlug,
  findRegistrationByToken,
  findSiteMunicipality,
  listPhases,
  listProcesses,
  listSessions,
  type ProcessSearchHit,
  publicSessionsForFeed,
  queuePromotionNotices,
  queueSignUpConfirmation,
  registerForSession,
  type SignUpMailing,
  waitingPositionOf,
} from "@samraad/db/queries";
import {
  type AccessibilityFact,
  accessibilityFacts,
  accessibilityLabels,
  currentPhase,
  phaseKindLabels,
  phaseTiming,
  placeRegistration,
  processStatusLabels,
  type RegistrationRefusal,
  registrationClosesAt,
  registrationInput,
  registrationRefusalMessages,
} from "@samraad/domain/co-creation";
import { fieldErrors, formatDate, formatDateTime, type Locale, localTime } from "@samraad/domain/shared";
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { PageContext } from "../../context.ts";
import { renderCalendar } from "../../feeds/ical.ts";
import type { Crumb } from "../../layout.tsx";
import { ErrorSummary, type FieldErr, FormField, fieldAria } from "./form.tsx";

/*
 * Co-creation processes as citizens meet them: the municipality's list, a process page (purpose, phases with
 * the current one marked, sessions with the place's accessibility facts and places left), and the sign-up:
 * a plain form that works without JavaScript — POST, then redirect to a receipt page whose address holds the
 * person's secret token, from where they can also cancel. Only published and archived processes are loaded;
 * registrations are shown as counts, never names, and a person's needs are never shown back.
 */

const text = {
  da: {
    listTitle: (m: string) => `Samskabelse i ${m}`,
    crumb: "Samskabelse",
    listLead:
      "Her kan du følge kommunens samskabelsesforløb, hvor borgere, medarbejdere, frivillige og foreninger sammen udvikler idéer – og melde dig til møderne.",
    none: "Der er ingen offentliggjorte forløb endnu.",
    currentPhase: "Nu",
    purpose: "Formål",
    audience: "For hvem",
    area: "Område",
    status: "Status",
    phases: "Faser",
    phaseNow: "(nuværende fase)",
    phaseDone: "(afsluttet)",
    noPhase: (state: string) =>
      state === "finished"
        ? "Forløbet er afsluttet."
        : state === "not_started"
          ? "Forløbet er ikke begyndt endnu."
          : state === "between"
            ? "Forløbet er mellem to faser."
            : "",
    sessions: "Møder",
    upcoming: "Kommende møder",
    past: "Afholdte møder",
    noSessions: "Der er ikke planlagt nogen møder.",
    when: "Tidspunkt",
    where: "Sted",
    accessibility: "Tilgængelighed",
    places: "Pladser",
    placesLeft: (free: number, capacity: number) =>
      free === 1 ? `1 ledig plads af ${capacity}` : `${free} ledige pladser af ${capacity}`,
    fullWaiting: (waiting: number) =>
      `Alle pladser er optaget. Du kan skrive dig på ventelisten (${waiting} venter).`,
    noLimit: "Ingen begrænsning på antal",
    deadline: "Tilmeldingsfrist",
    signUp: (title: string) => `Tilmeld dig ${title}`,
    signUpWaiting: (title: string) => `Skriv dig på venteliste til ${title}`,
    closed: "Tilmeldingen er lukket",
    cancelled: "Aflyst",
    calendar: "Møderne i din kalender (iCal)",
    allCalendar: "Alle forløbenes møder i din kalender (iCal)",
    formTitle: "Tilmelding",
    formLead: "Udfyld felterne og tryk på Tilmeld. Du får en kvittering på næste side.",
    name: "Dit navn",
    email: "Din e-mailadresse",
    emailHint: "Vi bruger den kun til at kontakte dig om mødet, fx hvis du rykker op fra ventelisten.",
    needs: "Har du behov, vi skal kende? (frivilligt)",
    needsHint:
      "Fx madhensyn, allergi, kørestol, tegnsprogstolk eller børnepasning. Kun arrangørerne kan se det, du skriver her.",
    submit: "Tilmeld",
    submitWaiting: "Skriv mig på ventelisten",
    errorSummary: "Der er fejl i formularen",
    errorPrefix: "Fejl: ",
    receiptTitle: "Kvittering for tilmelding",
    confirmed: (name: string) => `Tak, ${name}. Du er tilmeldt.`,
    waiting: (name: string, position: number | null) =>
      `Tak, ${name}. Mødet er fuldt, så du står på ventelisten${position ? ` som nummer ${position}` : ""}. Vi skriver til dig, hvis du rykker op.`,
    cancelledReceipt: "Din tilmelding er annulleret.",
    keepLink:
      "Gem denne side, hvis du vil kunne se eller annullere din tilmelding senere. Adressen er personlig – del den ikke.",
    emailed: "Vi har også sendt dig en bekræftelse på e-mail med et link til denne side.",
    cancelHeading: "Kan du alligevel ikke komme?",
    cancelLead: "Annuller din tilmelding, så en anden kan få pladsen.",
    cancelButton: "Annuller min tilmelding",
    back: (title: string) => `Tilbage til ${title}`,
    session: "Møde",
    process: "Forløb",
    refusedTitle: "Du kan ikke tilmelde dig",
    searchHeading: "Samskabelsesforløb",
  },
  en: {
    listTitle: (m: string) => `Co-creation in ${m}`,
    crumb: "Co-creation",
    listLead:
      "Follow the municipality's co-creation processes, where citizens, staff, volunteers and organisations develop ideas together — and sign up for the sessions.",
    none: "There are no published processes yet.",
    currentPhase: "Now",
    purpose: "Purpose",
    audience: "Who it is for",
    area: "Area",
    status: "Status",
    phases: "Phases",
    phaseNow: "(current phase)",
    phaseDone: "(finished)",
    noPhase: (state: string) =>
      state === "finished"
        ? "The process has finished."
        : state === "not_started"
          ? "The process has not started yet."
          : state === "between"
            ? "The process is between two phases."
            : "",
    sessions: "Sessions",
    upcoming: "Upcoming sessions",
    past: "Past sessions",
    noSessions: "No sessions are planned.",
    when: "When",
    where: "Where",
    accessibility: "Accessibility",
    places: "Places",
    placesLeft: (free: number, capacity: number) =>
      free === 1 ? `1 place left of ${capacity}` : `${free} places left of ${capacity}`,
    fullWaiting: (waiting: number) =>
      `All places are taken. You can join the waiting list (${waiting} waiting).`,
    noLimit: "No limit on numbers",
    deadline: "Sign-up deadline",
    signUp: (title: string) => `Sign up for ${title}`,
    signUpWaiting: (title: string) => `Join the waiting list for ${title}`,
    closed: "Sign-up is closed",
    cancelled: "Cancelled",
    calendar: "The sessions in your calendar (iCal)",
    allCalendar: "All processes' sessions in your calendar (iCal)",
    formTitle: "Sign-up",
    formLead: "Fill in the fields and press Sign up. You get a receipt on the next page.",
    name: "Your name",
    email: "Your email address",
    emailHint: "We only use it to contact you about the session, e.g. if you move up from the waiting list.",
    needs: "Any needs we should know about? (optional)",
    needsHint:
      "E.g. dietary needs, allergies, wheelchair, sign-language interpreter or childcare. Only the organisers can see what you write here.",
    submit: "Sign up",
    submitWaiting: "Put me on the waiting list",
    errorSummary: "The form has errors",
    errorPrefix: "Error: ",
    receiptTitle: "Sign-up receipt",
    confirmed: (name: string) => `Thank you, ${name}. You are signed up.`,
    waiting: (name: string, position: number | null) =>
      `Thank you, ${name}. The session is full, so you are on the waiting list${position ? ` as number ${position}` : ""}. We will write to you if you move up.`,
    cancelledReceipt: "Your sign-up has been cancelled.",
    keepLink:
      "Keep this page if you want to see or cancel your sign-up later. The address is personal — do not share it.",
    emailed: "We have also sent you a confirmation by email with a link to this page.",
    cancelHeading: "Can't come after all?",
    cancelLead: "Cancel your sign-up so someone else can have the place.",
    cancelButton: "Cancel my sign-up",
    back: (title: string) => `Back to ${title}`,
    session: "Session",
    process: "Process",
    refusedTitle: "You cannot sign up",
    searchHeading: "Co-creation processes",
  },
} as const;
type Texts = (typeof text)[Locale];

const SLUG = /^[a-z0-9-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

type Session = Awaited<ReturnType<typeof listSessions>>[number];
type Process = NonNullable<Awaited<ReturnType<typeof findPublicProcessBySlug>>>;
type Municipality = NonNullable<Awaited<ReturnType<typeof findSiteMunicipality>>>;

/** "1. december 2026 kl. 17:00–19:00" / "1 December 2026, 17:00–19:00". */
export function sessionTime(s: { startsAt: Date; endsAt: Date | null }, locale: Locale): string {
  const times = `${localTime(s.startsAt)}${s.endsAt ? `–${localTime(s.endsAt)}` : ""}`;
  return locale === "da"
    ? `${formatDate(s.startsAt, locale)} kl. ${times}`
    : `${formatDate(s.startsAt, locale)}, ${times}`;
}

/** "21. november 2026, kl. 12:00" / "21 November 2026, 12:00". */
function deadlineText(s: Session, locale: Locale): string {
  return formatDateTime(registrationClosesAt(s), locale);
}

function AccessibilityList({ session, ctx }: { session: Session; ctx: PageContext }) {
  return (
    <ul class="access-facts">
      {accessibilityFacts.map((fact: AccessibilityFact) => (
        <li>{accessibilityLabels[fact][session[fact] ? "yes" : "no"][ctx.locale]}</li>
      ))}
      {session.accessibilityNote ? <li>{session.accessibilityNote}</li> : null}
    </ul>
  );
}

function PlacesText({ session, t }: { session: Session; t: Texts }) {
  if (session.capacity === null) return <>{t.noLimit}</>;
  const free = Math.max(0, session.capacity - session.confirmed);
  if (free === 0 && session.waitingList) return <>{t.fullWaiting(session.waiting)}</>;
  return <>{t.placesLeft(free, session.capacity)}</>;
}

function SessionFacts({
  session,
  ctx,
  showPlaces,
}: {
  session: Session;
  ctx: PageContext;
  showPlaces: boolean;
}) {
  const t = text[ctx.locale];
  return (
    <dl class="facts">
      <dt>{t.when}</dt>
      <dd>{sessionTime(session, ctx.locale)}</dd>
      <dt>{t.where}</dt>
      <dd>
        {session.place}
        {session.address ? (
          <>
            <br />
            {session.address}
          </>
        ) : null}
      </dd>
      <dt>{t.accessibility}</dt>
      <dd>
        <AccessibilityList session={session} ctx={ctx} />
      </dd>
      {showPlaces ? (
        <>
          <dt>{t.places}</dt>
          <dd>
            <PlacesText session={session} t={t} />
          </dd>
          <dt>{t.deadline}</dt>
          <dd>{deadlineText(session, ctx.locale)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function processBase(m: { slug: string }, p: { slug: string }) {
  return `/kommuner/${m.slug}/samskabelse/${p.slug}`;
}

function ProcessListPage(props: {
  ctx: PageContext;
  municipality: Municipality;
  processes: (Process & { phaseTitle: string | null })[];
}) {
  const { ctx, municipality } = props;
  const t = text[ctx.locale];
  return (
    <>
      <h1>{t.listTitle(municipality.name)}</h1>
      <p class="lead">{t.listLead}</p>
      {props.processes.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="plain-list">
          {props.processes.map((p) => (
            <li>
              <h2>
                <a href={ctx.href(processBase(municipality, p))}>{p.title}</a>
              </h2>
              <p>{p.purpose}</p>
              <p class="meta">
                {p.status === "archived"
                  ? processStatusLabels.archived[ctx.locale]
                  : p.phaseTitle
                    ? `${t.currentPhase}: ${p.phaseTitle}`
                    : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      {props.processes.length > 0 ? (
        <p>
          <a href={`/kommuner/${municipality.slug}/samskabelse/moeder.ics`}>{t.allCalendar}</a>
        </p>
      ) : null}
    </>
  );
}

function ProcessPage(props: {
  ctx: PageContext;
  municipality: Municipality;
  process: Process;
  phases: Awaited<ReturnType<typeof listPhases>>;
  sessions: Session[];
  extra?: Child;
}) {
  const { ctx, municipality, process, phases, sessions } = props;
  const t = text[ctx.locale];
  const state = currentPhase(phases, ctx.now);
  const upcoming = sessions.filter((s) => s.startsAt >= ctx.now);
  const past = sessions.filter((s) => s.startsAt < ctx.now);
  const base = processBase(municipality, process);
  const open = process.status === "published";
  return (
    <>
      <h1>{process.title}</h1>
      <p class="lead">{process.purpose}</p>
      <dl class="facts">
        {process.audience ? (
          <>
            <dt>{t.audience}</dt>
            <dd>{process.audience}</dd>
          </>
        ) : null}
        {process.area ? (
          <>
            <dt>{t.area}</dt>
            <dd>{process.area}</dd>
          </>
        ) : null}
        <dt>{t.status}</dt>
        <dd>
          {process.status === "archived"
            ? processStatusLabels.archived[ctx.locale]
            : state.current
              ? `${t.currentPhase}: ${state.current.title}`
              : t.noPhase(state.state)}
        </dd>
      </dl>

      {phases.length > 0 ? (
        <section aria-labelledby="faser">
          <h2 id="faser">{t.phases}</h2>
          <ol class="phases">
            {phases.map((phase) => {
              const timing = phaseTiming(phase, ctx.now);
              const isCurrent = state.current?.id === phase.id;
              return (
                <li
                  class={isCurrent ? "phase phase-current" : `phase phase-${timing}`}
                  aria-current={isCurrent ? "step" : undefined}
                >
                  <strong>{phase.title}</strong>{" "}
                  <span class="meta">({phaseKindLabels[phase.kind][ctx.locale]})</span>
                  {isCurrent ? (
                    <strong class="phase-now"> {t.phaseNow}</strong>
                  ) : timing === "past" ? (
                    <span> {t.phaseDone}</span>
                  ) : null}
                  <br />
                  <span class="meta">
                    {phase.startsOn === phase.endsOn
                      ? formatDay(phase.startsOn, ctx.locale)
                      : `${formatDay(phase.startsOn, ctx.locale)} – ${formatDay(phase.endsOn, ctx.locale)}`}
                  </span>
                  {phase.description ? <p>{phase.description}</p> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="moeder">
        <h2 id="moeder">{open && upcoming.length ? t.upcoming : t.sessions}</h2>
        {sessions.length === 0 ? <p>{t.noSessions}</p> : null}
        {(open ? upcoming : sessions).map((s) => {
          const outcome = placeRegistration(s, s.confirmed, ctx.now, open);
          return (
            <article class="card session" id={`moede-${s.id}`} aria-labelledby={`moede-${s.id}-titel`}>
              <h3 id={`moede-${s.id}-titel`}>
                {s.cancelledAt ? `${t.cancelled}: ` : ""}
                {s.title}
              </h3>
              {s.description ? <p>{s.description}</p> : null}
              <SessionFacts session={s} ctx={ctx} showPlaces={open && !s.cancelledAt} />
              {s.cancelledAt || !open ? null : outcome.ok ? (
                <p>
                  <a class="button button-primary" href={ctx.href(`${base}/tilmelding/${s.id}`)}>
                    {outcome.status === "waiting" ? t.signUpWaiting(s.title) : t.signUp(s.title)}
                  </a>
                </p>
              ) : (
                <p>
                  <strong>{t.closed}</strong>: {registrationRefusalMessages[outcome.reason][ctx.locale]}
                </p>
              )}
            </article>
          );
        })}
        {open && past.length > 0 ? (
          <>
            <h2 id="afholdte">{t.past}</h2>
            <ul>
              {past.map((s) => (
                <li>
                  {s.title} – {sessionTime(s, ctx.locale)}, {s.place}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {sessions.length > 0 ? (
          <p>
            <a href={`${base}/kalender.ics`}>{t.calendar}</a>
          </p>
        ) : null}
      </section>
      {props.extra}
    </>
  );
}

function formatDay(date: string, locale: Locale): string {
  // Calendar dates are shown at noon Copenhagen time, so no zone shift moves them a day.
  return formatDate(new Date(`${date}T12:00:00+01:00`), locale);
}

function TextField(props: {
  t: Texts;
  name: string;
  label: string;
  hint?: string;
  value: string;
  errors: FieldErr[];
  type?: "text" | "email";
  autocomplete?: string;
  multiline?: boolean;
  maxlength: number;
}) {
  const aria = fieldAria(props.name, props.errors, props.hint !== undefined);
  return (
    <FormField t={props.t} field={props.name} label={props.label} hint={props.hint} errors={props.errors}>
      {props.multiline ? (
        <textarea
          class="form-input"
          id={props.name}
          name={props.name}
          rows={4}
          maxlength={props.maxlength}
          {...aria}
        >
          {props.value}
        </textarea>
      ) : (
        <input
          class="form-input"
          id={props.name}
          name={props.name}
          type={props.type ?? "text"}
          value={props.value}
          maxlength={props.maxlength}
          autocomplete={props.autocomplete}
          {...aria}
        />
      )}
    </FormField>
  );
}

type SignUpForm = { name: string; email: string; needs: string };

function SignUpPage(props: {
  ctx: PageContext;
  process: Process;
  session: Session;
  action: string;
  back: string;
  form: SignUpForm;
  errors: FieldErr[];
  refusal: RegistrationRefusal | null;
  waiting: boolean;
}) {
  const { ctx, session, form, errors } = props;
  const t = text[ctx.locale];
  return (
    <>
      <ErrorSummary t={t} errors={errors} id="fejlopsummering" />
      <h1>
        {t.formTitle}: {session.title}
      </h1>
      <p class="meta">
        {t.process}: {props.process.title}
      </p>
      <SessionFacts session={session} ctx={ctx} showPlaces={!props.refusal} />
      {props.refusal ? (
        <div class="alert" role="status">
          <h2>{t.refusedTitle}</h2>
          <p>{registrationRefusalMessages[props.refusal][ctx.locale]}</p>
        </div>
      ) : (
        <form method="post" action={props.action} novalidate>
          <p>{t.formLead}</p>
          <TextField
            t={t}
            name="name"
            label={t.name}
            value={form.name}
            errors={errors}
            autocomplete="name"
            maxlength={200}
          />
          <TextField
            t={t}
            name="email"
            label={t.email}
            hint={t.emailHint}
            value={form.email}
            errors={errors}
            type="email"
            autocomplete="email"
            maxlength={254}
          />
          <TextField
            t={t}
            name="needs"
            label={t.needs}
            hint={t.needsHint}
            value={form.needs}
            errors={errors}
            multiline
            maxlength={2000}
          />
          <button class="button button-primary" type="submit">
            {props.waiting ? t.submitWaiting : t.submit}
          </button>
        </form>
      )}
      <p>
        <a href={props.back}>{t.back(props.process.title)}</a>
      </p>
    </>
  );
}

function ReceiptPage(props: {
  ctx: PageContext;
  name: string;
  status: "confirmed" | "waiting" | "cancelled";
  position: number | null;
  session: Session;
  process: Process;
  cancelAction: string;
  back: string;
  /** SMTP_URL is set: the confirmation was emailed too */
  emailed?: boolean;
}) {
  const { ctx, session } = props;
  const t = text[ctx.locale];
  return (
    <>
      <h1>{t.receiptTitle}</h1>
      <div class="alert alert-success" role="status">
        <p>
          <strong>
            {props.status === "confirmed"
              ? t.confirmed(props.name)
              : props.status === "waiting"
                ? t.waiting(props.name, props.position)
                : t.cancelledReceipt}
          </strong>
        </p>
      </div>
      <h2>
        {t.session}: {session.title}
      </h2>
      <p class="meta">
        {t.process}: {props.process.title}
      </p>
      <SessionFacts session={session} ctx={ctx} showPlaces={false} />
      {props.status === "cancelled" ? null : (
        <>
          <p>{t.keepLink}</p>
          {props.emailed ? <p>{t.emailed}</p> : null}
          <h2>{t.cancelHeading}</h2>
          <p>{t.cancelLead}</p>
          <form method="post" action={props.cancelAction}>
            <button class="button button-secondary" type="submit">
              {t.cancelButton}
            </button>
          </form>
        </>
      )}
      <p class="back-link">
        <a href={props.back}>{t.back(props.process.title)}</a>
      </p>
    </>
  );
}

export function ProcessSearchHits({ ctx, hits }: { ctx: PageContext; hits: ProcessSearchHit[] }) {
  if (hits.length === 0) return null;
  const t = text[ctx.locale];
  return (
    <section aria-labelledby="soeg-samskabelse">
      <h2 id="soeg-samskabelse">{t.searchHeading}</h2>
      <ol class="results">
        {hits.map((hit) => (
          <li>
            <span class="meta">{hit.municipalityName}</span>
            <br />
            <a href={ctx.href(`/kommuner/${hit.municipalitySlug}/samskabelse/${hit.slug}`)}>{hit.title}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}

type PageSpec = { title: string; crumbs?: Crumb[]; body: Child };

export type CoCreationRouteHelpers = {
  db: Database;
  render: (c: Context, ctx: PageContext, page: PageSpec) => Response | Promise<Response>;
  notFound: (c: Context) => Response | Promise<Response>;
  ctxOf: (c: Context) => PageContext;
  home: (ctx: PageContext) => Crumb;
  /** the site's host name, for calendar UIDs */
  host?: string;
  /** extra sections at the end of a process page (the vote helper's ideas/vote/results links) */
  processExtras?: (ctx: PageContext, process: Process, municipality: Municipality) => Promise<Child> | Child;
  /** set when SMTP_URL is: a sign-up and a move up from the waiting list are confirmed by email too */
  mailing?: SignUpMailing | null;
};

/** A personal page or a form answer: never cached or indexed; 400 when it carries errors. */
async function privateResponse(
  page: Response | Promise<Response>,
  status: 200 | 400 | 409 = 200,
): Promise<Response> {
  const res = await page;
  const headers = new Headers(res.headers);
  headers.set("Cache-Control", "no-store");
  headers.set("X-Robots-Tag", "noindex");
  // The receipt's address is the person's key: it is never sent to another site as a referrer.
  headers.set("Referrer-Policy", "same-origin");
  headers.delete("ETag");
  return new Response(res.body, { status, headers });
}

/**
 * A POST from another site is refused. Browsers say where a form came from: Sec-Fetch-Site where supported
 * (trusted first: Origin may be "null" on a same-origin POST), else Origin.
 */
function crossSite(c: Context): boolean {
  const fetchSite = c.req.header("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = c.req.header("origin");
  return origin !== undefined && origin !== new URL(c.req.url).origin;
}

function formField(body: Record<string, string | File | (string | File)[]>, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
}

/**
 * The routes; mounted before the council route, whose `:councilSlug` would match "samskabelse".
 */
export function mountCoCreationPages(site: Hono, helpers: CoCreationRouteHelpers): void {
  const { db, render, notFound, ctxOf, home } = helpers;
  const mailing = helpers.mailing ?? null;

  const loadProcess = async (slug: string, processSlug: string) => {
    if (!SLUG.test(slug) || !SLUG.test(processSlug)) return null;
    const municipality = await findSiteMunicipality(db, slug);
    if (!municipality) return null;
    const process = await findPublicProcessBySlug(db, municipality.id, processSlug);
    return process ? { municipality, process } : null;
  };

  const crumbsFor = (ctx: PageContext, m: Municipality, p?: Process): Crumb[] => [
    home(ctx),
    { label: m.name, href: ctx.href(`/kommuner/${m.slug}`) },
    p
      ? { label: text[ctx.locale].crumb, href: ctx.href(`/kommuner/${m.slug}/samskabelse`) }
      : { label: text[ctx.locale].crumb },
    ...(p ? [{ label: p.title }] : []),
  ];

  site.get("/kommuner/:slug/samskabelse", async (c) => {
    const ctx = ctxOf(c);
    const slug = c.req.param("slug");
    const municipality = SLUG.test(slug) ? await findSiteMunicipality(db, slug) : null;
    if (!municipality) return notFound(c);
    const processes = await listProcesses(db, municipality.id, { publicOnly: true });
    const withPhase = await Promise.all(
      processes.map(async (p) => {
        const phase = currentPhase(await listPhases(db, municipality.id, p.id), ctx.now);
        return { ...p, phaseTitle: phase.current?.title ?? null };
      }),
    );
    return render(c, ctx, {
      title: text[ctx.locale].listTitle(municipality.name),
      crumbs: crumbsFor(ctx, municipality),
      body: <ProcessListPage ctx={ctx} municipality={municipality} processes={withPhase} />,
    });
  });

  /** The sessions of one public process, or of all the municipality's public processes, as iCal. */
  const sessionsCalendar = async (c: Context, municipality: Municipality, process: Process | null) => {
    const sessions = await publicSessionsForFeed(db, municipality.id, process?.id);
    const base = new URL(c.req.url).origin;
    const body = renderCalendar({
      name: process ? `${process.title} – ${municipality.name}` : text.da.listTitle(municipality.name),
      host: helpers.host ?? new URL(c.req.url).hostname,
      meetings: sessions.map((s) => ({
        id: s.id,
        title: `${s.processTitle}: ${s.title}`,
        councilName: municipality.name,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: [s.place, s.address].filter(Boolean).join(", "),
        status: s.cancelledAt ? "cancelled" : "planned",
        updatedAt: s.updatedAt,
        url: `${base}${processBase(municipality, { slug: s.processSlug })}#moede-${s.id}`,
      })),
      deadlines: [],
    });
    c.header("Content-Type", "text/calendar; charset=utf-8");
    c.header("Cache-Control", "public, max-age=300");
    return c.body(body);
  };

  // Not "…/samskabelse/kalender.ics": the council feed `/kommuner/:slug/:councilSlug/kalender.ics`, mounted
  // first, would take it. Before the process page, whose `:processSlug` would otherwise take "moeder.ics".
  site.get("/kommuner/:slug/samskabelse/moeder.ics", async (c) => {
    const slug = c.req.param("slug");
    const municipality = SLUG.test(slug) ? await findSiteMunicipality(db, slug) : null;
    if (!municipality) return notFound(c);
    return sessionsCalendar(c, municipality, null);
  });

  site.get("/kommuner/:slug/samskabelse/:processSlug", async (c) => {
    const ctx = ctxOf(c);
    const found = await loadProcess(c.req.param("slug"), c.req.param("processSlug"));
    if (!found) return notFound(c);
    const { municipality, process } = found;
    const [phases, sessions] = await Promise.all([
      listPhases(db, municipality.id, process.id),
      listSessions(db, municipality.id, process.id),
    ]);
    const extra = helpers.processExtras ? await helpers.processExtras(ctx, process, municipality) : null;
    // Places left change with every sign-up: the page is not kept in shared caches.
    return privateResponse(
      render(c, ctx, {
        title: `${process.title} – ${municipality.name}`,
        crumbs: crumbsFor(ctx, municipality, process),
        body: (
          <ProcessPage
            ctx={ctx}
            municipality={municipality}
            process={process}
            phases={phases}
            sessions={sessions}
            extra={extra}
          />
        ),
      }),
    );
  });

  site.get("/kommuner/:slug/samskabelse/:processSlug/kalender.ics", async (c) => {
    const found = await loadProcess(c.req.param("slug"), c.req.param("processSlug"));
    if (!found) return notFound(c);
    return sessionsCalendar(c, found.municipality, found.process);
  });

  const signUpPath = "/kommuner/:slug/samskabelse/:processSlug/tilmelding/:sessionId";

  const loadSession = async (c: Context) => {
    const found = await loadProcess(c.req.param("slug") ?? "", c.req.param("processSlug") ?? "");
    const sessionId = c.req.param("sessionId") ?? "";
    if (!found || !UUID.test(sessionId)) return null;
    const sessions = await listSessions(db, found.municipality.id, found.process.id);
    const session = sessions.find((s) => s.id === sessionId);
    return session ? { ...found, session } : null;
  };

  const renderSignUp = (
    c: Context,
    found: NonNullable<Awaited<ReturnType<typeof loadSession>>>,
    form: SignUpForm,
    errors: FieldErr[],
    refusal: RegistrationRefusal | null,
  ) => {
    const ctx = ctxOf(c);
    const { municipality, process, session } = found;
    const base = processBase(municipality, process);
    const outcome = placeRegistration(session, session.confirmed, ctx.now, process.status === "published");
    const t = text[ctx.locale];
    return render(c, ctx, {
      title: `${errors.length ? `${t.errorPrefix}` : ""}${t.formTitle}: ${session.title} – ${process.title}`,
      crumbs: [
        ...crumbsFor(ctx, municipality, process).slice(0, -1),
        { label: process.title, href: ctx.href(base) },
        { label: t.formTitle },
      ],
      body: (
        <SignUpPage
          ctx={ctx}
          process={process}
          session={session}
          action={ctx.href(`${base}/tilmelding/${session.id}`)}
          back={ctx.href(`${base}#moede-${session.id}`)}
          form={form}
          errors={errors}
          refusal={refusal ?? (outcome.ok ? null : outcome.reason)}
          waiting={outcome.ok && outcome.status === "waiting"}
        />
      ),
    });
  };

  site.get(signUpPath, async (c) => {
    const found = await loadSession(c);
    if (!found) return notFound(c);
    return privateResponse(renderSignUp(c, found, { name: "", email: "", needs: "" }, [], null));
  });

  site.post(signUpPath, async (c) => {
    if (crossSite(c)) return c.text("Forbidden", 403);
    const found = await loadSession(c);
    if (!found) return notFound(c);
    const ctx = ctxOf(c);
    const body = await c.req.parseBody();
    const form = {
      name: formField(body, "name"),
      email: formField(body, "email"),
      needs: formField(body, "needs"),
    };
    const parsed = registrationInput.safeParse({
      ...form,
      sessionId: found.session.id,
      needs: form.needs || undefined,
    });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error).map((e) => ({
        field: e.field,
        message: e.message[ctx.locale],
      }));
      return privateResponse(renderSignUp(c, found, form, errors, null), 400);
    }
    const result = await db.transaction(async (tx) => {
      const registered = await registerForSession(
        tx,
        found.municipality.id,
        parsed.data,
        ctx.now,
        found.process.status === "published",
      );
      // The email is queued in the sign-up's transaction: both happen, or neither.
      if (mailing && registered && "registration" in registered)
        await queueSignUpConfirmation(tx, mailing, registered.registration.id, ctx.now);
      return registered;
    });
    if (!result) return notFound(c);
    if (!result.outcome.ok || !("registration" in result)) {
      const reason = result.outcome.ok ? "full" : result.outcome.reason;
      return privateResponse(renderSignUp(c, found, form, [], reason), 409);
    }
    const lang = ctx.locale === "en" ? "?lang=en" : "";
    return c.redirect(
      `/kommuner/${found.municipality.slug}/samskabelse/tilmelding/${result.registration.cancelToken}${lang}`,
      303,
    );
  });

  const receiptPath = "/kommuner/:slug/samskabelse/tilmelding/:token";

  const loadReceipt = async (c: Context) => {
    const slug = c.req.param("slug") ?? "";
    const token = c.req.param("token") ?? "";
    if (!SLUG.test(slug) || !TOKEN.test(token)) return null;
    const municipality = await findSiteMunicipality(db, slug);
    const registration = await findRegistrationByToken(db, token);
    if (!municipality || !registration || registration.municipalityId !== municipality.id) return null;
    const owner = await findProcessOwner(db, registration.processId);
    const processes = owner ? await listProcesses(db, municipality.id, { publicOnly: true }) : [];
    const process = processes.find((p) => p.id === registration.processId);
    if (!process) return null;
    const sessions = await listSessions(db, municipality.id, process.id);
    const session = sessions.find((s) => s.id === registration.sessionId);
    return session ? { municipality, registration, process, session, token } : null;
  };

  site.get(receiptPath, async (c) => {
    const found = await loadReceipt(c);
    if (!found) return notFound(c);
    const ctx = ctxOf(c);
    const { municipality, registration, process, session } = found;
    const position =
      registration.status === "waiting" ? await waitingPositionOf(db, session.id, registration.id) : null;
    const base = processBase(municipality, process);
    return privateResponse(
      render(c, ctx, {
        title: `${text[ctx.locale].receiptTitle}: ${session.title}`,
        crumbs: [
          ...crumbsFor(ctx, municipality, process).slice(0, -1),
          { label: process.title, href: ctx.href(base) },
          { label: text[ctx.locale].receiptTitle },
        ],
        body: (
          <ReceiptPage
            ctx={ctx}
            name={registration.name}
            status={registration.status}
            position={position}
            session={session}
            process={process}
            cancelAction={ctx.href(
              `/kommuner/${municipality.slug}/samskabelse/tilmelding/${found.token}/annuller`,
            )}
            back={ctx.href(base)}
            emailed={mailing !== null}
          />
        ),
      }),
    );
  });

  site.post(`${receiptPath}/annuller`, async (c) => {
    if (crossSite(c)) return c.text("Forbidden", 403);
    const found = await loadReceipt(c);
    if (!found) return notFound(c);
    const ctx = ctxOf(c);
    await db.transaction(async (tx) => {
      const cancelled = await cancelRegistration(tx, found.token, ctx.now);
      if (mailing && cancelled) await queuePromotionNotices(tx, mailing, cancelled.promoted, ctx.now);
    });
    const lang = ctx.locale === "en" ? "?lang=en" : "";
    return c.redirect(
      `/kommuner/${found.municipality.slug}/samskabelse/tilmelding/${found.token}${lang}`,
      303,
    );
  });

  // Deadlines (chat bot, iCal) point at a process by id; its page lives under the municipality.
  site.get("/samskabelse/:id", async (c) => {
    const id = c.req.param("id");
    const owner = UUID.test(id) ? await findProcessOwner(db, id) : null;
    if (!owner || (owner.status !== "published" && owner.status !== "archived")) return notFound(c);
    const processes = await listProcesses(db, owner.municipalityId, { publicOnly: true });
    const process = processes.find((p) => p.id === id);
    const municipality = process ? await findMunicipalitySlug(db, owner.municipalityId) : null;
    if (!process || !municipality) return notFound(c);
    const lang = c.req.query("lang") === "en" ? "?lang=en" : "";
    return c.redirect(`/kommuner/${municipality}/samskabelse/${process.slug}${lang}`, 302);
  });
}

async function findMunicipalitySlug(db: Database, municipalityId: string): Promise<string | null> {
  const m = await findMunicipality(db, { id: municipalityId });
  return m?.slug ?? null;
}
