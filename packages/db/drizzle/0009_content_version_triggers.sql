-- A municipality's content version rises once for every committed transaction that changed its content, so a
-- process can keep what it computed from that content (deadlines, rendered pages) and ask one indexed question
-- instead of reloading: "is the version still N?". The database raises it, not the application, so no writer
-- (API, worker, seed, a test, psql) can forget to.
--
-- The trigger is a deferred constraint trigger: it runs at commit, after every other lock of the transaction is
-- taken, so raising the version cannot deadlock with the transaction's own row locks. A transaction-local
-- setting makes it raise each municipality's version once per transaction, however many rows changed.
CREATE FUNCTION samraad_raise_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  municipality uuid;
  marker text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    municipality := OLD.municipality_id;
  ELSE
    municipality := NEW.municipality_id;
  END IF;
  IF municipality IS NULL THEN
    RETURN NULL;
  END IF;
  marker := 'samraad.content_raised_' || replace(municipality::text, '-', '');
  IF current_setting(marker, true) = '1' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config(marker, '1', true);
  UPDATE municipalities SET content_version = content_version + 1 WHERE id = municipality;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Puts a table's changes under the content version. Every table with a municipality_id gets it, unless it holds
-- nothing that is shown from a cache (the test "content version" lists those and fails for a new table that
-- has neither).
CREATE FUNCTION samraad_track_content(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'CREATE CONSTRAINT TRIGGER samraad_content_version AFTER INSERT OR UPDATE OR DELETE ON %s '
    'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION samraad_raise_content_version()',
    target);
END $$;
--> statement-breakpoint
-- A change to the municipality's own row (its name, say) is a change of content too.
CREATE FUNCTION samraad_raise_own_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.content_version = OLD.content_version THEN
    NEW.content_version := OLD.content_version + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER samraad_content_version BEFORE UPDATE ON municipalities
  FOR EACH ROW EXECUTE FUNCTION samraad_raise_own_content_version();
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND c.column_name = 'municipality_id' AND tb.table_type = 'BASE TABLE'
      AND c.table_name NOT IN (
        'audit_log', 'reminder_deliveries',
        'co_creation_ballot_codes', 'co_creation_ballots', 'co_creation_voters')
  LOOP
    PERFORM samraad_track_content(quote_ident(t)::regclass);
  END LOOP;
END $$;
