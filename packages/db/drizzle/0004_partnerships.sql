CREATE TABLE "partnership_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"changes" jsonb NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "partnership_amendments_number" UNIQUE("partnership_id","number")
);
--> statement-breakpoint
CREATE TABLE "partnership_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"municipality_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partnership_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"capacity" text,
	"contact" boolean DEFAULT false NOT NULL,
	"signatory" boolean DEFAULT false NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partnership_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"section" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "partnership_sections_unique" UNIQUE("partnership_id","section")
);
--> statement-breakpoint
CREATE TABLE "partnership_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"amendment_id" uuid,
	"partner_id" uuid NOT NULL,
	"signatory_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"capacity" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_steering_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"partner_id" uuid,
	"lead" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partnership_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"title" text NOT NULL,
	"responsible_partner_id" uuid,
	"responsible_person" text,
	"due_on" date,
	"done_on" date,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"council_id" uuid,
	"title" text NOT NULL,
	"task" text,
	"stage" smallint DEFAULT 1 NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ends_on" date,
	"evaluation_on" date,
	"families_recruited" integer DEFAULT 0 NOT NULL,
	"first_session_on" date,
	"recruitment_starts_on" date,
	"volunteer_coordinator" text,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "role_grants" ADD COLUMN "partnership_id" uuid;--> statement-breakpoint
ALTER TABLE "partnership_amendments" ADD CONSTRAINT "partnership_amendments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_amendments" ADD CONSTRAINT "partnership_amendments_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_partners" ADD CONSTRAINT "partnership_partners_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_partners" ADD CONSTRAINT "partnership_partners_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_people" ADD CONSTRAINT "partnership_people_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_people" ADD CONSTRAINT "partnership_people_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_people" ADD CONSTRAINT "partnership_people_partner_id_partnership_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partnership_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_people" ADD CONSTRAINT "partnership_people_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_sections" ADD CONSTRAINT "partnership_sections_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_sections" ADD CONSTRAINT "partnership_sections_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_signatures" ADD CONSTRAINT "partnership_signatures_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_signatures" ADD CONSTRAINT "partnership_signatures_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_signatures" ADD CONSTRAINT "partnership_signatures_amendment_id_partnership_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."partnership_amendments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_signatures" ADD CONSTRAINT "partnership_signatures_partner_id_partnership_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partnership_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_signatures" ADD CONSTRAINT "partnership_signatures_signatory_id_partnership_people_id_fk" FOREIGN KEY ("signatory_id") REFERENCES "public"."partnership_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_steering_members" ADD CONSTRAINT "partnership_steering_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_steering_members" ADD CONSTRAINT "partnership_steering_members_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_steering_members" ADD CONSTRAINT "partnership_steering_members_partner_id_partnership_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partnership_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_tasks" ADD CONSTRAINT "partnership_tasks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_tasks" ADD CONSTRAINT "partnership_tasks_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_tasks" ADD CONSTRAINT "partnership_tasks_responsible_partner_id_partnership_partners_id_fk" FOREIGN KEY ("responsible_partner_id") REFERENCES "public"."partnership_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partnership_partners_partnership" ON "partnership_partners" USING btree ("partnership_id","position");--> statement-breakpoint
CREATE INDEX "partnership_partners_municipality" ON "partnership_partners" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "partnership_people_partnership" ON "partnership_people" USING btree ("partnership_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_signatures_agreement" ON "partnership_signatures" USING btree ("partnership_id","signatory_id") WHERE amendment_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_signatures_amendment" ON "partnership_signatures" USING btree ("amendment_id","signatory_id") WHERE amendment_id is not null;--> statement-breakpoint
CREATE INDEX "partnership_steering_partnership" ON "partnership_steering_members" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "partnership_tasks_partnership" ON "partnership_tasks" USING btree ("partnership_id","phase","position");--> statement-breakpoint
CREATE INDEX "partnership_tasks_open_due" ON "partnership_tasks" USING btree ("partnership_id","due_on") WHERE done_on is null and deleted_at is null;--> statement-breakpoint
CREATE INDEX "partnerships_municipality" ON "partnerships" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "partnerships_council" ON "partnerships" USING btree ("council_id");--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;