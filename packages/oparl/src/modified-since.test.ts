import { and, type Database, eq, isNull, sql } from "@samraad/db";
import { demo, demoCoCreation, demoVotes } from "@samraad/db/demo";
import {
  agendaItems,
  attachments,
  coCreationIdeas,
  coCreationProcesses,
  coCreationSessions,
  coCreationVotes,
  councils,
  hearings,
  meetings,
  memberships,
  municipalities,
  policies,
  policyActions,
} from "@samraad/db/schema";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OparlJson, typeName } from "./testing/crawler.ts";
import { base, oparlWithDemo } from "./testing/demo-api.ts";

/*
 * Incremental harvesting: after a full harvest at time T, a client asks every list for modified_since=T and must
 * get exactly what changed since — edits and deletions — and nothing else.
 */

const now = new Date();
let db: Database;
let close: () => Promise<void>;
let app: Hono;
const get = async (url: string) => (await app.request(url)).json() as Promise<Record<string, unknown>>;

const lists = [
  "organizations",
  "people",
  "memberships",
  "legislative-terms",
  "meetings",
  "agenda-items",
  "papers",
  "consultations",
  "files",
  "locations",
  "policy-actions",
  "co-creation-processes",
  "co-creation-sessions",
  "ideas",
  "vote-results",
];

/** Every object of every list of every body (and the bodies), following all pages, with the given query. */
async function harvestAll(query: string): Promise<OparlJson[]> {
  const out: OparlJson[] = [];
  const readList = async (url: string) => {
    let page: string | undefined = `${url}?${query}&limit=25`;
    while (page) {
      const body = (await get(page)) as { data: OparlJson[]; links: { next?: string } };
      out.push(...body.data);
      page = body.links.next;
    }
  };
  await readList(`${base}/bodies`);
  const bodies = (await get(`${base}/bodies?limit=1000`)) as { data: OparlJson[] };
  for (const b of bodies.data) for (const l of lists) await readList(`${b.id}/${l}`);
  return out;
}

beforeAll(async () => {
  ({ db, app, close } = await oparlWithDemo(now));
  // Seeding can outlast the default hook timeout on a busy two-core machine.
}, 240_000);

afterAll(async () => {
  await close?.();
});

