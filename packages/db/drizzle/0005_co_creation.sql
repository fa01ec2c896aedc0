CREATE TABLE "co_creation_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "co_creation_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"council_id" uuid,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"audience" text,
	"area" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "co_creation_processes_slug" UNIQUE("municipality_id","slug")
);
--> statement-breakpoint
CREATE TABLE "co_creation_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"needs" text,
	"status" text NOT NULL,
	"cancel_token" text NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "co_creation_registrations_cancel_token_unique" UNIQUE("cancel_token")
);
--> statement-breakpoint
CREATE TABLE "co_creation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text NOT NULL,
	"address" text,
	"step_free" boolean DEFAULT false NOT NULL,
	"hearing_loop" boolean DEFAULT false NOT NULL,
	"sign_language_on_request" boolean DEFAULT false NOT NULL,
	"childcare" boolean DEFAULT false NOT NULL,
	"accessibility_note" text,
	"capacity" integer,
	"registration_deadline" timestamp with time zone,
	"waiting_list" boolean DEFAULT true NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "co_creation_phases" ADD CONSTRAINT "co_creation_phases_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_phases" ADD CONSTRAINT "co_creation_phases_process_id_co_creation_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."co_creation_processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_processes" ADD CONSTRAINT "co_creation_processes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_processes" ADD CONSTRAINT "co_creation_processes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_registrations" ADD CONSTRAINT "co_creation_registrations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_registrations" ADD CONSTRAINT "co_creation_registrations_session_id_co_creation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."co_creation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_sessions" ADD CONSTRAINT "co_creation_sessions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_creation_sessions" ADD CONSTRAINT "co_creation_sessions_process_id_co_creation_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."co_creation_processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "co_creation_phases_process" ON "co_creation_phases" USING btree ("process_id","starts_on");--> statement-breakpoint
CREATE INDEX "co_creation_processes_council" ON "co_creation_processes" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "co_creation_registrations_session" ON "co_creation_registrations" USING btree ("session_id","status","created_at");--> statement-breakpoint
CREATE INDEX "co_creation_sessions_process" ON "co_creation_sessions" USING btree ("process_id","starts_at");