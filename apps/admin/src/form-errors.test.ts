import { describe, expect, it } from "vitest";
import { errorFor, fieldId, formErrorsOf, requiredErrors, withPrefix } from "./form-errors.ts";

const apiFieldError = {
  data: {
    message: { da: "Der er fejl i formularen", en: "The form has errors" },
    fieldErrors: [
      {
        field: "date",
        code: "invalid_date",
        message: { da: "Skriv en gyldig dato (ÅÅÅÅ-MM-DD)", en: "Enter a valid date" },
      },
      { field: "councilId", code: "invalid_uuid", message: { da: "Ugyldigt id", en: "Invalid id" } },
    ],
  },
};

describe("showing the API's errors in a form", () => {
  it("puts each field error at its field and in the summary, in Danish", () => {
    const shown = formErrorsOf(apiFieldError, "da", ["date", "time", "location"]);
    expect(shown.title).toBe("Der er fejl i formularen");
    expect(errorFor(shown, "date")).toBe("Skriv en gyldig dato (ÅÅÅÅ-MM-DD)");
    // A field the form does not show is still in the summary, without a link.
    expect(shown.errors[1]).toEqual({ field: null, message: "Ugyldigt id" });
  });

  it("switches to English", () => {
    expect(errorFor(formErrorsOf(apiFieldError, "en", ["date"]), "date")).toBe("Enter a valid date");
  });

  it("shows a rule's own message, e.g. the correction window, in the summary", () => {
    const rule = {
      data: {
        fieldErrors: null,
        message: {
          da: "Referatet kan først offentliggøres 8. januar",
          en: "Minutes can be published on 8 January",
        },
      },
    };
    expect(formErrorsOf(rule, "da").errors).toEqual([
      { field: null, message: "Referatet kan først offentliggøres 8. januar" },
    ]);
  });

  it("explains a lost connection instead of showing a technical error", () => {
    expect(formErrorsOf(new TypeError("Failed to fetch"), "da").errors[0]?.message).toMatch(/forbinde/);
  });

  it("finds empty required fields before asking the server", () => {
    const shown = requiredErrors(
      { email: " ", password: "x" },
      ["email", "password"],
      "Udfyld feltet",
      "Fejl",
    );
    expect(shown?.errors).toEqual([{ field: "email", message: "Udfyld feltet" }]);
    expect(requiredErrors({ email: "a" }, ["email"], "m", "t")).toBeNull();
  });

  it("makes a valid element id from a nested field name", () => {
    expect(fieldId("person.name")).toBe("f-person-name");
  });
});

describe("errors of a form whose inputs carry a prefix", () => {
  it("points each field error at the prefixed input and leaves general errors unlinked", () => {
    const shown = withPrefix(formErrorsOf(apiFieldError, "da", ["date"]), "edit-session.");
    expect(errorFor(shown, "edit-session.date")).toBe("Skriv en gyldig dato (ÅÅÅÅ-MM-DD)");
    expect(shown.errors[1]).toEqual({ field: null, message: "Ugyldigt id" });
  });

  it("renames an API field first: organisations.2 is the one organisations box", () => {
    const shown = withPrefix(
      { title: "Fejl", errors: [{ field: "organisations.2", message: "Udfyld feltet" }] },
      "agreement.",
      (f) => f.replace(/\.\d+$/, ""),
    );
    expect(shown.errors).toEqual([{ field: "agreement.organisations", message: "Udfyld feltet" }]);
  });
});
