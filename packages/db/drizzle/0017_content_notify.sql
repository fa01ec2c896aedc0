-- Every process keeps the content versions it has read and is told of each new one on the channel
-- samraad_content ("<municipality id> <version>"), so a warm read asks the database nothing. NOTIFY is sent at
-- commit and not at all on rollback, like the version itself. Every raise of the version passes through this
-- trigger: the deferred per-table triggers update the municipality's row, and so does a change of the row itself.
CREATE OR REPLACE FUNCTION samraad_raise_own_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.content_version = OLD.content_version THEN
    NEW.content_version := OLD.content_version + 1;
  END IF;
  PERFORM pg_notify('samraad_content', NEW.id::text || ' ' || NEW.content_version::text);
  RETURN NEW;
END $$;
