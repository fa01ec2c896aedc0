import { addDays, localDate, zonedInstant } from "../shared/calendar.ts";
import { type Deadline, type DeadlineCouncil, type DeadlinePartnership, deadlineId } from "./deadline.ts";

/** Partnership dates are calendar dates; like actions they fall due at noon on the day. */
export const PARTNERSHIP_DUE_TIME = "12:00";

/** The model: an amendment is valid only once every partner has signed; two weeks is long enough to wait. */
export const AMENDMENT_SIGNING_DAYS = 14;

/**
 * A partnership's deadlines reach the council that follows it (e.g. the Handicapråd): open tasks in the work
 * schedule, the yearly evaluation (where either partner may terminate), a fixed end date, and unsigned
 * amendments, which fall due 14 days after they were put forward. All internal: the public page of a
 * partnership shows what it offers, not its working dates.
 */
export function partnershipDeadlines(p: DeadlinePartnership, council: DeadlineCouncil): Deadline[] {
  // A terminated partnership has no more tasks, evaluations or amendments to wait for.
  if (p.terminatedOn) return [];
  const base = { councilId: council.id, municipalityId: council.municipalityId, public: false };
  const target = { type: "partnership" as const, id: p.id };
  const at = (date: string) => zonedInstant(date, PARTNERSHIP_DUE_TIME);
  const result: Deadline[] = [];
  for (const task of p.tasks) {
    if (task.done || !task.dueOn) continue;
    result.push({
      ...base,
      id: deadlineId("partnership_task", task.id),
      kind: "partnership_task",
      title: { da: `${p.title}: ${task.title}`, en: `${p.title}: ${task.title}` },
      dueAt: at(task.dueOn),
      target,
    });
  }
  if (p.evaluationOn) {
    result.push({
      ...base,
      id: deadlineId("partnership_evaluation", p.id),
      kind: "partnership_evaluation",
      title: { da: `Årlig evaluering: ${p.title}`, en: `Yearly evaluation: ${p.title}` },
      dueAt: at(p.evaluationOn),
      target,
    });
  }
  if (p.endsOn) {
    result.push({
      ...base,
      id: deadlineId("partnership_end", p.id),
      kind: "partnership_end",
      title: { da: `Aftalen udløber: ${p.title}`, en: `Agreement ends: ${p.title}` },
      dueAt: at(p.endsOn),
      target,
    });
  }
  for (const a of p.unsignedAmendments) {
    result.push({
      ...base,
      id: deadlineId("partnership_amendment_unsigned", a.id),
      kind: "partnership_amendment_unsigned",
      title: {
        da: `Tillæg ${a.number} mangler underskrift: ${p.title}`,
        en: `Amendment ${a.number} awaits signatures: ${p.title}`,
      },
      dueAt: at(addDays(localDate(a.proposedAt), AMENDMENT_SIGNING_DAYS)),
      target,
    });
  }
  return result;
}
