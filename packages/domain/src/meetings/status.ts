import type { Bilingual } from "../shared/types.ts";

export const meetingStatuses = [
  "planned",
  "agenda_published",
  "held",
  "minutes_published",
  "cancelled",
] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingStatusLabels: Record<MeetingStatus, Bilingual> = {
  planned: { da: "Planlagt", en: "Planned" },
  agenda_published: { da: "Dagsorden offentliggjort", en: "Agenda published" },
  held: { da: "Afholdt", en: "Held" },
  minutes_published: { da: "Referat offentliggjort", en: "Minutes published" },
  cancelled: { da: "Aflyst", en: "Cancelled" },
};
