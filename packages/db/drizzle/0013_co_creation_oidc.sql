CREATE TABLE "co_creation_oidc_providers" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_encrypted" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "co_creation_votes" ADD COLUMN "sign_in_with_oidc" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "co_creation_oidc_providers" ADD CONSTRAINT "co_creation_oidc_providers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;