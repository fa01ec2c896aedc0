/**
 * Demo co-creation processes from the SUS catalogue's cases (Socialt Udviklingscenter SUS, 2015), each in its
 * own municipality: Bolbro bestemmer (Odense: three idea meetings and a citizen-run budget vote), food
 * citizenship (Vallensbæk: four Saturdays, upcoming), "Tænk hvis" (Silkeborg jobcentre: two half-day
 * workshops, finished) and IT volunteers (Gribskov: three workshops over half a year). Brønderslev gets an
 * upcoming process followed by its Handicapråd, so the demo accounts can organise one and its sign-up
 * deadlines reach the council. Dates are relative to `now`.
 */
import type { PhaseKind } from "@samraad/domain/co-creation";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../database.ts";
import { newCancelToken } from "../queries/co-creation.ts";
import {
  coCreationPhases,
  coCreationProcesses,
  coCreationRegistrations,
  coCreationSessions,
  councils,
  municipalities,
} from "../schema/index.ts";
import { addDays, copenhagen, copenhagenDate } from "./time.ts";

export const demoCoCreation = {
  bolbro: { municipality: "odense", slug: "bolbro-bestemmer", title: "Bolbro bestemmer" },
  food: { municipality: "vallensbaek", slug: "madborgerskab", title: "Madborgerskab for aleneforældre" },
  jobcentre: {
    municipality: "silkeborg",
    slug: "taenk-hvis",
    title: "Tænk hvis … mere brugerindflydelse i Jobcenter Silkeborg",
  },
  itVolunteers: { municipality: "gribskov", slug: "it-frivillige", title: "IT-frivillige på sociale tilbud" },
  broenderslev: {
    municipality: "broenderslev",
    slug: "tilgaengelig-by",
    title: "Tilgængelig by – borgerne bestemmer",
    /** The session with 3 places, all taken, and one person on the waiting list. */
    fullSessionTitle: "Byvandring med kørestol og rollator",
    draftSlug: "kladde-fritidsliv",
  },
} as const;

type Phase = { kind: PhaseKind; title: string; description?: string; from: number; to: number };
type Session = {
  title: string;
  description?: string;
  day: number;
  start: string;
  end: string;
  place: string;
  address?: string;
  facts?: Partial<Record<"stepFree" | "hearingLoop" | "signLanguageOnRequest" | "childcare", boolean>>;
  accessibilityNote?: string;
  capacity?: number;
  deadlineDaysBefore?: number;
  waitingList?: boolean;
  registrations?: { name: string; needs?: string; waiting?: boolean; cancelled?: boolean }[];
};
type Process = {
  municipality: string;
  councilSlug?: string;
  slug: string;
  title: string;
  purpose: string;
  audience?: string;
  area?: string;
  status: "draft" | "published" | "archived";
  phases: Phase[];
  sessions: Session[];
};

const people = [
  "Birthe Nielsen",
  "Ahmad Haddad",
  "Lone Kristensen",
  "Jens Madsen",
  "Fatima Yilmaz",
  "Søren Bach",
  "Mette Poulsen",
  "Karin Lund",
];

