import { describe, expect, it } from "vitest";
import { appPath, fill, href, matchPath, resolve } from "./routes.ts";

describe("the admin router", () => {
  it("finds the meeting page and its id", () => {
    expect(resolve("/moeder/3f1c")).toEqual({ name: "meeting", params: { meetingId: "3f1c" } });
  });

  it("tells the new-meeting form apart from the council page", () => {
    expect(resolve("/raad/abc/moeder/nyt")).toEqual({ name: "newMeeting", params: { councilId: "abc" } });
    expect(resolve("/raad/abc")).toEqual({ name: "council", params: { councilId: "abc" } });
    expect(resolve("/raad/nyt")).toEqual({ name: "newCouncil", params: {} });
  });

  it("finds a council's chat channels page", () => {
    expect(resolve("/raad/abc/chat-kanaler")).toEqual({ name: "chatChannels", params: { councilId: "abc" } });
    expect(resolve("/raad/abc/chat-kanaler/x").name).toBe("notFound");
  });

  it("answers not found for an unknown address and for broken escapes", () => {
    expect(resolve("/findes/ikke").name).toBe("notFound");
    expect(matchPath("/moeder/:meetingId", "/moeder/%E0%A4%A")).toBeNull();
  });

  it("strips the /admin base and trailing slashes, and adds the base back", () => {
    expect(appPath("/admin/")).toBe("/");
    expect(appPath("/admin")).toBe("/");
    expect(appPath("/admin/log/")).toBe("/log");
    expect(href("/")).toBe("/admin/");
    expect(href("/log")).toBe("/admin/log");
  });

  it("fills a pattern with encoded parameters", () => {
    expect(fill("/raad/:councilId/medlemmer", { councilId: "a b" })).toBe("/raad/a%20b/medlemmer");
    expect(resolve(fill("/hoeringer/:hearingId", { hearingId: "æ/ø" }))).toEqual({
      name: "hearing",
      params: { hearingId: "æ/ø" },
    });
  });
});
