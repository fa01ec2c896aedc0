ALTER TABLE "partnerships" ADD COLUMN "terminated_on" date;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "terminated_by_partner_id" uuid;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "termination_reason" text;