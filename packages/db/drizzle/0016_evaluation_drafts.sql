CREATE TABLE "evaluation_drafts" (
	"municipality_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"answers" jsonb NOT NULL,
	"respondent_name" text,
	"page" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluation_drafts_pk" PRIMARY KEY("evaluation_id","token_hash")
);
--> statement-breakpoint
ALTER TABLE "evaluation_drafts" ADD CONSTRAINT "evaluation_drafts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_drafts" ADD CONSTRAINT "evaluation_drafts_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;