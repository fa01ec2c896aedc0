/**
 * The admin app's routes and a tiny path matcher. Pure functions (no Solid, no DOM), so they are unit-tested;
 * navigation.ts holds the reactive part.
 */
export const BASE = "/admin";

export type RouteName =
  | "policy"
  | "coCreation"
  | "coCreationProcess"
  | "dashboard"
  | "signIn"
  | "council"
  | "newCouncil"
  | "newMeeting"
  | "meeting"
  | "newHearing"
  | "hearing"
  | "members"
  | "chatChannels"
  | "audit"
  /** email the outbox gave up on, for the municipality's administrators */
  | "emailFailures"
  | "partnerships"
  /** one partnership, e.g. the cooperation agreement a co-creation process links to */
  | "partnership"
  | "coCreationVote"
  | "evaluations"
  | "evaluation"
  | "evaluationReport"
  /** an invited partner's person chooses a password (no login yet) */
  | "invitation";

export const routes: [RouteName, string][] = [
  ["dashboard", "/"],
  ["signIn", "/log-ind"],
  ["newCouncil", "/raad/nyt"],
  ["council", "/raad/:councilId"],
  ["newMeeting", "/raad/:councilId/moeder/nyt"],
  ["meeting", "/moeder/:meetingId"],
  ["newHearing", "/raad/:councilId/hoeringer/ny"],
  ["hearing", "/hoeringer/:hearingId"],
  ["members", "/raad/:councilId/medlemmer"],
  ["chatChannels", "/raad/:councilId/chat-kanaler"],
  ["audit", "/log"],
  ["emailFailures", "/e-mail/fejlede"],
  ["policy", "/raad/:councilId/handicappolitik"],
  ["partnerships", "/partnerskaber"],
  ["partnership", "/partnerskaber/:partnershipId"],
  ["coCreationVote", "/samskabelse/:processId/afstemning"],
  ["coCreation", "/samskabelse"],
  ["coCreationProcess", "/samskabelse/:processId"],
  ["evaluations", "/evalueringer"],
  ["evaluation", "/evalueringer/:evaluationId"],
  ["evaluationReport", "/evalueringer/:evaluationId/rapport"],
  ["invitation", "/invitation"],
];

export type Params = Record<string, string>;

/** `/moeder/:meetingId` against `/moeder/abc` → `{ meetingId: "abc" }`; null when it does not fit. */
export function matchPath(pattern: string, path: string): Params | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const g = got[i] ?? "";
    if (w.startsWith(":")) {
      let value: string;
      try {
        value = decodeURIComponent(g);
      } catch {
        return null;
      }
      params[w.slice(1)] = value;
    } else if (w !== g) return null;
  }
  return params;
}

export type Resolved = { name: RouteName; params: Params } | { name: "notFound"; params: Params };

export function resolve(path: string): Resolved {
  for (const [name, pattern] of routes) {
    const params = matchPath(pattern, path);
    if (params) return { name, params };
  }
  return { name: "notFound", params: {} };
}

/** The app's own path from the browser's: `/admin/moeder/x?y` → `/moeder/x`. */
export function appPath(pathname: string): string {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const clean = rest.replace(/\/+$/, "");
  return clean === "" ? "/" : clean;
}

export function href(path: string): string {
  return path === "/" ? `${BASE}/` : `${BASE}${path}`;
}

/** Fills a pattern's parameters, encoded: `fill("/moeder/:meetingId", { meetingId })`. */
export function fill(pattern: string, params: Params): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ""));
}
