import {
  formatDate,
  formatDateTime,
  formatFileSize,
  formatRelativeDays,
  formatWeekdayDateTime,
} from "@samraad/domain/shared";
import { lang } from "./i18n.ts";

// The API sends instants as ISO strings (no transformer); the domain's formatters write them the Danish way.
const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

export const dateText = (value: string | Date) => formatDate(asDate(value), lang());
export const dateTimeText = (value: string | Date) => formatDateTime(asDate(value), lang());
export const weekdayDateTimeText = (value: string | Date) => formatWeekdayDateTime(asDate(value), lang());
export const relativeText = (value: string | Date, now: Date) =>
  formatRelativeDays(asDate(value), now, lang());
/** "2019-12-03" (a calendar date) → "3. december 2019", read at noon so no time zone shifts the day. */
export const isoDateText = (value: string) => formatDate(new Date(`${value}T12:00:00Z`), lang());
export const fileSizeText = (bytes: number) => formatFileSize(bytes, lang());