function processes(): Process[] {
  return [
    {
      municipality: "odense",
      slug: demoCoCreation.bolbro.slug,
      title: demoCoCreation.bolbro.title,
      purpose:
        "Odense Kommune lægger en del af budgettet ud til borgerne i Bolbro. På tre idémøder udvikler borgerne idéer, der gavner lokalområdet og fællesskabet, og en lørdag stemmer de om, hvilke idéer pengene skal gå til.",
      audience: "Alle, der bor i Bolbro, fra 15 år",
      area: "Bolbro, Odense",
      status: "published",
      phases: [
        { kind: "invitation", title: "Invitation", from: -84, to: -71 },
        { kind: "idea_development", title: "Tre idémøder", from: -70, to: -36 },
        { kind: "vote", title: "Afstemningslørdag", from: -28, to: -28 },
        { kind: "realisation", title: "Idéerne bliver til virkelighed", from: -27, to: 150 },
        { kind: "evaluation", title: "Evaluering", from: 151, to: 180 },
      ],
      sessions: [1, 2, 3].map((n) => ({
        title: `Idémøde ${n}`,
        description:
          "Vi drøfter, hvilket løft Bolbro har brug for, og arbejder videre med idéerne fra sidst.",
        day: -70 + (n - 1) * 14,
        start: "19:00",
        end: "21:00",
        place: "Bolbro Hallen, cafeteriet",
        address: "Stadionvej 50, 5200 Odense V",
        facts: { stepFree: true, hearingLoop: true, signLanguageOnRequest: true },
        capacity: 80,
        registrations: people.slice(0, 3 + n).map((name) => ({ name })),
      })),
    },
    {
      municipality: "vallensbaek",
      slug: demoCoCreation.food.slug,
      title: demoCoCreation.food.title,
      purpose:
        "Fire lørdage laver vi mad og spiser sammen med en kok. Mens den ene halvdel af forældrene er i køkkenet, udvikler resten idéer til, hvordan livet som alenefar og alenemor kan blive sjovere, nemmere og billigere.",
      audience: "Aleneforældre og deres børn",
      area: "Vallensbæk",
      status: "published",
      phases: [
        { kind: "invitation", title: "Tilmelding", from: -14, to: 9 },
        { kind: "workshops", title: "Fire lørdage med madborgerskab", from: 10, to: 31 },
        { kind: "realisation", title: "Vi arbejder videre med idéerne", from: 32, to: 120 },
        { kind: "evaluation", title: "Evalueringsmøde", from: 121, to: 121 },
      ],
      sessions: [
        "Brunch fra hele verden",
        "Grøn lørdag",
        "Billig og god hverdagsmad",
        "Festmad og fælles beslutning",
      ].map((theme, i) => ({
        title: `Lørdag ${i + 1}: ${theme}`,
        description:
          "Brunch til alle og aftensmad med hjem. Aktiviteter for de mindste børn, mens forældrene holder workshop.",
        day: 10 + i * 7,
        start: "10:00",
        end: "14:00",
        place: "Vallensbæk Medborgerhus, køkkenet",
        address: "Vallensbæk Stationstorv 100, 2665 Vallensbæk Strand",
        facts: { stepFree: true, childcare: true },
        accessibilityNote: "Skriv allergier og madhensyn ved tilmeldingen. Handicaptoilet ved indgangen.",
        capacity: 50,
        deadlineDaysBefore: 3,
        registrations: people.slice(0, 5 - i).map((name, k) => ({
          name,
          needs: k === 0 ? "Glutenfri mad til min datter" : undefined,
        })),
      })),
    },
    {
      municipality: "silkeborg",
      slug: demoCoCreation.jobcentre.slug,
      title: demoCoCreation.jobcentre.title,
      purpose:
        "Brugere af jobcentret, ansatte, samarbejdspartnere og frivillige foreninger giver sammen nye bud på, hvordan borgere i et ressourceforløb får mere ejerskab og indflydelse – med overskriften: Tænk hvis.",
      audience: "Borgere i ressourceforløb, ansatte, samarbejdspartnere og frivillige foreninger",
      area: "Jobcenter Silkeborg",
      status: "archived",
      phases: [
        { kind: "workshops", title: "To halvdags workshops", from: -120, to: -106 },
        { kind: "realisation", title: "En café drevet af borgerne", from: -105, to: -10 },
      ],
      sessions: [1, 2].map((n) => ({
        title: `Workshop ${n}: Tænk hvis …`,
        day: -120 + (n - 1) * 14,
        start: "09:00",
        end: "12:30",
        place: "Jobcenter Silkeborg, mødelokale 1",
        address: "Fredensgade 20, 8600 Silkeborg",
        facts: { stepFree: true, hearingLoop: true },
        capacity: 30,
        registrations: people.slice(0, 6).map((name) => ({ name })),
      })),
    },
    {
      municipality: "gribskov",
      slug: demoCoCreation.itVolunteers.slug,
      title: demoCoCreation.itVolunteers.title,
      purpose:
        "Kommunen, de sociale tilbud til mennesker med handicap, brugerne og frivilligcentret udvikler sammen en lokal drejebog for, hvordan vi finder IT-frivillige til bosteder og dagtilbud. Forløbet munder ud i en samarbejdsaftale.",
      audience: "Medarbejdere og beboere på sociale tilbud, frivilligcentret og IT-frivillige",
      area: "Gribskov Kommune",
      status: "published",
      // The three workshops are behind it; the signed cooperation agreement (demo/cooperation.ts) is its outcome.
      phases: [
        { kind: "workshops", title: "Tre workshops over et halvt år", from: -185, to: -20 },
        { kind: "realisation", title: "Samarbejdsaftale og de første frivillige", from: -19, to: 160 },
      ],
      sessions: [-180, -100, -21].map((day, i) => ({
        title: `Workshop ${i + 1}`,
        description: [
          "Hvad vil vi have IT-frivillige til?",
          "Hvem er de frivillige, og hvordan finder vi dem?",
          "Samarbejdsaftalen: hvem gør hvad?",
        ][i],
        day,
        start: "13:00",
        end: "16:00",
        place: "Frivilligcenter Gribskov",
        address: "Østergade 6, 3200 Helsinge",
        facts: { stepFree: true, signLanguageOnRequest: true },
        capacity: 30,
        registrations: people.map((name) => ({ name })),
      })),
    },
    {
      municipality: "broenderslev",
      councilSlug: "handicapraadet",
      slug: demoCoCreation.broenderslev.slug,
      title: demoCoCreation.broenderslev.title,
      purpose:
        "Byrådet har afsat 250.000 kr. til at gøre Brønderslev midtby lettere at færdes i. Borgerne udvikler idéerne på to idémøder og en byvandring, og bagefter stemmer de om, hvad pengene skal gå til. Handicaprådet følger forløbet.",
      audience: "Alle, der bor eller færdes i Brønderslev, fra 15 år",
      area: "Brønderslev midtby",
      status: "published",
      phases: [
        { kind: "invitation", title: "Invitation", from: -10, to: 6 },
        { kind: "idea_development", title: "Idémøder og byvandring", from: 7, to: 30 },
        { kind: "vote", title: "Afstemning", from: 40, to: 47 },
        { kind: "realisation", title: "Realisering", from: 48, to: 200 },
      ],
      sessions: [
        {
          title: "Idémøde 1: Hvor er det svært at komme frem?",
          day: 7,
          start: "17:00",
          end: "19:00",
          place: "Brønderslev Rådhus, byrådssalen",
          address: "Ny Rådhusplads 1, 9700 Brønderslev",
          facts: { stepFree: true, hearingLoop: true, signLanguageOnRequest: true, childcare: true },
          accessibilityNote: "Indgang fra Ny Rådhusplads med automatisk dør. Handicapparkering foran.",
          capacity: 60,
          deadlineDaysBefore: 2,
          registrations: [
            { name: "Birthe Nielsen", needs: "Kommer i kørestol" },
            { name: "Jens Madsen", needs: "Tegnsprogstolk, tak" },
            { name: "Karin Lund" },
          ],
        },
        {
          title: demoCoCreation.broenderslev.fullSessionTitle,
          description:
            "Vi går en tur gennem midtbyen og noterer, hvor kantsten, skilte og belægning driller.",
          day: 14,
          start: "14:00",
          end: "16:00",
          place: "Mødested: Torvet foran biblioteket",
          address: "Algade 1, 9700 Brønderslev",
          facts: { stepFree: true },
          accessibilityNote: "Ruten er ca. 1,5 km og helt uden trapper. Der er pauser undervejs.",
          capacity: 3,
          registrations: [
            { name: "Lone Kristensen", needs: "Bruger rollator" },
            { name: "Ahmad Haddad" },
            { name: "Søren Bach" },
            { name: "Mette Poulsen", waiting: true },
          ],
        },
        {
          title: "Idémøde 2: Idéerne gøres klar til afstemningen",
          day: 28,
          start: "17:00",
          end: "19:00",
          place: "Brønderslev Rådhus, byrådssalen",
          address: "Ny Rådhusplads 1, 9700 Brønderslev",
          facts: { stepFree: true, hearingLoop: true, signLanguageOnRequest: true, childcare: true },
          capacity: 60,
          registrations: [],
        },
      ],
    },
    {
      municipality: "broenderslev",
      councilSlug: "handicapraadet",
      slug: demoCoCreation.broenderslev.draftSlug,
      title: "Fritidsliv for alle (kladde)",
      purpose: "Et forløb om foreningslivet, der endnu ikke er offentliggjort.",
      status: "draft",
      phases: [{ kind: "invitation", title: "Invitation", from: 30, to: 45 }],
      sessions: [
        { title: "Opstartsmøde", day: 50, start: "18:00", end: "20:00", place: "Kulturhuset", capacity: 20 },
      ],
    },
  ];
}

