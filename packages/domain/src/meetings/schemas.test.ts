import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/messages.ts";
import { checkAttachment } from "./attachments.ts";
import { agendaItemInput, decisionInput, meetingInput, reorderInput } from "./schemas.ts";

const councilId = "6f1c2f0e-8a4b-4c1d-9e2f-3a4b5c6d7e8f";
const itemA = "0b7e4c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c";
const itemB = "1c8f5d3b-2e4a-4f6b-9c7d-8e9f0a1b2c3d";

function codes(result: { error?: Parameters<typeof fieldErrors>[0] }) {
  return result.error ? fieldErrors(result.error).map((e) => `${e.field}:${e.code}`) : [];
}

describe("meeting forms", () => {
  it("accepts the Brønderslev meeting", () => {
    const meeting = {
      councilId,
      date: "2019-12-03",
      time: "14:00",
      endTime: "16:00",
      location: "Mødelokale 272, Brønderslev Rådhus",
    };
    expect(meetingInput.parse(meeting)).toEqual(meeting);
  });

  it("refuses an end time before the start, on the end time", () => {
    expect(
      codes(
        meetingInput.safeParse({
          councilId,
          date: "2019-12-03",
          time: "14:00",
          endTime: "13:00",
          location: "x",
        }),
      ),
    ).toEqual(["endTime:end_before_start"]);
    expect(codes(meetingInput.safeParse({ councilId, date: "3/12", time: "2 pm", location: "" }))).toEqual([
      "date:invalid_date",
      "time:invalid_time",
      "location:required",
    ]);
  });

  it("makes an item open unless marked closed, and limits the case history", () => {
    expect(agendaItemInput.parse({ meetingId: councilId, title: "Budget 2020" })).toEqual({
      meetingId: councilId,
      title: "Budget 2020",
      closed: false,
    });
    expect(
      codes(agendaItemInput.safeParse({ meetingId: councilId, title: "x", caseHistory: "x".repeat(201) })),
    ).toEqual(["caseHistory:too_long"]);
  });

  it("requires a decision text", () => {
    expect(codes(decisionInput.safeParse({ itemId: itemA, decision: " " }))).toEqual(["decision:required"]);
  });

  it("refuses to reorder with the same item twice", () => {
    expect(reorderInput.safeParse({ meetingId: councilId, itemIds: [itemA, itemB] }).success).toBe(true);
    expect(codes(reorderInput.safeParse({ meetingId: councilId, itemIds: [itemA, itemB, itemA] }))).toEqual([
      "itemIds:duplicate_items",
    ]);
  });
});

describe("attachments", () => {
  it("accepts a PDF within the size limit", () => {
    expect(checkAttachment({ fileName: "Bilag 1.pdf", mimeType: "application/pdf", size: 245_000 })).toEqual({
      ok: true,
      value: { fileName: "Bilag 1.pdf", mimeType: "application/pdf", size: 245_000 },
    });
  });

  it("refuses programs, empty files and files over 20 MB", () => {
    const check = (mimeType: string, size: number) => {
      const r = checkAttachment({ fileName: "bilag", mimeType, size });
      return r.ok ? "ok" : r.error.code;
    };
    expect(check("application/x-msdownload", 1000)).toBe("attachment.type_not_allowed");
    expect(check("application/pdf", 0)).toBe("attachment.empty");
    expect(check("application/pdf", 20 * 1024 * 1024 + 1)).toBe("attachment.too_large");
    expect(check("application/pdf", 20 * 1024 * 1024)).toBe("ok");
    expect(check("text/plain; charset=utf-8", 10)).toBe("ok");
  });
});