describe("modified_since", () => {
  it("returns exactly the objects changed since then, deletions included as deleted stubs", async () => {
    // The seed writes nothing after `now`; the changes happen an hour later, the harvest asks from half an hour.
    const since = new Date(now.getTime() + 30 * 60_000);
    const at = new Date(now.getTime() + 60 * 60_000);
    const [town] = await db
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(eq(municipalities.slug, demo.broenderslev.slug));
    if (!town) throw new Error("no demo municipality");

    // An open item without files or hearing, on a public meeting, is deleted.
    const publicItems = (await get(`${base}/body/${town.id}/agenda-items?limit=1000`)) as {
      data: OparlJson[];
    };
    const withFiles = new Set(
      (
        await db
          .select({ id: attachments.agendaItemId })
          .from(attachments)
          .where(isNull(attachments.deletedAt))
      ).map((r) => r.id),
    );
    const item = publicItems.data.find(
      (i) => i.public && !i.consultation && !withFiles.has(i.id.split("/").at(-1) ?? ""),
    );
    if (!item) throw new Error("no plain public item in the demo");
    const itemId = item.id.split("/").at(-1) ?? "";
    await db.update(agendaItems).set({ deletedAt: at, updatedAt: at }).where(eq(agendaItems.id, itemId));

    // A public hearing is edited.
    const [hearing] = await db
      .select({ id: hearings.id })
      .from(hearings)
      .where(and(eq(hearings.municipalityId, town.id), eq(hearings.public, true)))
      .limit(1);
    if (!hearing) throw new Error("no public hearing");
    await db
      .update(hearings)
      .set({ title: "Høring om ny titel", updatedAt: at })
      .where(eq(hearings.id, hearing.id));

    // A membership outside any substitute pairing is deleted with plain SQL, as a script or the admin app would.
    const [member] = await db
      .select({ id: memberships.id, personId: memberships.personId, councilId: memberships.councilId })
      .from(memberships)
      .where(
        and(
          eq(memberships.municipalityId, town.id),
          isNull(memberships.substituteForMembershipId),
          sql`not exists (select 1 from memberships s where s.substitute_for_membership_id = ${memberships.id})`,
        ),
      )
      .limit(1);
    if (!member) throw new Error("no plain membership");
    await db.execute(
      sql`update memberships set deleted_at = ${at.toISOString()}::timestamptz, updated_at = ${at.toISOString()}::timestamptz where id = ${member.id}`,
    );

    const changed = await harvestAll(`modified_since=${encodeURIComponent(since.toISOString())}`);
    const expected = [
      `${base}/agenda-item/${itemId}`,
      String(item.meeting), // embeds the item
      `${base}/paper/${hearing.id}`,
      `${base}/consultation/${hearing.id}`,
      `${base}/membership/${member.id}`,
      `${base}/person/${member.personId}`, // embeds the membership
      `${base}/organization/${member.councilId}`, // lists the membership
    ];
    expect(changed.map((o) => o.id).sort()).toEqual(expected.sort());

    const deleted = changed.filter((o) => o.deleted === true).map((o) => o.id);
    expect(deleted.sort()).toEqual(
      [`${base}/agenda-item/${itemId}`, `${base}/membership/${member.id}`].sort(),
    );
    for (const o of changed.filter((x) => x.deleted)) {
      expect(Object.keys(o).sort()).toEqual(["created", "deleted", "id", "modified", "type"]);
      expect(Date.parse(String(o.modified))).toBe(Math.floor(at.getTime() / 1000) * 1000);
    }
    expect(changed.find((o) => o.id === `${base}/paper/${hearing.id}`)?.name).toBe("Høring om ny titel");

    // The deleted item still answers at its URL, as a stub with 200, and drops out of ordinary lists and its meeting.
    const stub = await app.request(`${base}/agenda-item/${itemId}`);
    expect(stub.status).toBe(200);
    expect(((await stub.json()) as { deleted?: boolean }).deleted).toBe(true);
    const plain = (await get(`${base}/body/${town.id}/agenda-items?limit=1000`)) as { data: OparlJson[] };
    expect(plain.data.map((i) => i.id)).not.toContain(item.id);
    const meeting = await get(String(item.meeting));
    expect((meeting.agendaItem as OparlJson[]).map((i) => i.id)).not.toContain(item.id);

    // modified_until before the change leaves the changed objects out; a window after it holds only them.
    const before = await harvestAll(`modified_until=${encodeURIComponent(since.toISOString())}`);
    expect(before.map((o) => o.id)).not.toContain(`${base}/paper/${hearing.id}`);
    const later = await harvestAll(
      `modified_since=${encodeURIComponent(new Date(at.getTime() + 1000).toISOString())}`,
    );
    expect(later).toEqual([]);
  });

  it("never lists a planned meeting, not even when it changed recently", async () => {
    const [planned] = await db
      .select({ id: meetings.id, municipalityId: meetings.municipalityId })
      .from(meetings)
      .where(eq(meetings.status, "planned"))
      .limit(1);
    if (!planned) throw new Error("no planned meeting");
    const at = new Date(now.getTime() + 2 * 60 * 60_000);
    await db
      .update(meetings)
      .set({ title: "Hemmeligt udkast", updatedAt: at })
      .where(eq(meetings.id, planned.id));
    const changed = await harvestAll(
      `modified_since=${encodeURIComponent(new Date(at.getTime() - 1000).toISOString())}`,
    );
    expect(changed).toEqual([]);
    expect((await app.request(`${base}/meeting/${planned.id}`)).status).toBe(404);
  });

  it("follows the disability policy: a removed action is a deleted stub, an expired policy and its actions too, drafts never", async () => {
    const [town] = await db
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(eq(municipalities.slug, "randers"));
    if (!town) throw new Error("no Randers");
    const [policy] = await db
      .select({ id: policies.id })
      .from(policies)
      .where(and(eq(policies.municipalityId, town.id), eq(policies.status, "adopted")));
    if (!policy) throw new Error("no adopted Randers policy");
    const published = await db
      .select({ id: policyActions.id })
      .from(policyActions)
      .where(and(eq(policyActions.policyId, policy.id), eq(policyActions.published, true)));
    const [removed, edited] = published;
    if (!removed || !edited) throw new Error("too few published actions");
    const [draft] = await db
      .select({ id: policies.id })
      .from(policies)
      .where(sql`${policies.status} <> 'adopted'`)
      .limit(1);
    if (!draft) throw new Error("no draft policy");

    const at = new Date(now.getTime() + 4 * 60 * 60_000);
    await db
      .update(policyActions)
      .set({ deletedAt: at, updatedAt: at })
      .where(eq(policyActions.id, removed.id));
    await db
      .update(policyActions)
      .set({ handling: "Ny formulering af handlingen", updatedAt: at })
      .where(eq(policyActions.id, edited.id));
    await db
      .update(policies)
      .set({ title: "Hemmeligt udkast", updatedAt: at })
      .where(eq(policies.id, draft.id));
    const changed = await harvestAll(
      `modified_since=${encodeURIComponent(new Date(at.getTime() - 1000).toISOString())}`,
    );
    const paperUrl = `${base}/paper/${policy.id}`;
    expect(changed.map((o) => o.id).sort()).toEqual(
      [`${base}/policy-action/${removed.id}`, `${base}/policy-action/${edited.id}`, paperUrl].sort(),
    );
    expect(changed.filter((o) => o.deleted).map((o) => o.id)).toEqual([
      `${base}/policy-action/${removed.id}`,
    ]);
    expect(changed.find((o) => o.id === `${base}/policy-action/${edited.id}`)?.name).toBe(
      "Ny formulering af handlingen",
    );
    expect(changed.find((o) => o.id === paperUrl)?.["samraad:action"]).not.toContain(
      `${base}/policy-action/${removed.id}`,
    );
    expect(JSON.stringify(changed)).not.toContain("Hemmeligt udkast");
    expect((await app.request(`${base}/paper/${draft.id}`)).status).toBe(404);

    // The policy expires: it and every action it listed become deleted stubs for harvesters.
    const expiredAt = new Date(now.getTime() + 5 * 60 * 60_000);
    await db
      .update(policies)
      .set({ status: "expired", updatedAt: expiredAt })
      .where(eq(policies.id, policy.id));
    const afterExpiry = await harvestAll(
      `modified_since=${encodeURIComponent(new Date(expiredAt.getTime() - 1000).toISOString())}`,
    );
    expect(afterExpiry.map((o) => o.id).sort()).toEqual(
      [paperUrl, ...published.map((a) => `${base}/policy-action/${a.id}`)].sort(),
    );
    expect(afterExpiry.every((o) => o.deleted === true)).toBe(true);
    const stub = await app.request(paperUrl);
    expect(stub.status).toBe(200);
    expect(((await stub.json()) as { deleted?: boolean }).deleted).toBe(true);
    const plain = (await get(`${base}/body/${town.id}/papers?limit=1000`)) as { data: OparlJson[] };
    expect(plain.data.map((p) => p.id)).not.toContain(paperUrl);
  });

  it("shows a deleted council's meetings, items, files, hearings, terms and memberships as deleted too", async () => {
    const [council] = await db
      .select({ id: councils.id, municipalityId: councils.municipalityId })
      .from(councils)
      .innerJoin(municipalities, eq(municipalities.id, councils.municipalityId))
      .where(
        and(
          eq(municipalities.slug, demo.broenderslev.slug),
          eq(councils.slug, demo.broenderslev.councilSlug),
        ),
      );
    if (!council) throw new Error("no demo council");
    const orgUrl = `${base}/organization/${council.id}`;
    const bodyUrl = `${base}/body/${council.municipalityId}`;
    // What a harvester holds of this council before the deletion.
    const meetingsBefore = ((await get(`${orgUrl}/meetings?limit=1000`)) as { data: OparlJson[] }).data;
    const held = new Set<string>([orgUrl, ...meetingsBefore.map((m) => m.id)]);
    for (const m of meetingsBefore) {
      for (const i of (m.agendaItem as OparlJson[] | undefined) ?? []) {
        held.add(i.id);
        for (const f of (i.auxiliaryFile as OparlJson[] | undefined) ?? []) held.add(f.id);
      }
    }
    for (const list of ["papers", "consultations", "memberships", "legislative-terms", "files"]) {
      const page = (await get(`${bodyUrl}/${list}?limit=1000`)) as { data: OparlJson[] };
      for (const o of page.data) {
        const owner =
          o.organization ?? o["samraad:organization"] ?? (o.underDirectionOf as string[] | undefined)?.[0];
        const ofCouncil = Array.isArray(owner) ? owner.includes(orgUrl) : owner === orgUrl;
        const paperFile =
          typeName(o) === "File" && ((o.paper as string[] | undefined) ?? []).some((p) => held.has(p));
        if (ofCouncil || paperFile) held.add(o.id);
      }
    }
    expect([...held].some((id) => id.includes("/file/"))).toBe(true);
    expect([...held].some((id) => id.includes("/paper/"))).toBe(true);

    const at = new Date(now.getTime() + 3 * 60 * 60_000);
    await db.update(councils).set({ deletedAt: at, updatedAt: at }).where(eq(councils.id, council.id));
    const changed = await harvestAll(
      `modified_since=${encodeURIComponent(new Date(at.getTime() - 1000).toISOString())}`,
    );
    const deleted = new Set(changed.filter((o) => o.deleted === true).map((o) => o.id));
    expect([...held].filter((id) => !deleted.has(id))).toEqual([]);
    const plain = await harvestAll("created_since=2000-01-01T00:00:00Z");
    expect(plain.map((o) => o.id).filter((id) => held.has(id))).toEqual([]);
  });

  it("follows co-creation: edited and removed ideas, a cancelled session, a removed process — never a pending idea or a draft", async () => {
    const processOf = async (slug: string) => {
      const [row] = await db
        .select({ id: coCreationProcesses.id })
        .from(coCreationProcesses)
        .where(eq(coCreationProcesses.slug, slug));
      if (!row) throw new Error(`no process ${slug}`);
      return row.id;
    };
    const town = await processOf(demoCoCreation.broenderslev.slug);
    const food = await processOf(demoCoCreation.food.slug);
    const draft = await processOf(demoCoCreation.broenderslev.draftSlug);
    const ideas = await db
      .select({ id: coCreationIdeas.id, status: coCreationIdeas.status })
      .from(coCreationIdeas)
      .where(eq(coCreationIdeas.processId, town));
    const [edited, removed] = ideas.filter((i) => i.status === "published");
    const pending = ideas.find((i) => i.status === "pending");
    const [session] = await db
      .select({ id: coCreationSessions.id })
      .from(coCreationSessions)
      .where(eq(coCreationSessions.processId, food))
      .limit(1);
    if (!edited || !removed || !pending || !session) throw new Error("demo lacks co-creation data");

    const at = new Date(now.getTime() + 6 * 60 * 60_000);
    await db
      .update(coCreationIdeas)
      .set({ title: "Ramper ved alle butikker", updatedAt: at })
      .where(eq(coCreationIdeas.id, edited.id));
    await db
      .update(coCreationIdeas)
      .set({ deletedAt: at, updatedAt: at })
      .where(eq(coCreationIdeas.id, removed.id));
    await db
      .update(coCreationIdeas)
      .set({ description: "Hemmeligt ventende forslag", updatedAt: at })
      .where(eq(coCreationIdeas.id, pending.id));
    await db
      .update(coCreationSessions)
      .set({ cancelledAt: at, updatedAt: at })
      .where(eq(coCreationSessions.id, session.id));
    await db
      .update(coCreationProcesses)
      .set({ title: "Hemmelig kladde", updatedAt: at })
      .where(eq(coCreationProcesses.id, draft));
    const since = `modified_since=${encodeURIComponent(new Date(at.getTime() - 1000).toISOString())}`;
    const changed = await harvestAll(since);
    expect(changed.map((o) => o.id).sort()).toEqual(
      [
        `${base}/idea/${edited.id}`,
        `${base}/idea/${removed.id}`,
        `${base}/co-creation-process/${town}`, // lists its ideas
        `${base}/co-creation-session/${session.id}`,
        `${base}/co-creation-process/${food}`, // lists its sessions
      ].sort(),
    );
    expect(changed.filter((o) => o.deleted).map((o) => o.id)).toEqual([`${base}/idea/${removed.id}`]);
    expect(changed.find((o) => o.id === `${base}/idea/${edited.id}`)?.name).toBe("Ramper ved alle butikker");
    expect(changed.find((o) => o.id === `${base}/co-creation-session/${session.id}`)?.cancelled).toBe(true);
    expect(changed.find((o) => o.id === `${base}/co-creation-process/${town}`)?.idea).not.toContain(
      `${base}/idea/${removed.id}`,
    );
    expect(JSON.stringify(changed)).not.toMatch(/Hemmelig/);

    // Bolbro is removed: the process, its sessions, its ideas and its published result all become deleted stubs.
    const bolbro = await processOf(demoCoCreation.bolbro.slug);
    const held = [
      `${base}/co-creation-process/${bolbro}`,
      ...(
        await db
          .select({ id: coCreationSessions.id })
          .from(coCreationSessions)
          .where(eq(coCreationSessions.processId, bolbro))
      ).map((x) => `${base}/co-creation-session/${x.id}`),
      ...(
        await db
          .select({ id: coCreationIdeas.id })
          .from(coCreationIdeas)
          .where(and(eq(coCreationIdeas.processId, bolbro), eq(coCreationIdeas.status, "published")))
      ).map((x) => `${base}/idea/${x.id}`),
      ...(
        await db
          .select({ id: coCreationVotes.id })
          .from(coCreationVotes)
          .where(eq(coCreationVotes.title, demoVotes.bolbro.title))
      ).map((x) => `${base}/vote-result/${x.id}`),
    ];
    expect(held.filter((id) => id.includes("/vote-result/"))).toHaveLength(1);
    const removedAt = new Date(now.getTime() + 7 * 60 * 60_000);
    await db
      .update(coCreationProcesses)
      .set({ deletedAt: removedAt, updatedAt: removedAt })
      .where(eq(coCreationProcesses.id, bolbro));
    const afterRemoval = await harvestAll(
      `modified_since=${encodeURIComponent(new Date(removedAt.getTime() - 1000).toISOString())}`,
    );
    expect(afterRemoval.map((o) => o.id).sort()).toEqual(held.sort());
    expect(afterRemoval.every((o) => o.deleted === true)).toBe(true);
    const stub = await app.request(held.find((id) => id.includes("/vote-result/")) ?? "");
    expect(stub.status).toBe(200);
    expect(((await stub.json()) as { deleted?: boolean }).deleted).toBe(true);
  });
});
