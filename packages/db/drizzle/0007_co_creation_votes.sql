CREATE TABLE "co_creation_ballot_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"code" text NOT NULL,
	"batch" integer NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "co_creation_ballot_codes_code" UNIQUE("vote_id","code")
);
--> statement-breakpoint
CREATE TABLE "co_creation_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"choices" uuid[] NOT NULL,
	"receipt_hash" text,
	CONSTRAINT "co_creation_ballots_receipt" UNIQUE("receipt_hash")
);
--> statement-breakpoint
CREATE TABLE "co_creation_ideas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"estimated_cost" integer,
	"author_name" text,
	"show_name" boolean DEFAULT false NOT NULL,
	"author_kind" text DEFAULT 'citizen' NOT NULL,
	"contact_email" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"rejection_reason" text,
	"merged_into_id" uuid,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "co_creation_vote_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"idea_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"cost" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "co_creation_vote_options_position" UNIQUE("vote_id","position")
);
--> statement-breakpoint
CREATE TABLE "co_creation_voters" (
	"municipality_id" uuid NOT NULL,
	"vote_id" uuid NOT NULL,
	"credential" text NOT NULL,
	CONSTRAINT "co_creation_voters_pk" PRIMARY KEY("vote_id","credential")
);
--> statement-breakpoint
CREATE TABLE "co_creation_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"title" text NOT NULL,
	"area" text NOT NULL,
	"budget_kroner" integer NOT NULL,
	"allocation" text NOT NULL,
	"winners_count" integer,
	"max_choices" integer NOT NULL,
	"min_age" integer,
	"residence_required" boolean DEFAULT true NOT NULL,
	"allow_revote" boolean DEFAULT false NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"results_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "co_creation_votes_process" UNIQUE("process_id")
);
--> statement-breakpoint
ALTER TABLE "co_creation_ballot_codes" ADD CONSTRAINT "co_creation_ballot_codes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_ballot_codes" ADD CONSTRAINT "co_creation_ballot_codes_vote_id_co_creation_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."co_creation_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_ballots" ADD CONSTRAINT "co_creation_ballots_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_ballots" ADD CONSTRAINT "co_creation_ballots_vote_id_co_creation_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."co_creation_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_ideas" ADD CONSTRAINT "co_creation_ideas_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_ideas" ADD CONSTRAINT "co_creation_ideas_process_id_co_creation_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."co_creation_processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_vote_options" ADD CONSTRAINT "co_creation_vote_options_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_vote_options" ADD CONSTRAINT "co_creation_vote_options_vote_id_co_creation_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."co_creation_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_vote_options" ADD CONSTRAINT "co_creation_vote_options_idea_id_co_creation_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."co_creation_ideas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_voters" ADD CONSTRAINT "co_creation_voters_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_voters" ADD CONSTRAINT "co_creation_voters_vote_id_co_creation_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."co_creation_votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_votes" ADD CONSTRAINT "co_creation_votes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_votes" ADD CONSTRAINT "co_creation_votes_process_id_co_creation_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."co_creation_processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "co_creation_ballots_vote" ON "co_creation_ballots" USING btree ("vote_id");--> statement-breakpoint
CREATE INDEX "co_creation_ideas_process" ON "co_creation_ideas" USING btree ("process_id","status");
