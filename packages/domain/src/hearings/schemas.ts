import { z } from "zod";
import { zonedInstant } from "../shared/calendar.ts";
import { clockTime, flag, id, isoDate, optionalText, requiredText } from "../shared/schemas.ts";

export const hearingInput = z
  .object({
    councilId: id(),
    title: requiredText(300),
    /** "Kort fortalt". */
    plainSummary: optionalText(1000),
    description: optionalText(20000),
    /** Who asks, e.g. "Social- og Sundhedsforvaltningen". */
    requestingBody: requiredText(200),
    receivedOn: isoDate(),
    deadlineDate: isoDate(),
    deadlineTime: clockTime().default("12:00"),
    public: flag().default(true),
  })
  .refine((h) => h.deadlineDate >= h.receivedOn, {
    error: "deadline_before_received",
    path: ["deadlineDate"],
  });
export type HearingInput = z.infer<typeof hearingInput>;

/** The response deadline as an instant, on the municipal wall clock. */
export function hearingResponseDeadline(h: Pick<HearingInput, "deadlineDate" | "deadlineTime">): Date {
  return zonedInstant(h.deadlineDate, h.deadlineTime);
}

export const hearingResponseInput = z.object({
  hearingId: id(),
  body: requiredText(50000),
});
export type HearingResponseInput = z.infer<typeof hearingResponseInput>;

export const hearingCommentInput = z.object({
  hearingId: id(),
  body: requiredText(5000),
});
export type HearingCommentInput = z.infer<typeof hearingCommentInput>;
