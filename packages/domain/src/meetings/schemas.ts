import { z } from "zod";
import { clockTime, flag, id, isoDate, optionalText, requiredText } from "../shared/schemas.ts";

export const meetingInput = z
  .object({
    councilId: id(),
    title: optionalText(200),
    date: isoDate(),
    time: clockTime(),
    endTime: clockTime().optional(),
    location: requiredText(300),
  })
  // "HH:MM" strings compare in clock order.
  .refine((m) => m.endTime === undefined || m.endTime > m.time, {
    error: "end_before_start",
    path: ["endTime"],
  });
export type MeetingInput = z.infer<typeof meetingInput>;

export const agendaItemInput = z.object({
  meetingId: id(),
  title: requiredText(300),
  /** "Kort fortalt": a plain-language summary for citizens. */
  plainSummary: optionalText(1000),
  /** Resumé. */
  summary: optionalText(5000),
  /** Sagsforløb, e.g. "HAR/SS". */
  caseHistory: optionalText(200),
  /** Sagsfremstilling. */
  casePresentation: optionalText(50000),
  /** Indstilling. */
  recommendation: optionalText(10000),
  /** "Direktør … deltager under dette punkt". */
  guests: optionalText(1000),
  closed: flag().default(false),
});
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

export const decisionInput = z.object({
  itemId: id(),
  decision: requiredText(20000),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const reorderInput = z.object({
  meetingId: id(),
  itemIds: z
    .array(id(), { error: "invalid_type" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "duplicate_items" }),
});
export type ReorderInput = z.infer<typeof reorderInput>;
