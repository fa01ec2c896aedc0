/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  castBallotSignedIn,
  findSiteMunicipality,
  hasVoted,
  loadOidcClient,
  openWithInstanceKey,
  sealWithInstanceKey,
  signedInVoter,
} from "@samraad/db/queries";
import {
  checkSignedInEligibility,
  fullBirthDate,
  isLoopbackIssuer,
  mayCastBallot,
  oidcCallbackPath,
  validateBallot,
  votePhase,
} from "@samraad/domain/co-creation";
import { localDate } from "@samraad/domain/shared";
import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import * as oidc from "openid-client";
import { type PageContext, pageContext } from "../../context.ts";
import type { Crumb } from "../../layout.tsx";
import { ErrorSummary, type FieldErr } from "./form.tsx";
import {
  type CoCreationVoteRouteHelpers,
  ConfirmVote,
  crossSite,
  findPublicVote,
  formResponse,
  kr,
  type PublicVote,
  readBallotForm,
  slugsOf,
  VoteForm,
  type VoteForm as VoteFormValues,
  voteCrumbs,
  text as voteText,
} from "./vote.tsx";

/*
 * Voting signed in with OpenID Connect: the municipality plugs in its MitID broker (co_creation_oidc_providers),
 * an organiser lets a vote use it, and a citizen follows plain links and forms — no script anywhere:
 *
 *   …/afstemning/log-ind      302 to the provider (authorization code flow with PKCE, state and nonce)
 *   /kommuner/:slug/samskabelse/log-ind/retur
 *                             the provider sends the citizen back; the code is exchanged server-side, the ID token
 *                             checked by openid-client, and the voter's derived credential kept in a sealed cookie
 *   …/afstemning/stem         the ballot (or "Du har allerede stemt …"), then "Du har valgt: … — Afgiv stemme"
 *
 * The provider's `sub` never leaves the callback: only the keyed hashes derived from it (see co-creation-oidc.ts
 * in the database package for why the voter and the ballot still cannot be joined) go into the cookie, which is
 * encrypted with an instance key, HttpOnly, SameSite=Lax and limited to the municipality's co-creation pages.
 */

const text = {
  da: {
    signedIn: "Du er logget ind og kan stemme uden stemmekode.",
    signOut: "Log ud",
    alreadyVotedRevote: "Du har allerede stemt — du kan ændre din stemme indtil afstemningen lukker",
    alreadyVotedFinal:
      "Du har allerede stemt i denne afstemning. Hver person kan stemme én gang, og stemmen kan ikke ændres.",
    confirmHintRevote:
      "Din stemme er hemmelig: ingen kan se, hvad du har stemt. Du kan ændre den ved at logge ind igen, indtil afstemningen lukker.",
    confirmHintFinal:
      "Din stemme er hemmelig: ingen kan se, hvad du har stemt. Du kan ikke ændre den, når den er afgivet.",
    receiptBody:
      "Din stemme er gemt uden forbindelse til dit log-in. Resultatet bliver offentliggjort, når afstemningen er lukket.",
    receiptRevote: "Du kan ændre din stemme ved at logge ind igen, indtil afstemningen lukker.",
    changedTitle: "Tak – din stemme er ændret",
    changedBody:
      "Din nye stemme har erstattet den tidligere. Ingen kan se, hvad du stemte før eller nu. Resultatet bliver offentliggjort, når afstemningen er lukket.",
    failedTitle: "Log-ind lykkedes ikke",
    failedBody: "Vi kunne ikke bekræfte dit log-in. Der er ikke gemt noget. Prøv igen.",
    cancelledBody: "Du blev ikke logget ind. Der er ikke gemt noget.",
    tryAgain: "Tilbage til afstemningen",
    unavailableTitle: "Log-ind virker ikke lige nu",
    unavailableBody:
      "Vi kan ikke få forbindelse til log-in-tjenesten. Prøv igen senere, eller stem med en stemmekode.",
  },
  en: {
    signedIn: "You are signed in and can vote without a ballot code.",
    signOut: "Sign out",
    alreadyVotedRevote: "You have already voted — you can change your vote until the vote closes",
    alreadyVotedFinal:
      "You have already voted in this vote. Each person can vote once, and the vote cannot be changed.",
    confirmHintRevote:
      "Your vote is secret: nobody can see how you voted. You can change it by signing in again until the vote closes.",
    confirmHintFinal:
      "Your vote is secret: nobody can see how you voted. You cannot change it once it is cast.",
    receiptBody:
      "Your vote is stored with no link to your sign-in. The result is published once the vote has closed.",
    receiptRevote: "You can change your vote by signing in again until the vote closes.",
    changedTitle: "Thank you – your vote has been changed",
    changedBody:
      "Your new vote has replaced the earlier one. Nobody can see how you voted before or now. The result is published once the vote has closed.",
    failedTitle: "Signing in did not work",
    failedBody: "We could not confirm your sign-in. Nothing has been stored. Please try again.",
    cancelledBody: "You were not signed in. Nothing has been stored.",
    tryAgain: "Back to the vote",
    unavailableTitle: "Signing in does not work right now",
    unavailableBody: "We cannot reach the sign-in service. Try again later, or vote with a ballot code.",
  },
};

