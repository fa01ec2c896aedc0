import type { OpenedDatabase } from "@samraad/db";
import { demo, seedDemoData } from "@samraad/db/demo";
import { upcomingDeadlinesFor } from "@samraad/db/queries";
import { createTestDatabase } from "@samraad/db/testing";
import { formatRelativeDays, formatWeekdayDateTime } from "@samraad/domain/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotRoutes } from "../src/index.ts";
import {
  broenderslevHandicapraad,
  SIGNING_SECRET,
  slackHeaders,
  startFakeSlack,
  TEAMS_SECRET,
  teamsAuthorization,
  until,
} from "./fakes.ts";

const now = new Date();
const publicUrl = "https://samraad.example.dk";
let opened: OpenedDatabase;
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let app: ReturnType<typeof createBotRoutes>;
let bare: ReturnType<typeof createBotRoutes>;
let council: Awaited<ReturnType<typeof broenderslevHandicapraad>>;

beforeAll(async () => {
  opened = await createTestDatabase();
  await seedDemoData(opened.db, now);
  slack = await startFakeSlack();
  council = await broenderslevHandicapraad(opened.db);
  const deps = {
    db: opened.db,
    publicUrl,
    now: () => now,
    slack: { signingSecret: SIGNING_SECRET, botToken: "xoxb-test-token", apiUrl: slack.apiUrl },
    teams: { webhookSecret: TEAMS_SECRET },
    onError: (context: string, error: unknown) => {
      throw new Error(`${context}: ${String(error)}`);
    },
  };
  app = createBotRoutes(deps);
  bare = createBotRoutes({ db: opened.db, publicUrl });
});

afterAll(async () => {
  await slack?.close();
  await opened?.close();
});

function slashBody(fields: Record<string, string>) {
  return new URLSearchParams({
    command: "/frister",
    team_id: demo.broenderslev.slack.teamId,
    channel_id: demo.broenderslev.slack.channelId,
    user_id: "U0SECRETARY",
    text: "",
    ...fields,
  }).toString();
}

