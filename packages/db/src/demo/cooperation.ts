/**
 * Gribskov's IT volunteers process ends in a signed cooperation agreement (the SUS catalogue, 2015): Gribskov
 * Kommune and the local volunteer centre agree who does what, who the volunteers are and how they are
 * recruited. It is a partnership agreement whose origin is the process, signed by both ten days ago and
 * published, so the process page shows it. Dates are relative to `now`.
 */
import type { AgreementSection } from "@samraad/domain/partnerships";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../database.ts";
import {
  insertPartnership,
  insertPartnershipPerson,
  insertSignature,
  updatePartnershipRow,
} from "../queries/partnerships.ts";
import { coCreationProcesses, municipalities } from "../schema/index.ts";
import { demoCoCreation } from "./co-creation.ts";
import { SEEDED_SIGNATURE, writeDemoSections } from "./partnerships.ts";
import { addDays, copenhagen, copenhagenDate } from "./time.ts";

export const demoCooperation = {
  organisation: "Frivilligcenter Gribskov",
  signedDaysAgo: 10,
} as const;

const sections: Record<AgreementSection, string> = {
  partners: "Gribskov Kommune, Center for Social og Sundhed\nFrivilligcenter Gribskov",
  task: 'Resultat af samskabelsesforløbet "IT-frivillige på sociale tilbud": IT-frivillige hjælper beboere og brugere på kommunens bosteder og dagtilbud med at bruge computer, tablet og smartphone.',
  content:
    "De frivillige er borgere med IT-kompetencer, fx fra lokale virksomheder og uddannelsessteder. Frivilligcentret rekrutterer dem gennem opslag, virksomhedsnetværk og uddannelsesstederne og holder en introduktion, før de starter. Bostederne beskriver sammen med beboerne, hvad de ønsker hjælp til: en computercafé, Facebook-profiler, billeder og musik. Hvert tilbud udpeger en kontaktmedarbejder, der tager imod de frivillige. Mål: 10 frivillige på 5 tilbud det første år.",
  financing:
    "Kommunen betaler udstyr og forplejning (25.000 kr. om året). Frivilligcentret dækker rekruttering og introduktion inden for sit driftstilskud.",
  organisation:
    "En følgegruppe med én fra kommunen, én fra frivilligcentret, en kontaktmedarbejder fra et bosted og en beboerrepræsentant mødes hvert kvartal.",
  division_of_work:
    "Kommunen: økonomi, ledelsesmæssig opbakning og at sprede idéen til alle tilbud. Frivilligcentret: rekruttering, introduktion og opfølgning på de frivillige. Tilbuddene: kontaktmedarbejder, lokaler og at gøre beboerne klar. Medarbejderne har ansvaret for beboerne; de frivillige hjælper med IT og løser ikke medarbejdernes opgaver.",
  duration: "Aftalen gælder i to år fra underskriften.",
  amendments: "Ændringer gælder kun som skriftlige tillæg, underskrevet af begge partnere.",
  signatures: "",
};

export async function seedDemoCooperationAgreement(tx: Transaction, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const [process] = await tx
    .select({ id: coCreationProcesses.id, municipalityId: municipalities.id, name: municipalities.name })
    .from(coCreationProcesses)
    .innerJoin(municipalities, eq(municipalities.id, coCreationProcesses.municipalityId))
    .where(
      and(
        eq(municipalities.slug, demoCoCreation.itVolunteers.municipality),
        eq(coCreationProcesses.slug, demoCoCreation.itVolunteers.slug),
      ),
    );
  if (!process) return;
  const created = await insertPartnership(tx, {
    municipalityId: process.municipalityId,
    title: demoCoCreation.itVolunteers.title,
    task: sections.task,
    coCreationProcessId: process.id,
    partners: [
      { kind: "municipality", name: process.name, municipalityId: process.municipalityId },
      { kind: "organisation", name: demoCooperation.organisation },
    ],
  });
  const [kommune, frivilligcenter] = created.partners;
  if (!kommune || !frivilligcenter) throw new Error("demo partners missing");
  const signedOn = addDays(today, -demoCooperation.signedDaysAgo);
  await updatePartnershipRow(tx, created.id, {
    stage: 4,
    endsOn: addDays(signedOn, 730),
    volunteerCoordinator: "Henrik Frivilligkoordinator",
    published: true,
  });
  await writeDemoSections(tx, created.id, sections);
  const base = { municipalityId: process.municipalityId, partnershipId: created.id };
  const signatories = [
    {
      partner: kommune,
      name: "Trine Vestergaard Nøhr",
      capacity: "Centerchef, Social og Sundhed",
      at: "10:00",
    },
    { partner: frivilligcenter, name: "Henrik Frivilligkoordinator", capacity: "Leder", at: "14:00" },
  ];
  for (const s of signatories) {
    const person = await insertPartnershipPerson(tx, {
      ...base,
      partnerId: s.partner.id,
      name: s.name,
      capacity: s.capacity,
      contact: true,
      signatory: true,
    });
    await insertSignature(tx, {
      ...base,
      amendmentId: null,
      partnerId: s.partner.id,
      signatoryId: person.id,
      userId: SEEDED_SIGNATURE,
      name: s.name,
      capacity: s.capacity,
      signedAt: copenhagen(signedOn, s.at),
    });
  }
}
