import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import { canResendMail, failureReason, mailKindText, maskAddress, resendMailSchema } from "./failures.ts";

describe("email the worker gave up on, as officials see it", () => {
  it("shows an address by its first letter and its domain only, whatever its length", () => {
    expect(maskAddress("mor@example.dk")).toBe("m•••@example.dk");
    expect(maskAddress("bedstemor.hansen@hotmial.com")).toBe("b•••@hotmial.com");
    expect(maskAddress("ikke-en-adresse")).toBe("•••");
    expect(maskAddress(null)).toBe("—");
  });

  it("explains a final refusal by the recipient's server as a likely wrong address", () => {
    expect(failureReason("EENVELOPE 550").da).toContain("adressen ikke findes (EENVELOPE 550)");
    expect(failureReason("EENVELOPE 550").en).toContain("the address does not exist");
  });

  it("tells a refusal that lasted through the retries, a bad login and an unreachable server apart", () => {
    expect(failureReason("EENVELOPE 451").en).toContain("turned the message away for now");
    expect(failureReason("EAUTH").en).toContain("refused Samråd's login");
    expect(failureReason("EAUTH 535").da).toContain("Tjek SMTP_URL");
    expect(failureReason("ECONNECTION").en).toBe("Samråd could not reach the mail server (ECONNECTION).");
    expect(failureReason(null).da).toBe("Beskeden kunne ikke sendes.");
  });

  it("names what a message was in both languages", () => {
    expect(mailKindText("evaluation.reminder")).toEqual({
      da: "Spørgeskema (påmindelse)",
      en: "Questionnaire (reminder)",
    });
    expect(mailKindText("something.new").da).toBe("something.new");
  });

  it("sends again only a message that failed for good", () => {
    expect(canResendMail({ status: "failed" }).ok).toBe(true);
    for (const status of ["pending", "sending", "retry", "sent"]) {
      const result = canResendMail({ status });
      expect(result.ok ? null : result.error.code).toBe("email.not_failed");
    }
  });

  it("refuses a malformed message id with a Danish and English field error", () => {
    const parsed = resendMailSchema.safeParse({
      municipalityId: "x",
      mailId: "5a0e7c3e-0d3f-4a57-9a8e-2f4f3f7a1c11",
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error)).toEqual([
      { field: "municipalityId", code: "invalid_uuid", message: { da: "Ugyldigt id", en: "Invalid id" } },
    ]);
  });
});