function postSlash(body: string, headers: Record<string, string> = slackHeaders(body, now)) {
  return app.request("/slack/commands", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}

type SlackAnswer = {
  response_type: string;
  text: string;
  blocks: { type: string; text?: { text: string } }[];
};

describe("/frister in Slack", () => {
  it("answers in the demo channel with Brønderslev Handicapråd's real public deadlines, in Danish", async () => {
    const started = performance.now();
    const res = await postSlash(slashBody({ text: "" }));
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    const answer = (await res.json()) as SlackAnswer;
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.blocks[0]?.text?.text).toBe(`Frister for ${council.councilName} de næste 30 dage`);

    const expected = await upcomingDeadlinesFor(
      opened.db,
      { municipalityId: council.municipalityId, councilIds: [council.councilId], publicOnly: true },
      now,
      { horizonDays: 30 },
    );
    expect(expected.length).toBeGreaterThan(0);
    const lines = answer.blocks.filter((b) => b.type === "section").map((b) => b.text?.text ?? "");
    expect(lines).toHaveLength(expected.length);
    expected.forEach((d, i) => {
      // Policy deadlines (action due, follow-up) link to the policy page; a sign-up deadline to its process.
      const sections: Record<string, string> = {
        meeting: "moeder",
        hearing: "hoeringer",
        policy: "handicappolitik",
        action: "handicappolitik",
        partnership: "partnerskaber",
        co_creation_process: "samskabelse",
      };
      const section = sections[d.target.type];
      expect(lines[i]).toContain(`<${publicUrl}/${section}/${d.target.id}|`);
      expect(lines[i]).toContain(formatWeekdayDateTime(d.dueAt));
      expect(lines[i]).toContain(`(${formatRelativeDays(d.dueAt, now)})`);
    });
    expect(answer.text).toContain(formatWeekdayDateTime(expected[0]?.dueAt ?? now));
    // Slack allows 3 s; the answer takes a fraction of that even on the embedded database.
    expect(elapsed).toBeLessThan(1000);
  });

  it("never shows internal deadlines (agenda cut-off, minutes correction) to a channel that may hold guests", async () => {
    const res = await postSlash(slashBody({ text: "365" }));
    const answer = (await res.json()) as SlackAnswer;
    const all = answer.blocks.map((b) => b.text?.text ?? "").join("\n");
    expect(all).not.toContain("Dagsordensfrist");
    expect(all).not.toContain("Referatfrist");
  });

  it("narrows to 14 days for /frister 14", async () => {
    const answer = (await (await postSlash(slashBody({ text: "14" }))).json()) as SlackAnswer;
    expect(answer.blocks[0]?.text?.text).toBe(`Frister for ${council.councilName} de næste 14 dage`);
    const expected = await upcomingDeadlinesFor(
      opened.db,
      { municipalityId: council.municipalityId, councilIds: [council.councilId], publicOnly: true },
      now,
      { horizonDays: 14 },
    );
    expect(answer.blocks.filter((b) => b.type === "section")).toHaveLength(Math.max(1, expected.length));
  });

  it("explains usage for /frister hjælp, and in English for /frister help", async () => {
    const da = (await (await postSlash(slashBody({ text: "hjælp" }))).json()) as SlackAnswer;
    expect(da.text).toContain("*/frister 14* viser de næste 14 dage");
    const en = (await (await postSlash(slashBody({ text: "help" }))).json()) as SlackAnswer;
    expect(en.text).toContain("lists the next 14 days");
  });

  it("tells an unlinked channel how an official links it, without guessing a council", async () => {
    const answer = (await (await postSlash(slashBody({ channel_id: "C0UNLINKED" }))).json()) as SlackAnswer;
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.text).toContain("Denne kanal er ikke knyttet til et råd endnu");
    expect(answer.text).toContain("C0UNLINKED");
    expect(answer.text).not.toContain(council.councilName);
  });

  it("refuses a wrong signature, a stale timestamp and missing headers with 401 and a clear message", async () => {
    const body = slashBody({});
    const wrong = await postSlash(body, slackHeaders(body, now, "not-the-secret"));
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toContain("signature does not match");

    const stale = await postSlash(body, slackHeaders(body, new Date(now.getTime() - 6 * 60_000)));
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: string }).error).toContain("more than 5 minutes");

    const missing = await postSlash(body, {});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: string }).error).toContain(
      "Missing X-Slack-Request-Timestamp",
    );

    // A body altered after signing (another channel) is refused too.
    const tampered = await postSlash(slashBody({ channel_id: "C0OTHER" }), slackHeaders(body, now));
    expect(tampered.status).toBe(401);
  });

  it("answers 400 to a signed but malformed command, and 200 to Slack's signed ssl_check", async () => {
    expect((await postSlash("ssl_check=1&token=x")).status).toBe(200);
    const body = "text=14";
    const res = await postSlash(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain("team_id and channel_id");
  });

  it("answers 503 and accepts nothing when the signing secret is not configured", async () => {
    const body = slashBody({});
    const res = await bare.request("/slack/commands", {
      method: "POST",
      headers: slackHeaders(body, now),
      body,
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toContain(
      "SLACK_SIGNING_SECRET is not configured",
    );
  });
});

describe("Slack Events API", () => {
  const post = (body: string, headers: Record<string, string> = slackHeaders(body, now)) =>
    app.request("/slack/events", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });

  it("completes the signed url_verification handshake", async () => {
    const body = JSON.stringify({
      type: "url_verification",
      token: "x",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    const forged = await post(body, slackHeaders(body, now, "wrong"));
    expect(forged.status).toBe(401);
  });

  it("answers a mention in the channel through chat.postMessage, once even when Slack retries", async () => {
    const mention = (eventId: string) =>
      JSON.stringify({
        type: "event_callback",
        team_id: demo.broenderslev.slack.teamId,
        event_id: eventId,
        event: {
          type: "app_mention",
          channel: demo.broenderslev.slack.channelId,
          user: "U0MEMBER",
          text: "<@U0SAMRAAD> hvad er de næste frister?",
          ts: "1700000000.000100",
        },
      });
    const before = slack.posts.length;
    const started = performance.now();
    const res = await post(mention("Ev0MENTION1"));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(200);
    const posted = await until(() => slack.posts[before]);
    expect(posted.channel).toBe(demo.broenderslev.slack.channelId);
    expect(posted.token).toBe("xoxb-test-token");
    expect(posted.text).toContain(`Frister for ${council.councilName} de næste 30 dage`);

    const retry = await post(mention("Ev0MENTION1"), {
      ...slackHeaders(mention("Ev0MENTION1"), now),
      "x-slack-retry-num": "1",
    });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.posts.length).toBe(before + 1);
  });

  it("refuses forged, stale and malformed events without posting anything", async () => {
    const before = slack.posts.length;
    const body = JSON.stringify({
      type: "event_callback",
      team_id: "T0DEMO",
      event_id: "Ev0FORGED",
      event: { type: "app_mention", channel: "C0HANDICAP", text: "<@U0SAMRAAD> frister" },
    });
    expect((await post(body, slackHeaders(body, now, "forged"))).status).toBe(401);
    expect((await post(body, slackHeaders(body, new Date(now.getTime() + 10 * 60_000)))).status).toBe(401);
    expect((await post(body, { "x-slack-signature": "v0=00" })).status).toBe(401);
    const notJson = "{not json";
    const malformed = await post(notJson);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toContain("not JSON");
    const unknown = JSON.stringify({ type: "something_else" });
    expect((await post(unknown)).status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.posts.length).toBe(before);
  });
});

describe("Teams outgoing webhook", () => {
  const activity = (channelId: string, text = "<at>Samråd</at> frister 14") =>
    JSON.stringify({
      type: "message",
      text,
      from: { name: "Sekretær" },
      channelData: { channel: { id: channelId }, tenant: { id: "tenant-1" }, team: { id: "team-1" } },
    });
  const post = (body: string, authorization?: string) =>
    app.request("/teams/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body,
    });

  it("answers a signed message in the demo channel with an Adaptive Card of the deadlines", async () => {
    const body = activity(demo.broenderslev.teams.channelId);
    const res = await post(body, teamsAuthorization(body));
    expect(res.status).toBe(200);
    const message = (await res.json()) as {
      type: string;
      text: string;
      attachments: { contentType: string; content: { body: { text?: string }[] } }[];
    };
    expect(message.type).toBe("message");
    expect(message.text).toBe(`Frister for ${council.councilName} de næste 14 dage`);
    expect(message.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(message.attachments[0]?.content.body[0]?.text).toBe(message.text);
  });

  it("answers in English when the Teams client's locale is English", async () => {
    const body = JSON.stringify({
      ...JSON.parse(activity(demo.broenderslev.teams.channelId, "<p><at>Samråd</at>&nbsp;frister 7</p>")),
      locale: "en-GB",
    });
    const res = await post(body, teamsAuthorization(body));
    expect(((await res.json()) as { text: string }).text).toBe(
      `Deadlines for ${council.councilName} in the next 7 days`,
    );
  });

  it("tells an unlinked Teams channel how to link it", async () => {
    const body = activity("19:unlinked@thread.tacv2");
    const res = await post(body, teamsAuthorization(body));
    expect(((await res.json()) as { text: string }).text).toContain("ikke knyttet til et råd");
  });

  it("refuses a forged or missing HMAC with 401, and a malformed activity with 400", async () => {
    const body = activity(demo.broenderslev.teams.channelId);
    const forged = await post(
      body,
      teamsAuthorization(body, Buffer.from("another secret").toString("base64")),
    );
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: string }).error).toContain("HMAC signature does not match");
    expect((await post(body)).status).toBe(401);
    expect((await post(body, "Bearer abc")).status).toBe(401);
    const tampered = activity("19:other@thread.tacv2");
    expect((await post(tampered, teamsAuthorization(body))).status).toBe(401);
    const noChannel = JSON.stringify({ type: "message", text: "hej" });
    expect((await post(noChannel, teamsAuthorization(noChannel))).status).toBe(400);
    expect((await post("nope", teamsAuthorization("nope"))).status).toBe(400);
  });

  it("answers 503 when TEAMS_WEBHOOK_SECRET is not configured", async () => {
    const body = activity(demo.broenderslev.teams.channelId);
    const res = await bare.request("/teams/webhook", {
      method: "POST",
      headers: { authorization: teamsAuthorization(body) },
      body,
    });
    expect(res.status).toBe(503);
  });
});
