import { fail, ok, type Result } from "../shared/result.ts";
import type { Agreement, Amendment, Partner, Signatory, Signature } from "./model.ts";

type Signed = { signatures: Signature[] };

/** Signatures that count: made by a signatory the partner still names. */
function validSignatures(doc: Signed, partners: Partner[]): Signature[] {
  const named = new Set(partners.flatMap((p) => p.signatories.map((s) => `${p.id}:${s.id}`)));
  return doc.signatures.filter((s) => named.has(`${s.partnerId}:${s.signatoryId}`));
}

/**
 * The signatories a document needs at moment `t`: those named by then, and anyone who had signed by then (they
 * were evidently named). Someone named later is not needed for what already took effect.
 */
function requiredAt(doc: Signed, partners: Partner[], t: number): Signatory[][] {
  const signedBy = new Set(
    validSignatures(doc, partners)
      .filter((s) => s.signedAt.getTime() <= t)
      .map((s) => s.signatoryId),
  );
  return partners.map((p) =>
    p.signatories.filter((s) => !s.namedAt || s.namedAt.getTime() <= t || signedBy.has(s.id)),
  );
}

/**
 * The moment a document (agreement or amendment) took effect: the first signature at which every signatory
 * named by then, of every partner, had signed. Null while anyone is missing — an unsigned document is a draft,
 * however long it waits. A partner without signatories blocks.
 */
export function effectiveAt(doc: Signed, partners: Partner[]): Date | null {
  if (partners.length === 0) return null;
  const valid = validSignatures(doc, partners);
  const times = [...new Set(valid.map((s) => s.signedAt.getTime()))].sort((a, b) => a - b);
  for (const t of times) {
    const required = requiredAt(doc, partners, t);
    if (required.some((r) => r.length === 0)) continue;
    const signed = new Set(valid.filter((s) => s.signedAt.getTime() <= t).map((s) => s.signatoryId));
    if (required.flat().every((s) => signed.has(s.id))) return new Date(t);
  }
  return null;
}

/** Who still has to sign: nobody once the document took effect; otherwise every named signatory not signed. */
export function missingSignatories(doc: Signed, partners: Partner[]): Signatory[] {
  if (effectiveAt(doc, partners)) return [];
  const signed = new Set(validSignatures(doc, partners).map((s) => s.signatoryId));
  return partners.flatMap((p) => p.signatories.filter((s) => !signed.has(s.id)));
}

/**
 * Signing is an explicit act by a named signatory's own login; nobody signs for someone else, and a
 * document is signed once per signatory.
 */
export function signAs(
  doc: Signed,
  partners: Partner[],
  userId: string,
  partnerId: string,
  at: Date,
): Result<Signature> {
  const partner = partners.find((p) => p.id === partnerId);
  const signatory = partner?.signatories.find((s) => s.userId !== null && s.userId === userId);
  if (!partner || !signatory) {
    return fail(
      "partnership.not_signatory",
      "Du er ikke udpeget til at underskrive for denne partner",
      "You are not named as a signatory for this partner",
    );
  }
  if (doc.signatures.some((s) => s.signatoryId === signatory.id)) {
    return fail("partnership.already_signed", "Du har allerede underskrevet", "You have already signed");
  }
  return ok({
    signatoryId: signatory.id,
    partnerId: partner.id,
    name: signatory.name,
    capacity: signatory.capacity,
    signedAt: at,
  });
}

/** Signed text is settled: once anyone has signed, changes go through a new amendment. */
export function canEditText(doc: Signed): Result<true> {
  if (doc.signatures.length > 0) {
    return fail(
      "partnership.signed_locked",
      "Teksten er underskrevet og kan ikke ændres – lav et tillæg",
      "The text has been signed and cannot be changed — make an amendment",
    );
  }
  return ok(true);
}

export type TextInForce = {
  sections: Agreement["sections"];
  inForceSince: Date;
  /** The amendments applied, in the order they took effect. */
  amendmentIds: string[];
};

/**
 * "What had we agreed on this date?": the agreement once signed by everyone, with every amendment signed by
 * everyone by then applied in the order they took effect. Null before the agreement took effect and after a
 * fixed end date (which counts through the whole day in the caller's `endOfTerm`).
 */
export function textInForce(
  agreement: Agreement,
  amendments: Amendment[],
  partners: Partner[],
  onDate: Date,
  endOfTerm: Date | null = null,
): TextInForce | null {
  const since = effectiveAt(agreement, partners);
  if (!since || since.getTime() > onDate.getTime()) return null;
  if (endOfTerm && onDate.getTime() > endOfTerm.getTime()) return null;
  const applied = amendments
    .map((a) => ({ a, at: effectiveAt(a, partners) }))
    .filter((x): x is { a: Amendment; at: Date } => x.at !== null && x.at.getTime() <= onDate.getTime())
    .sort((x, y) => x.at.getTime() - y.at.getTime() || x.a.number - y.a.number);
  const sections = { ...agreement.sections };
  for (const { a } of applied) {
    for (const [key, text] of Object.entries(a.changes)) {
      if (text !== undefined) sections[key as keyof typeof sections] = text;
    }
  }
  return { sections, inForceSince: since, amendmentIds: applied.map((x) => x.a.id) };
}
