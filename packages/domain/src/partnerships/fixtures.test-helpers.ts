import type { Agreement, Amendment, Partner, Signature } from "./model.ts";
import { emptySections } from "./model.ts";

export const kommune: Partner = {
  id: "p-kommune",
  kind: "municipality",
  name: "Randers Kommune",
  municipalityId: "m-randers",
  contacts: [],
  signatories: [
    {
      id: "s-direktor",
      partnerId: "p-kommune",
      name: "Dorthe Direktør",
      capacity: "Direktør",
      userId: "u-dorthe",
    },
  ],
};

export const forening: Partner = {
  id: "p-forening",
  kind: "organisation",
  name: "Forældreforeningen Randers",
  municipalityId: null,
  contacts: [],
  signatories: [
    {
      id: "s-formand",
      partnerId: "p-forening",
      name: "Frida Formand",
      capacity: "Formand",
      userId: "u-frida",
    },
    {
      id: "s-kasserer",
      partnerId: "p-forening",
      name: "Kaj Kasserer",
      capacity: "Kasserer",
      userId: "u-kaj",
    },
  ],
};

export const partners = [kommune, forening];
export const signatoryIds = ["s-direktor", "s-formand", "s-kasserer"] as const;

export function signature(signatoryId: string, signedAt: Date): Signature {
  const partner = partners.find((p) => p.signatories.some((s) => s.id === signatoryId));
  const s = partner?.signatories.find((x) => x.id === signatoryId);
  if (!partner || !s) throw new Error(`unknown signatory ${signatoryId}`);
  return { signatoryId, partnerId: partner.id, name: s.name, capacity: s.capacity, signedAt };
}

export function agreement(signatures: Signature[] = []): Agreement {
  return {
    id: "a-1",
    sections: { ...emptySections(), task: "Forældrekursus", content: "Fire undervisningsgange" },
    duration: { kind: "ongoing", evaluationOn: "2025-03-01" },
    signatures,
  };
}

export function amendment(
  number: number,
  changes: Amendment["changes"],
  signatures: Signature[] = [],
): Amendment {
  return {
    id: `t-${number}`,
    number,
    title: `Tillæg ${number}`,
    changes,
    proposedAt: new Date("2024-05-01T10:00:00Z"),
    signatures,
  };
}
