ALTER TABLE "vorlagen" ADD COLUMN "reading_room_snapshot" jsonb;--> statement-breakpoint
-- What a committee read stays as it was: once stored, the snapshot of a Vorlage cannot be changed.
CREATE OR REPLACE FUNCTION vorlagen_keep_reading_room_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.reading_room_snapshot IS NOT NULL AND NEW.reading_room_snapshot IS DISTINCT FROM OLD.reading_room_snapshot THEN
    RAISE EXCEPTION 'vorlagen.reading_room_snapshot is immutable' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER vorlagen_reading_room_snapshot_immutable BEFORE UPDATE ON vorlagen
  FOR EACH ROW EXECUTE FUNCTION vorlagen_keep_reading_room_snapshot();
