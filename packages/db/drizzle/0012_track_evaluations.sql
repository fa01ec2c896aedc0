-- Evaluations, their criteria and measurements are content that cached pages and deadlines read. Invitations
-- and responses are left untracked (see content-version.test.ts): secret, and counted only after collecting ends.
SELECT samraad_track_content('evaluations');--> statement-breakpoint
SELECT samraad_track_content('evaluation_criteria');--> statement-breakpoint
SELECT samraad_track_content('evaluation_measurements');