export async function seedDemoCoCreation(tx: Transaction, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  for (const p of processes()) {
    const [m] = await tx
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(eq(municipalities.slug, p.municipality));
    if (!m) continue;
    let councilId: string | null = null;
    if (p.councilSlug) {
      const [c] = await tx
        .select({ id: councils.id })
        .from(councils)
        .where(and(eq(councils.municipalityId, m.id), eq(councils.slug, p.councilSlug)));
      councilId = c?.id ?? null;
    }
    const [process] = await tx
      .insert(coCreationProcesses)
      .values({
        municipalityId: m.id,
        councilId,
        slug: p.slug,
        title: p.title,
        purpose: p.purpose,
        audience: p.audience ?? null,
        area: p.area ?? null,
        status: p.status,
        publishedAt:
          p.status === "draft" ? null : copenhagen(addDays(today, p.phases[0]?.from ?? 0), "09:00"),
      })
      .returning({ id: coCreationProcesses.id });
    if (!process) continue;
    await tx.insert(coCreationPhases).values(
      p.phases.map((phase, i) => ({
        municipalityId: m.id,
        processId: process.id,
        kind: phase.kind,
        title: phase.title,
        description: phase.description ?? null,
        startsOn: addDays(today, phase.from),
        endsOn: addDays(today, phase.to),
        position: i,
      })),
    );
    for (const s of p.sessions) {
      const date = addDays(today, s.day);
      const startsAt = copenhagen(date, s.start);
      const [session] = await tx
        .insert(coCreationSessions)
        .values({
          municipalityId: m.id,
          processId: process.id,
          title: s.title,
          description: s.description ?? null,
          startsAt,
          endsAt: copenhagen(date, s.end),
          place: s.place,
          address: s.address ?? null,
          stepFree: s.facts?.stepFree ?? false,
          hearingLoop: s.facts?.hearingLoop ?? false,
          signLanguageOnRequest: s.facts?.signLanguageOnRequest ?? false,
          childcare: s.facts?.childcare ?? false,
          accessibilityNote: s.accessibilityNote ?? null,
          capacity: s.capacity ?? null,
          registrationDeadline:
            s.deadlineDaysBefore === undefined
              ? null
              : copenhagen(addDays(date, -s.deadlineDaysBefore), "12:00"),
          waitingList: s.waitingList ?? true,
        })
        .returning({ id: coCreationSessions.id });
      if (!session || !s.registrations?.length) continue;
      // Signed up in the order listed, a day apart, ending a week before the session (or before today).
      const last = Math.min(s.day - 7, 0);
      await tx.insert(coCreationRegistrations).values(
        s.registrations.map((r, k) => {
          const at = copenhagen(addDays(today, last - (s.registrations?.length ?? 0) + k), "10:00");
          return {
            municipalityId: m.id,
            sessionId: session.id,
            name: r.name,
            email: `${r.name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.dk`,
            needs: r.needs ?? null,
            status: r.cancelled
              ? ("cancelled" as const)
              : r.waiting
                ? ("waiting" as const)
                : ("confirmed" as const),
            cancelToken: newCancelToken(),
            createdAt: at,
            updatedAt: at,
          };
        }),
      );
    }
  }
}
