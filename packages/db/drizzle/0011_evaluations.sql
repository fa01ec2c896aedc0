CREATE TABLE "evaluation_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"baseline" text,
	"target" text NOT NULL,
	"unit" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_invitations" (
	"municipality_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"label" text,
	"answered" boolean DEFAULT false NOT NULL,
	CONSTRAINT "evaluation_invitations_pk" PRIMARY KEY("evaluation_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "evaluation_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" text NOT NULL,
	"note" text,
	"judgement" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"respondent_name" text
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"council_id" uuid,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"response_mode" text DEFAULT 'anonymous' NOT NULL,
	"responsibles" jsonb NOT NULL,
	"questionnaire" jsonb NOT NULL,
	"closes_on" date,
	"reminder_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"meeting_at" timestamp with time zone,
	"conclusion" jsonb,
	"concluded_at" timestamp with time zone,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "evaluation_criteria" ADD CONSTRAINT "evaluation_criteria_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_criteria" ADD CONSTRAINT "evaluation_criteria_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_invitations" ADD CONSTRAINT "evaluation_invitations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_invitations" ADD CONSTRAINT "evaluation_invitations_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_measurements" ADD CONSTRAINT "evaluation_measurements_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_measurements" ADD CONSTRAINT "evaluation_measurements_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_criteria_evaluation" ON "evaluation_criteria" USING btree ("evaluation_id","position");--> statement-breakpoint
CREATE INDEX "evaluation_measurements_evaluation" ON "evaluation_measurements" USING btree ("evaluation_id","criterion_id");--> statement-breakpoint
CREATE INDEX "evaluation_responses_evaluation" ON "evaluation_responses" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "evaluations_subject" ON "evaluations" USING btree ("municipality_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "evaluations_council" ON "evaluations" USING btree ("municipality_id","council_id","status");