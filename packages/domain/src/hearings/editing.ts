import { fail, ok, type Result } from "../shared/result.ts";
import type { HearingResponseStatus } from "./response.ts";

/** Only a draft can be edited: an approved response is reopened first, a submitted one is final. */
export function responseEditable(status: HearingResponseStatus | null): Result<null> {
  if (status === null || status === "draft") return ok(null);
  return status === "approved"
    ? fail(
        "hearing_response.locked",
        "Høringssvaret er godkendt; åbn det igen for at ændre teksten",
        "The response is approved; reopen it to change the text",
      )
    : fail(
        "hearing_response.locked",
        "Høringssvaret er afgivet og kan ikke ændres",
        "The response has been submitted and cannot be changed",
      );
}
