ALTER TABLE "co_creation_ballot_codes" DROP CONSTRAINT "co_creation_ballot_codes_code";--> statement-breakpoint
ALTER TABLE "co_creation_ballot_codes" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "co_creation_ballot_codes" ADD CONSTRAINT "co_creation_ballot_codes_pk" PRIMARY KEY("vote_id","code");
