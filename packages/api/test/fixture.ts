import type { Database } from "@samraad/db";
import { count } from "@samraad/db";
import { seedDemoData } from "@samraad/db/demo";
import { findCouncil, findMunicipality, listHearings, listMeetings } from "@samraad/db/queries";
import { auditLog } from "@samraad/db/schema";
import { createTestDatabase } from "@samraad/db/testing";
import type { Principal } from "@samraad/domain/access";
import { type FieldError, fieldErrors } from "@samraad/domain/shared";
import { z } from "zod";
import { createCaller } from "../src/root.ts";

/** A seeded database and the people the matrix tests act as. */
export async function demoFixture(now: Date) {
  const opened = await createTestDatabase();
  await seedDemoData(opened.db, now);
  const db = opened.db;
  const broenderslev = await required(findMunicipality(db, { slug: "broenderslev" }));
  const randers = await required(findMunicipality(db, { slug: "randers" }));
  const handicapraad = await required(findCouncil(db, broenderslev.id, { slug: "handicapraadet" }));
  const aeldreraad = await required(findCouncil(db, broenderslev.id, { slug: "aeldreraadet" }));
  const randersHandicapraad = await required(findCouncil(db, randers.id, { slug: "handicapraadet" }));

  const principals = {
    adminBroenderslev: principal("admin-b", [
      { municipalityId: broenderslev.id, role: "administrator", councilId: null },
    ]),
    secretary: principal("sekr-b", [
      { municipalityId: broenderslev.id, role: "secretary", councilId: handicapraad.id },
    ]),
    member: principal("medlem-b", [
      { municipalityId: broenderslev.id, role: "member", councilId: handicapraad.id },
    ]),
    adminRanders: principal("admin-r", [
      { municipalityId: randers.id, role: "administrator", councilId: null },
    ]),
    public: null,
  } satisfies Record<string, Principal | null>;

  const meetings = await listMeetings(db, broenderslev.id, handicapraad.id);
  const hearings = await listHearings(db, broenderslev.id, handicapraad.id);
  const clock = { now };
  const as = (who: Principal | null) => createCaller({ db, now: () => clock.now, principal: who });
  const auditCount = async () => (await db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

  return {
    db: db as Database,
    close: opened.close,
    clock,
    broenderslev,
    randers,
    handicapraad,
    aeldreraad,
    randersHandicapraad,
    principals,
    meetings,
    hearings,
    as,
    auditCount,
  };
}

function principal(userId: string, grants: Principal["grants"]): Principal {
  return { userId, name: `Test ${userId}`, grants };
}

async function required<T>(value: Promise<T | null>): Promise<T> {
  const resolved = await value;
  if (!resolved) throw new Error("demo data is missing an expected row");
  return resolved;
}

/** The tRPC error code a call ends with, or "OK". */
export async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "OK";
  } catch (error) {
    return (error as { code?: string }).code ?? "THREW";
  }
}

/** How a call is refused: its tRPC code, the domain rule that said no, and the field errors for a form. */
export async function failure(
  call: () => Promise<unknown>,
): Promise<{ code: string; rule?: string; fields: FieldError[] }> {
  try {
    await call();
  } catch (error) {
    const e = error as { code: string; cause?: unknown };
    const rule = (e.cause as { rule?: string } | undefined)?.rule;
    return { code: e.code, rule, fields: e.cause instanceof z.ZodError ? fieldErrors(e.cause) : [] };
  }
  throw new Error("the call succeeded");
}
