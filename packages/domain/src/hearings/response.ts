import { fail, ok, type Result } from "../shared/result.ts";
import type { Bilingual } from "../shared/types.ts";

export const hearingResponseStatuses = ["draft", "approved", "submitted"] as const;
export type HearingResponseStatus = (typeof hearingResponseStatuses)[number];

export const hearingResponseStatusLabels: Record<HearingResponseStatus, Bilingual> = {
  draft: { da: "Udkast", en: "Draft" },
  approved: { da: "Godkendt", en: "Approved" },
  submitted: { da: "Afgivet", en: "Submitted" },
};

export type HearingResponseCommand = "approve" | "submit" | "reopen";

const next: Record<HearingResponseStatus, Partial<Record<HearingResponseCommand, HearingResponseStatus>>> = {
  draft: { approve: "approved" },
  approved: { submit: "submitted", reopen: "draft" },
  // A submitted response has been sent to the body that asked; it cannot be taken back.
  submitted: {},
};

const statusSubject: Record<HearingResponseStatus, Bilingual> = {
  draft: { da: "Et udkast til høringssvar", en: "A draft hearing response" },
  approved: { da: "Et godkendt høringssvar", en: "An approved hearing response" },
  submitted: { da: "Et afgivet høringssvar", en: "A submitted hearing response" },
};

const commandPredicate: Record<HearingResponseCommand, Bilingual> = {
  approve: { da: "godkendes", en: "be approved" },
  submit: { da: "afgives", en: "be submitted" },
  reopen: { da: "åbnes igen", en: "be reopened" },
};

/** draft → approved → submitted; an approved response can be reopened as a draft; submitted is final. */
export function responseTransition(
  status: HearingResponseStatus,
  command: HearingResponseCommand,
): Result<HearingResponseStatus> {
  const to = next[status][command];
  if (to === undefined) {
    return fail(
      "hearing_response.illegal_transition",
      `${statusSubject[status].da} kan ikke ${commandPredicate[command].da}`,
      `${statusSubject[status].en} cannot ${commandPredicate[command].en}`,
    );
  }
  return ok(to);
}

export const hearingStatuses = ["open", "answered", "overdue"] as const;
export type HearingStatus = (typeof hearingStatuses)[number];

export const hearingStatusLabels: Record<HearingStatus, Bilingual> = {
  open: { da: "Åben", en: "Open" },
  answered: { da: "Besvaret", en: "Answered" },
  overdue: { da: "Fristen er overskredet", en: "Overdue" },
};

export function hearingStatus(
  hearing: { responseDeadline: Date; response: { status: HearingResponseStatus } | null },
  now: Date,
): HearingStatus {
  if (hearing.response?.status === "submitted") return "answered";
  return now.getTime() > hearing.responseDeadline.getTime() ? "overdue" : "open";
}

/** A response is the council's only once submitted; drafts and approved-but-unsent texts stay internal. */
export function publicResponse<T extends { status: HearingResponseStatus; body: string }>(
  response: T | null,
): { body: string } | null {
  return response !== null && response.status === "submitted" ? { body: response.body } : null;
}
