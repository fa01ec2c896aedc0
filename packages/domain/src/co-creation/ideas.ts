import { z } from "zod";
import { fail, ok, type Result } from "../shared/result.ts";
import { optionalEmail, optionalText, requiredText } from "../shared/schemas.ts";
import type { Bilingual } from "../shared/types.ts";

/*
 * Ideas (forslag) for a co-creation process. Anyone may submit one; it is shown publicly only after a
 * moderator has published it. A rejected idea keeps its reason so the author can be told why; a duplicate is
 * merged into another idea instead of being deleted, so its votes and history point somewhere.
 */

export const ideaStatuses = ["pending", "published", "rejected", "merged"] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

export const ideaAuthorKinds = ["citizen", "staff", "volunteer", "organisation"] as const;
export type IdeaAuthorKind = (typeof ideaAuthorKinds)[number];

/** Largest estimated cost we accept: 1 billion kroner is far beyond any neighbourhood budget. */
export const MAX_KRONER = 1_000_000_000;

const kronerText = (v: unknown) => {
  if (typeof v !== "string") return v;
  const cleaned = v.replace(/[\s.]/g, "").replace(/kr$/i, "");
  if (cleaned === "") return undefined;
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
};

const wholeKroner = () =>
  z
    .number({ error: (i) => (i.input === undefined ? "required" : "not_a_number") })
    .int({ error: "not_an_integer" })
    .min(0, { error: "too_small" })
    .max(MAX_KRONER, { error: "too_big" });

/** A form field with whole kroner: "25.000", "25 000" and "25000" all mean 25000. */
export const kroner = () => z.preprocess(kronerText, wholeKroner());
/** As `kroner`, but an empty field means none. */
export const optionalKroner = () => z.preprocess(kronerText, wholeKroner().optional());

export const ideaInput = z
  .object({
    title: requiredText(200),
    description: requiredText(5000),
    /** Estimated cost in whole kroner, if the author has one; 0 means it needs no money. */
    estimatedCost: optionalKroner(),
    /** The author's first name, shown only when `showName` is true. */
    authorName: optionalText(100),
    showName: z.boolean({ error: "invalid_type" }).default(false),
    authorKind: z.enum(ideaAuthorKinds, { error: "invalid_option" }).default("citizen"),
    /** Only for telling the author about moderation; never shown publicly. */
    contactEmail: optionalEmail(),
  })
  .superRefine((idea, ctx) => {
    if (idea.showName && !idea.authorName) {
      ctx.addIssue({ code: "custom", message: "required", path: ["authorName"] });
    }
  });
export type IdeaInput = z.infer<typeof ideaInput>;

export type IdeaAuthor = { authorName: string | null; showName: boolean };

/** The public byline: the first name the author chose to show, otherwise "Anonym". */
export function ideaAuthorLabel(idea: IdeaAuthor): Bilingual {
  const first = idea.authorName?.trim().split(/\s+/)[0];
  if (idea.showName && first) return { da: first, en: first };
  return { da: "Anonym", en: "Anonymous" };
}

export type IdeaModeration =
  | { decision: "publish" }
  | { decision: "reject"; reason: string }
  | { decision: "merge"; intoId: string; intoStatus: IdeaStatus };

export const moderationInput = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("publish") }),
    z.object({ decision: z.literal("reject"), reason: requiredText(2000) }),
    z.object({ decision: z.literal("merge"), intoId: z.guid({ error: "invalid_uuid" }) }),
  ],
  { error: "invalid_option" },
);

export type ModerationOutcome = {
  status: IdeaStatus;
  rejectionReason: string | null;
  mergedIntoId: string | null;
};

/**
 * Moderation as a state machine: a pending idea may be published, rejected (with a reason the author sees) or
 * merged into a published idea; a published idea may later be rejected or merged (a duplicate found late);
 * a rejected idea may be published after all. A merged idea is final.
 */
export function moderateIdea(
  idea: { id: string; status: IdeaStatus },
  action: IdeaModeration,
): Result<ModerationOutcome> {
  if (idea.status === "merged") {
    return fail(
      "idea.already_merged",
      "Forslaget er lagt sammen med et andet og kan ikke ændres",
      "The idea has been merged into another and cannot be changed",
    );
  }
  switch (action.decision) {
    case "publish":
      if (idea.status === "published") {
        return fail(
          "idea.already_published",
          "Forslaget er allerede offentliggjort",
          "The idea is already published",
        );
      }
      return ok({ status: "published", rejectionReason: null, mergedIntoId: null });
    case "reject": {
      const reason = action.reason.trim();
      if (reason === "") {
        return fail(
          "idea.reason_required",
          "Skriv en begrundelse til forslagsstilleren",
          "Give the author a reason",
        );
      }
      return ok({ status: "rejected", rejectionReason: reason, mergedIntoId: null });
    }
    case "merge":
      if (action.intoId === idea.id) {
        return fail(
          "idea.merge_into_itself",
          "Et forslag kan ikke lægges sammen med sig selv",
          "An idea cannot be merged into itself",
        );
      }
      if (action.intoStatus !== "published") {
        return fail(
          "idea.merge_target_unpublished",
          "Et forslag kan kun lægges sammen med et offentliggjort forslag",
          "An idea can only be merged into a published idea",
        );
      }
      return ok({ status: "merged", rejectionReason: null, mergedIntoId: action.intoId });
  }
}

/** Only published ideas are shown on the public site, in search and in open data. */
export function isIdeaPublic(idea: { status: IdeaStatus }): boolean {
  return idea.status === "published";
}
