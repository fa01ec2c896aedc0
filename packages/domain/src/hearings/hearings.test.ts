import { describe, expect, it } from "vitest";
import { zonedInstant } from "../shared/calendar.ts";
import { fieldErrors } from "../shared/messages.ts";
import {
  type HearingResponseCommand,
  hearingResponseStatuses,
  hearingStatus,
  publicResponse,
  responseTransition,
} from "./response.ts";
import { hearingInput, hearingResponseDeadline, hearingResponseInput } from "./schemas.ts";

const councilId = "6f1c2f0e-8a4b-4c1d-9e2f-3a4b5c6d7e8f";

describe("a hearing response", () => {
  it("goes from draft to approved to submitted, and an approved one can be reopened", () => {
    expect(responseTransition("draft", "approve")).toEqual({ ok: true, value: "approved" });
    expect(responseTransition("approved", "submit")).toEqual({ ok: true, value: "submitted" });
    expect(responseTransition("approved", "reopen")).toEqual({ ok: true, value: "draft" });
  });

  it("refuses every other step, and a submitted response is final", () => {
    const legal = new Set(["draft/approve", "approved/submit", "approved/reopen"]);
    const commands: HearingResponseCommand[] = ["approve", "submit", "reopen"];
    for (const status of hearingResponseStatuses) {
      for (const command of commands) {
        const result = responseTransition(status, command);
        expect(result.ok, `${status}/${command}`).toBe(legal.has(`${status}/${command}`));
      }
    }
    expect(responseTransition("submitted", "reopen")).toEqual({
      ok: false,
      error: {
        code: "hearing_response.illegal_transition",
        message: {
          da: "Et afgivet høringssvar kan ikke åbnes igen",
          en: "A submitted hearing response cannot be reopened",
        },
      },
    });
  });

  it("is public only once submitted", () => {
    expect(publicResponse({ status: "draft", body: "Udkast" })).toBeNull();
    expect(publicResponse({ status: "approved", body: "Godkendt" })).toBeNull();
    expect(publicResponse(null)).toBeNull();
    expect(publicResponse({ status: "submitted", body: "Rådet bakker op.", authorNote: "intern" })).toEqual({
      body: "Rådet bakker op.",
    });
  });
});

describe("a hearing's status", () => {
  const responseDeadline = zonedInstant("2020-01-20", "12:00");

  it("is open until the deadline, overdue after it, and answered once submitted", () => {
    const before = zonedInstant("2020-01-20", "11:59");
    const after = zonedInstant("2020-01-20", "12:01");
    expect(hearingStatus({ responseDeadline, response: null }, before)).toBe("open");
    expect(hearingStatus({ responseDeadline, response: { status: "approved" } }, responseDeadline)).toBe(
      "open",
    );
    expect(hearingStatus({ responseDeadline, response: { status: "approved" } }, after)).toBe("overdue");
    expect(hearingStatus({ responseDeadline, response: { status: "submitted" } }, after)).toBe("answered");
  });
});

describe("hearing forms", () => {
  const hearing = {
    councilId,
    title: "Input til handicappolitikken",
    requestingBody: "Social- og Sundhedsforvaltningen",
    receivedOn: "2019-12-03",
    deadlineDate: "2020-01-20",
  };

  it("defaults the deadline to 12:00 and the hearing to public", () => {
    const parsed = hearingInput.parse(hearing);
    expect(parsed).toMatchObject({ deadlineTime: "12:00", public: true });
    expect(hearingResponseDeadline(parsed).toISOString()).toBe("2020-01-20T11:00:00.000Z");
  });

  it("refuses a deadline before the hearing was received, on the deadline", () => {
    const result = hearingInput.safeParse({ ...hearing, deadlineDate: "2019-12-01" });
    expect(result.error && fieldErrors(result.error)).toEqual([
      {
        field: "deadlineDate",
        code: "deadline_before_received",
        message: {
          da: "Høringsfristen kan ikke ligge før modtagelsesdatoen",
          en: "The response deadline cannot be before the date the hearing was received",
        },
      },
    ]);
  });

  it("requires a response text", () => {
    const result = hearingResponseInput.safeParse({ hearingId: councilId, body: "" });
    expect(result.error && fieldErrors(result.error).map((e) => e.code)).toEqual(["required"]);
  });
});