const FLOW_COOKIE = "samraad_oidc_flow";
const VOTER_COOKIE = "samraad_voter";
const COOKIE_KEY = "site-sign-in-cookies";
/** Long enough to get through the broker's pages, short enough that a forgotten tab cannot be replayed. */
const FLOW_MINUTES = 10;
/** A signed-in voter has this long to fill in the ballot; on a shared computer "Log ud" ends it at once. */
const VOTER_MINUTES = 30;

/** The sign-in in progress: what the callback must see again (state, nonce) and prove (the PKCE verifier). */
type Flow = {
  voteId: string;
  processSlug: string;
  locale: "da" | "en";
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
};

/** A signed-in voter of one vote: derived values only, never the provider's `sub`. */
type VoterSession = {
  voteId: string;
  credential: string;
  ballotHandle: string | null;
  birthDate: string | null;
  expiresAt: number;
};

export type SignedInVoteRouteHelpers = CoCreationVoteRouteHelpers & {
  /** The site's public address: the redirect URI registered with the broker is built from it. */
  publicUrl: string;
};

export function mountSignedInVotePages(
  site: Hono,
  { db, render, notFound, ctxOf, home, publicUrl }: SignedInVoteRouteHelpers,
): void {
  const base = "/kommuner/:slug/samskabelse/:processSlug/afstemning";
  const origin = publicUrl.replace(/\/$/, "");
  const secure = origin.startsWith("https:");

  /* sealed cookies */

  const cookieOptions = (municipalitySlug: string, minutes: number) => ({
    path: `/kommuner/${municipalitySlug}/samskabelse`,
    httpOnly: true,
    secure,
    // Lax: the browser sends it on the top-level GET back from the broker, never on a cross-site POST.
    sameSite: "Lax" as const,
    maxAge: minutes * 60,
  });

  const writeSealed = async (c: Context, name: string, slug: string, minutes: number, value: object) =>
    setCookie(
      c,
      name,
      await sealWithInstanceKey(db, COOKIE_KEY, JSON.stringify(value)),
      cookieOptions(slug, minutes),
    );

  const readSealed = async <T extends { expiresAt: number }>(c: Context, name: string, now: Date) => {
    const raw = getCookie(c, name);
    if (!raw) return null;
    try {
      const value = JSON.parse(await openWithInstanceKey(db, COOKIE_KEY, raw)) as T;
      return value.expiresAt > now.getTime() ? value : null;
    } catch {
      // Tampered with, or sealed by an earlier key: as if there were none.
      return null;
    }
  };

  const voterOf = async (c: Context, found: PublicVote, now: Date) => {
    const session = await readSealed<VoterSession>(c, VOTER_COOKIE, now);
    return session && session.voteId === found.vote.id ? session : null;
  };

  /* the provider's configuration, discovered once per settings */

  const configurations = new Map<string, Promise<oidc.Configuration>>();
  const configurationOf = (client: NonNullable<Awaited<ReturnType<typeof loadOidcClient>>>) => {
    const key = `${client.issuer}\n${client.clientId}\n${client.updatedAt.toISOString()}`;
    let config = configurations.get(key);
    if (!config) {
      config = oidc.discovery(
        new URL(client.issuer),
        client.clientId,
        undefined,
        // The default method of OpenID Connect client registration.
        oidc.ClientSecretBasic(client.clientSecret),
        isLoopbackIssuer(client.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
      configurations.set(key, config);
      // A broker that was down is asked again next time.
      config.catch(() => configurations.delete(key));
    }
    return config;
  };
  const providerOf = async (municipalityId: string) => {
    const client = await loadOidcClient(db, municipalityId);
    if (!client) return null;
    try {
      return await configurationOf(client);
    } catch {
      return null;
    }
  };

  /* pages */

  const noStore = (c: Context) => c.header("Cache-Control", "no-store");
  const crumbs = (ctx: PageContext, found: PublicVote): Crumb[] =>
    voteCrumbs(home, ctx, found, voteText[ctx.locale].voteCrumb);
  const votePath = (found: PublicVote) => `${found.path}/afstemning`;

  const messagePage = (
    c: Context,
    ctx: PageContext,
    found: PublicVote,
    title: string,
    body: string,
    status: 400 | 503,
  ) =>
    formResponse(
      render(c, ctx, {
        title,
        crumbs: crumbs(ctx, found),
        body: (
          <>
            <h1>{title}</h1>
            <p>{body}</p>
            <p>
              <a href={ctx.href(votePath(found))}>{text[ctx.locale].tryAgain}</a>
            </p>
          </>
        ),
      }),
      status,
    );

  const SignOut = ({ ctx, found }: { ctx: PageContext; found: PublicVote }) => (
    <form method="post" action={ctx.href(`${votePath(found)}/log-ud`)}>
      <button class="button button-secondary" type="submit">
        {text[ctx.locale].signOut}
      </button>
    </form>
  );

  const renderBallot = async (
    c: Context,
    found: PublicVote,
    session: VoterSession,
    form: VoteFormValues,
    errors: FieldErr[],
    status: 200 | 400 | 409,
  ) => {
    const ctx = ctxOf(c);
    const t = { ...voteText[ctx.locale], ...text[ctx.locale] };
    const voted = await hasVoted(db, found.municipality.id, found.vote.id, session.credential);
    // Would the provider's birth date refuse this voter whatever they declare? Then there is no ballot to show.
    const tooYoung = checkSignedInEligibility(
      found.vote,
      session.birthDate,
      { declaresAge: true, declaresResidence: true },
      localDate(ctx.now),
    );
    const mayVote = tooYoung.ok && mayCastBallot(found.vote, voted);
    const title = t.voteTitle(found.vote.title);
    return formResponse(
      render(c, ctx, {
        title: errors.length > 0 ? `${t.errorPrefix}${title}` : title,
        crumbs: crumbs(ctx, found),
        body: (
          <>
            <ErrorSummary t={t} errors={errors} />
            <h1>{title}</h1>
            <p class="lead">{t.voteLead(kr(found.vote.budgetKroner, ctx.locale), found.vote.area)}</p>
            <p>{t.signedIn}</p>
            {!tooYoung.ok ? (
              <p class="alert alert-error">{tooYoung.error.message[ctx.locale]}</p>
            ) : voted ? (
              <p class="alert alert-info" id="allerede-stemt">
                {found.vote.allowRevote ? t.alreadyVotedRevote : t.alreadyVotedFinal}
              </p>
            ) : null}
            {mayVote ? (
              <VoteForm
                ctx={ctx}
                vote={found.vote}
                options={found.options}
                action={ctx.href(`${votePath(found)}/stem`)}
                form={form}
                errors={errors}
                signedIn={{ ageFromProvider: session.birthDate !== null }}
              />
            ) : null}
            <SignOut ctx={ctx} found={found} />
          </>
        ),
      }),
      status,
    );
  };

  const emptyForm: VoteFormValues = { code: "", choices: [], declaresAge: false, declaresResidence: false };

  /** The vote of the address when it is open to signed-in voters, else null. */
  const openSignedInVote = async (c: Context, now: Date) => {
    const found = await findPublicVote(db, ...slugsOf(c));
    if (!found) return { found: null, open: false };
    return { found, open: found.vote.signInWithOidc && votePhase(found.vote, now) === "open" };
  };

  site.get(`${base}/log-ind`, async (c) => {
    const ctx = ctxOf(c);
    const { found, open } = await openSignedInVote(c, ctx.now);
    if (!found) return notFound(c);
    noStore(c);
    // The vote page says why (not open yet, closed, or only with codes).
    if (!open) return c.redirect(ctx.href(votePath(found)), 303);
    const config = await providerOf(found.municipality.id);
    const t = text[ctx.locale];
    if (!config) return messagePage(c, ctx, found, t.unavailableTitle, t.unavailableBody, 503);
    const flow: Flow = {
      voteId: found.vote.id,
      processSlug: found.process.slug,
      locale: ctx.locale,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      expiresAt: ctx.now.getTime() + FLOW_MINUTES * 60_000,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${origin}${oidcCallbackPath(found.municipality.slug)}`,
      // The birth date (standard claim, scope "profile") only where there is an age to check.
      scope: found.vote.minAge ? "openid profile" : "openid",
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: "S256",
      state: flow.state,
      nonce: flow.nonce,
      ui_locales: ctx.locale,
    });
    await writeSealed(c, FLOW_COOKIE, found.municipality.slug, FLOW_MINUTES, flow);
    return c.redirect(url.href, 302);
  });

  site.get("/kommuner/:slug/samskabelse/log-ind/retur", async (c) => {
    const municipality = await findSiteMunicipality(db, c.req.param("slug") ?? "");
    if (!municipality) return notFound(c);
    noStore(c);
    const request = new URL(c.req.url);
    const now = ctxOf(c).now;
    const flow = await readSealed<Flow>(c, FLOW_COOKIE, now);
    // Used once, whatever happens next.
    deleteCookie(c, FLOW_COOKIE, { path: `/kommuner/${municipality.slug}/samskabelse` });
    const found = flow ? await findPublicVote(db, municipality.slug, flow.processSlug) : null;
    if (!flow || !found || found.vote.id !== flow.voteId) {
      // No sign-in was started here (or it is too old): nothing to go back to but the municipality.
      return c.redirect(`/kommuner/${municipality.slug}/samskabelse`, 303);
    }
    const ctx = pageContext(
      new URL(`${request.pathname}${flow.locale === "en" ? "?lang=en" : ""}`, origin),
      now,
    );
    const t = text[ctx.locale];
    if (!found.vote.signInWithOidc || votePhase(found.vote, now) !== "open") {
      return c.redirect(ctx.href(votePath(found)), 303);
    }
    if (request.searchParams.has("error")) {
      // The citizen cancelled at the broker, or the broker refused: say so, store nothing.
      return messagePage(c, ctx, found, t.failedTitle, t.cancelledBody, 400);
    }
    const config = await providerOf(municipality.id);
    if (!config) return messagePage(c, ctx, found, t.unavailableTitle, t.unavailableBody, 503);
    let sub: string;
    let birthDate: string | null;
    try {
      const tokens = await oidc.authorizationCodeGrant(
        config,
        // The redirect URI as registered (public address), with the broker's answer from the query.
        new URL(`${oidcCallbackPath(municipality.slug)}${request.search}`, origin),
        {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        },
      );
      const claims = tokens.claims();
      if (!claims) throw new Error("no ID token");
      sub = claims.sub;
      birthDate = fullBirthDate(claims.birthdate);
      if (birthDate === null && found.vote.minAge) {
        // Many brokers give the birth date from the userinfo endpoint only.
        const info = await oidc.fetchUserInfo(config, tokens.access_token, sub);
        birthDate = fullBirthDate(info.birthdate);
      }
    } catch {
      // A wrong state, a replayed code, a bad signature: openid-client refuses, and so do we (nothing logged
      // that could carry the code or the identity).
      return messagePage(c, ctx, found, t.failedTitle, t.failedBody, 400);
    }
    const voter = await signedInVoter(db, found.vote, config.serverMetadata().issuer, sub);
    const session: VoterSession = {
      voteId: found.vote.id,
      ...voter,
      birthDate,
      expiresAt: now.getTime() + VOTER_MINUTES * 60_000,
    };
    await writeSealed(c, VOTER_COOKIE, municipality.slug, VOTER_MINUTES, session);
    return c.redirect(ctx.href(`${votePath(found)}/stem`), 303);
  });

  /** The vote of the address and, while it is open to them, the signed-in voter of this browser. */
  const signedInBallot = async (c: Context, now: Date) => {
    const { found, open } = await openSignedInVote(c, now);
    return { found, session: found && open ? await voterOf(c, found, now) : null };
  };

  site.get(`${base}/stem`, async (c) => {
    const ctx = ctxOf(c);
    const { found, session } = await signedInBallot(c, ctx.now);
    if (!found) return notFound(c);
    noStore(c);
    if (!session) return c.redirect(ctx.href(votePath(found)), 303);
    return renderBallot(c, found, session, emptyForm, [], 200);
  });

  site.post(`${base}/stem`, async (c) => {
    if (crossSite(c)) return c.text("Forbidden", 403);
    const ctx = ctxOf(c);
    const { found, session } = await signedInBallot(c, ctx.now);
    if (!found) return notFound(c);
    noStore(c);
    if (!session) return c.redirect(ctx.href(votePath(found)), 303);
    const t = { ...voteText[ctx.locale], ...text[ctx.locale] };
    const submitted = await readBallotForm(c);
    const { step, declaration } = submitted;
    // A signed-in voter has no code; one sent anyway is ignored.
    const form: VoteFormValues = { ...submitted.form, code: "" };
    if (step === "edit") return renderBallot(c, found, session, form, [], 200);
    const voted = await hasVoted(db, found.municipality.id, found.vote.id, session.credential);
    if (!mayCastBallot(found.vote, voted)) return renderBallot(c, found, session, form, [], 409);

    const errors: FieldErr[] = [];
    const ballot = validateBallot(
      found.vote,
      found.options.map((o) => o.id),
      submitted.submittedChoices,
    );
    if (!ballot.ok) errors.push({ field: "choices", message: ballot.error.message[ctx.locale] });
    const eligible = checkSignedInEligibility(found.vote, session.birthDate, declaration, localDate(ctx.now));
    if (!eligible.ok) errors.push({ field: "eligibility", message: eligible.error.message[ctx.locale] });
    if (errors.length > 0 || !ballot.ok) return renderBallot(c, found, session, form, errors, 400);

    if (step !== "cast") {
      return formResponse(
        render(c, ctx, {
          title: t.confirmTitle,
          crumbs: crumbs(ctx, found),
          body: (
            <ConfirmVote
              ctx={ctx}
              options={found.options}
              action={ctx.href(`${votePath(found)}/stem`)}
              form={{ ...form, choices: ballot.value }}
              hint={found.vote.allowRevote ? t.confirmHintRevote : t.confirmHintFinal}
            />
          ),
        }),
        200,
      );
    }
    const outcome = await db.transaction((tx) =>
      castBallotSignedIn(tx, found.municipality.id, found.vote.id, session, ballot.value),
    );
    if (outcome === "already_voted") return renderBallot(c, found, session, form, [], 409);
    const receipt = `${votePath(found)}/stem/kvittering${outcome === "replaced" ? "?aendret=ja" : ""}`;
    return c.redirect(ctx.href(receipt), 303);
  });

  site.get(`${base}/stem/kvittering`, async (c) => {
    const ctx = ctxOf(c);
    const found = await findPublicVote(db, ...slugsOf(c));
    if (!found) return notFound(c);
    const t = { ...voteText[ctx.locale], ...text[ctx.locale] };
    const changed = c.req.query("aendret") === "ja";
    const title = changed ? t.changedTitle : t.receiptTitle;
    return formResponse(
      render(c, ctx, {
        title,
        crumbs: crumbs(ctx, found),
        body: (
          <>
            <h1>{title}</h1>
            <p>{changed ? t.changedBody : t.receiptBody}</p>
            {found.vote.allowRevote && !changed ? <p>{t.receiptRevote}</p> : null}
            <SignOut ctx={ctx} found={found} />
          </>
        ),
      }),
      200,
    );
  });

  site.post(`${base}/log-ud`, async (c) => {
    if (crossSite(c)) return c.text("Forbidden", 403);
    const ctx = ctxOf(c);
    const found = await findPublicVote(db, ...slugsOf(c));
    if (!found) return notFound(c);
    deleteCookie(c, VOTER_COOKIE, { path: `/kommuner/${found.municipality.slug}/samskabelse` });
    noStore(c);
    return c.redirect(ctx.href(votePath(found)), 303);
  });
}
