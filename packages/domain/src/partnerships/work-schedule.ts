import { addDays, daysBetween } from "../shared/calendar.ts";
import type { Bilingual, Finding } from "../shared/types.ts";

/** The phases of the model's work schedules (Bilag A): the course, its sessions, and the network after it. */
export const schedulePhases = [
  "before_course",
  "each_session",
  "between_sessions",
  "after_course",
  "network_meetings",
] as const;
export type SchedulePhase = (typeof schedulePhases)[number];

export const schedulePhaseLabels: Record<SchedulePhase, Bilingual> = {
  before_course: { da: "Før kursusforløbet", en: "Before the course" },
  each_session: { da: "Ved hver undervisningsgang", en: "At each session" },
  between_sessions: { da: "Mellem undervisningsgangene", en: "Between sessions" },
  after_course: { da: "Efter kursusforløbet", en: "After the course" },
  network_meetings: { da: "Netværksmøder", en: "Network meetings" },
};

export type ScheduleTask = {
  id: string;
  phase: SchedulePhase;
  title: string;
  responsiblePartnerId: string | null;
  responsiblePerson: string | null;
  dueOn: string | null;
  doneOn: string | null;
};

export type TemplateTask = { phase: SchedulePhase; title: string };

const t = (phase: SchedulePhase, ...titles: string[]): TemplateTask[] =>
  titles.map((title) => ({ phase, title }));

/** The model's checklist as a starting point (Danish); each partnership edits its own copy. */
export const workScheduleTemplate: readonly TemplateTask[] = [
  ...t(
    "before_course",
    "Afklar målgruppe og antal deltagere",
    "Aftal hvem der visiterer og rekrutterer familier",
    "Beskriv de frivilliges opgaver og profiler",
    "Udpeg ansvarlig for rekruttering og opfølgning på frivillige",
    "Fastlæg kursusbudget og evt. deltagerbetaling",
    "Fastlæg datoer for undervisningsgangene",
    "Vælg kursussted, faciliteter og forplejning",
    "Indgå skriftlig kontrakt med kursusstedet",
    "Udarbejd og send invitation",
    "Planlæg program og oplægsholdere",
    "Skriv drejebog for undervisningsgangene",
    "Modtag tilmeldinger og send bekræftelse og påmindelse",
  ),
  ...t(
    "each_session",
    "Sammensæt kursusledelsen for undervisningsgangen",
    "Fordel opgaverne: modtagelse, velkomst, oplægsholdere",
    "Sørg for aktiviteter for børn og søskende",
    "Hold kort evaluering af undervisningsgangen",
  ),
  ...t(
    "between_sessions",
    "Hold kontakt til familierne",
    "Opret og vedligehold elektronisk netværk",
    "Send indkaldelse og program til næste gang",
    "Detailplanlæg næste undervisningsgang",
    "Forbered overgangen til netværksmøder",
  ),
  ...t(
    "after_course",
    "Afregn økonomien og betal fakturaer",
    "Send tilfredshedsskema til forældrene",
    "Saml deltagernes bedømmelse",
    "Hold evalueringsmøde om forældrenes udbytte",
    "Evaluer samarbejdet og aftal næste skridt",
  ),
  ...t(
    "network_meetings",
    "Udpeg en ansvarsgruppe for netværket",
    "Uddan og klæd frivillige facilitatorer på",
    "Fastlæg rammen: deltagere, antal møder, sted",
    "Fastlæg budget for netværksmøderne",
    "Send invitation til netværksmøder",
    "Evaluer netværket med deltagerne",
  ),
];

export function isOverdue(task: Pick<ScheduleTask, "dueOn" | "doneOn">, today: string): boolean {
  return task.doneOn === null && task.dueOn !== null && task.dueOn < today;
}

export type RecruitmentFacts = {
  familiesRecruited: number;
  firstSessionOn: string | null;
  recruitmentStartsOn: string | null;
  volunteerCoordinator: string | null;
};

// The model: at least eight families make a network robust; recruiting takes time for families too.
export const MIN_FAMILIES = 8;
export const DEFAULT_RECRUITMENT_WEEKS = 8;

/** Warnings from the model's experience; they never block anything. */
export function partnershipWarnings(
  facts: RecruitmentFacts,
  recruitmentWeeks: number = DEFAULT_RECRUITMENT_WEEKS,
): Finding[] {
  const findings: Finding[] = [];
  if (facts.familiesRecruited < MIN_FAMILIES) {
    findings.push({
      code: "partnership.few_families",
      severity: "warning",
      message: {
        da: `${facts.familiesRecruited} ${facts.familiesRecruited === 1 ? "familie" : "familier"} er rekrutteret; et netværk bør have mindst ${MIN_FAMILIES}`,
        en: `${facts.familiesRecruited} ${facts.familiesRecruited === 1 ? "family" : "families"} recruited; a network should have at least ${MIN_FAMILIES}`,
      },
    });
  }
  if (facts.firstSessionOn && facts.recruitmentStartsOn) {
    const latest = addDays(facts.firstSessionOn, -7 * recruitmentWeeks);
    if (facts.recruitmentStartsOn > latest) {
      const weeks = Math.floor(daysBetween(facts.recruitmentStartsOn, facts.firstSessionOn) / 7);
      findings.push({
        code: "partnership.late_recruitment",
        severity: "warning",
        message: {
          da: `Rekrutteringen begynder ${weeks} ${weeks === 1 ? "uge" : "uger"} før første undervisningsgang; sæt mindst ${recruitmentWeeks} uger af`,
          en: `Recruitment starts ${weeks} ${weeks === 1 ? "week" : "weeks"} before the first session; allow at least ${recruitmentWeeks} weeks`,
        },
      });
    }
  }
  if (!facts.volunteerCoordinator?.trim()) {
    findings.push({
      code: "partnership.no_volunteer_coordinator",
      severity: "warning",
      message: {
        da: "Ingen er udpeget til at rekruttere og følge op på de frivillige",
        en: "Nobody is named to recruit and follow up on the volunteers",
      },
    });
  }
  return findings;
}
