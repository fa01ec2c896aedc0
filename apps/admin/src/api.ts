import type { AppRouter } from "@samraad/api/client";
import { createTRPCClient, httpBatchLink } from "@trpc/client";

/** The one way the admin app talks to the API: typed end to end, the session cookie sent along. */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/trpc",
      fetch: (url, options) => fetch(url, { ...options, credentials: "include" }),
    }),
  ],
});

export type Me = Awaited<ReturnType<typeof api.session.me.query>>;
export type MeetingView = Awaited<ReturnType<typeof api.meetings.get.query>>;
export type AgendaItem = MeetingView["items"][number];
export type HearingView = Awaited<ReturnType<typeof api.hearings.get.query>>;

/** better-auth's own endpoints: sign-in and sign-out are not tRPC procedures. */
export async function signInWithPassword(email: string, password: string): Promise<"ok" | "wrong" | "error"> {
  const response = await fetch("/api/auth/sign-in/email", {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.ok) return "ok";
  return response.status === 401 || response.status === 400 ? "wrong" : "error";
}

export async function signOut(): Promise<void> {
  await fetch("/api/auth/sign-out", {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
}

export function isForbidden(error: unknown): boolean {
  const code = (error as { data?: { code?: string } } | null)?.data?.code;
  return code === "FORBIDDEN" || code === "NOT_FOUND";
}

/** Uploads a file to an agenda item or a hearing (multipart, not tRPC); a refusal is thrown in the API's error shape. */
export async function uploadAttachment(
  target: { agendaItemId: string } | { hearingId: string },
  file: File,
): Promise<void> {
  const body = new FormData();
  for (const [key, value] of Object.entries(target)) body.set(key, value);
  body.set("file", file);
  const response = await fetch("/api/attachments", { method: "POST", credentials: "include", body });
  if (response.ok) return;
  const answer = (await response.json().catch(() => null)) as { error?: { data?: unknown } } | null;
  throw { data: answer?.error?.data ?? null };
}
