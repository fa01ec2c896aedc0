import { describe, expect, it } from "vitest";
import { zonedInstant } from "./calendar.ts";
import {
  formatDate,
  formatDateTime,
  formatFileSize,
  formatRelativeDays,
  formatTime,
  formatWeekdayDateTime,
} from "./format.ts";

const meeting = zonedInstant("2019-12-03", "14:00");

describe("Danish formatting", () => {
  it('writes a meeting as "3. december 2019, kl. 14:00"', () => {
    expect(formatDateTime(meeting)).toBe("3. december 2019, kl. 14:00");
    expect(formatDateTime(meeting, "en")).toBe("3 December 2019, 14:00");
  });

  it("writes dates and times in Copenhagen time even from a UTC instant", () => {
    expect(formatDate(new Date("2019-12-31T23:30:00Z"))).toBe("1. januar 2020");
    expect(formatDate(meeting, "en")).toBe("3 December 2019");
    expect(formatTime(new Date("2020-06-15T10:05:00Z"))).toBe("kl. 12:05");
    expect(formatTime(new Date("2020-06-15T10:05:00Z"), "en")).toBe("12:05");
  });

  it('writes a hearing deadline as "mandag 20. januar kl. 12:00"', () => {
    const due = zonedInstant("2020-01-20", "12:00");
    expect(formatWeekdayDateTime(due)).toBe("mandag 20. januar kl. 12:00");
    expect(formatWeekdayDateTime(due, "en")).toBe("Monday 20 January at 12:00");
  });

  it("says how many calendar days are left in Copenhagen", () => {
    const now = zonedInstant("2020-01-17", "23:30");
    expect(formatRelativeDays(zonedInstant("2020-01-17", "23:59"), now)).toBe("i dag");
    expect(formatRelativeDays(zonedInstant("2020-01-18", "00:10"), now)).toBe("i morgen");
    expect(formatRelativeDays(zonedInstant("2020-01-20", "12:00"), now)).toBe("om 3 dage");
    expect(formatRelativeDays(zonedInstant("2020-01-16", "12:00"), now)).toBe("i går");
    expect(formatRelativeDays(zonedInstant("2020-01-15", "12:00"), now)).toBe("for 2 dage siden");
    expect(formatRelativeDays(zonedInstant("2020-01-20", "12:00"), now, "en")).toBe("in 3 days");
    expect(formatRelativeDays(zonedInstant("2020-01-15", "12:00"), now, "en")).toBe("2 days ago");
  });

  it("writes file sizes with a Danish decimal comma", () => {
    expect(formatFileSize(245_000)).toBe("245 kB");
    expect(formatFileSize(1_200_000)).toBe("1,2 MB");
    expect(formatFileSize(1_200_000, "en")).toBe("1.2 MB");
    expect(formatFileSize(999_999)).toBe("1 MB");
    expect(formatFileSize(512)).toBe("512 byte");
  });
});
