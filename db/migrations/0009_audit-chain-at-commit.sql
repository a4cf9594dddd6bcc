CREATE TABLE "audit_pending" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tx" bigint DEFAULT txid_current() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_organisation_id" uuid,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"concept_id" uuid,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_pending_tx_idx" ON "audit_pending" USING btree ("tx","id");--> statement-breakpoint
-- At commit, the transaction's pending events join the chain in the order they were recorded: under the chain's
-- lock (the one key every writer of the chain takes), each row links to the hash of the row before it and its own
-- hash is SHA-256 over that hash, a line feed and its canonical body — the same as hashAuditEvent in the
-- application, which verifies the chain. The trigger fires once per pending row; the first firing does the work.
CREATE OR REPLACE FUNCTION audit_pending_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head text;
  r record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_pending WHERE tx = txid_current()) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(47112021);
  SELECT hash INTO head FROM audit_events ORDER BY seq DESC LIMIT 1;
  head := coalesce(head, repeat('0', 64));
  FOR r IN SELECT * FROM audit_pending WHERE tx = txid_current() ORDER BY id LOOP
    INSERT INTO audit_events (occurred_at, actor_id, actor_organisation_id, action, object_type, object_id, concept_id, summary, ip, prev_hash, hash)
    VALUES (r.occurred_at, r.actor_id, r.actor_organisation_id, r.action, r.object_type, r.object_id, r.concept_id, r.summary, r.ip, head,
            encode(sha256(convert_to(head || chr(10) || r.body, 'UTF8')), 'hex'))
    RETURNING hash INTO head;
  END LOOP;
  DELETE FROM audit_pending WHERE tx = txid_current();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_chain_at_commit AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_chain();
