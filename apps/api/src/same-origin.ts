import type { MiddlewareHandler } from "hono";

/**
 * CSRF protection for every state-changing request: a browser always sends Origin (or at least
 * Sec-Fetch-Site) with a POST, so a request that names another site is refused. Server-to-server
 * callers (Slack, Teams, scripts) send neither and are authenticated by their own signatures or tokens.
 */
export function sameOrigin(publicUrl: string): MiddlewareHandler {
  const allowed = new URL(publicUrl).origin;
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    const requestOrigin = new URL(c.req.url).origin;
    const foreign =
      (origin !== undefined && origin !== allowed && origin !== requestOrigin) || fetchSite === "cross-site";
    if (foreign) {
      return c.json(
        {
          error: {
            message: "Forespørgslen kom fra et andet websted og blev afvist",
            data: {
              message: {
                da: "Forespørgslen kom fra et andet websted og blev afvist",
                en: "The request came from another site and was refused",
              },
            },
          },
        },
        403,
      );
    }
    return next();
  };
}
