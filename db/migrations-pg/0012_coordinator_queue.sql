-- The coordinator's 待办, as on SQLite (db/migrations/0024 says why): owed_receipts and assignments_open_due_idx.
--
-- owed_receipts: the receipts still owed, as on SQLite. owed_receipts_refresh rebuilds one
-- proposal's rows from the view; it locks the proposal first, so that of two transactions changing one proposal's facts
-- the second rebuilds after the first's commit (the app's writers already follow one another: db/postgres.ts).
CREATE TABLE "owed_receipts" (
	"reply_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"receipt_due" text NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "owed_receipts_reply_id_member_id_pk" PRIMARY KEY("reply_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "owed_receipts" ADD CONSTRAINT "owed_receipts_reply_id_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."replies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owed_receipts" ADD CONSTRAINT "owed_receipts_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "owed_receipts_due_idx" ON "owed_receipts" USING btree ("receipt_due","proposal_id","reply_id","position");--> statement-breakpoint
CREATE INDEX "owed_receipts_proposal_idx" ON "owed_receipts" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "assignments_open_due_idx" ON "assignments" USING btree (coalesce("extended_due", "due"),"id") WHERE "status" in ('pending', 'accepted');--> statement-breakpoint
CREATE VIEW owed_receipts_source AS
SELECT r.id AS reply_id, s.user_id AS member_id, r.proposal_id, r.receipt_due, s.position, s.role
FROM replies r
JOIN proposals p ON p.id = r.proposal_id
JOIN proposal_signers s ON s.proposal_id = r.proposal_id AND s.role IN ('lead', 'cosigner')
WHERE p.status IN ('assigned', 'handling', 'rehandling', 'in_review', 'replied')
  AND NOT EXISTS (SELECT 1 FROM receipts x WHERE x.reply_id = r.id AND x.member_id = s.user_id);
--> statement-breakpoint
CREATE FUNCTION owed_receipts_refresh(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF target IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM proposals WHERE id = target FOR NO KEY UPDATE;
  DELETE FROM owed_receipts WHERE proposal_id = target;
  INSERT INTO owed_receipts SELECT * FROM owed_receipts_source WHERE proposal_id = target;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION owed_receipts_on_reply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.proposal_id <> NEW.proposal_id THEN
    PERFORM owed_receipts_refresh(OLD.proposal_id);
  END IF;
  PERFORM owed_receipts_refresh(NEW.proposal_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER owed_receipts_reply_insert AFTER INSERT ON replies FOR EACH ROW EXECUTE FUNCTION owed_receipts_on_reply();
--> statement-breakpoint
CREATE TRIGGER owed_receipts_reply_update AFTER UPDATE OF proposal_id, receipt_due ON replies FOR EACH ROW EXECUTE FUNCTION owed_receipts_on_reply();
--> statement-breakpoint
CREATE FUNCTION owed_receipts_on_receipt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    DELETE FROM owed_receipts WHERE reply_id = NEW.reply_id AND member_id = NEW.member_id;
  ELSE
    PERFORM owed_receipts_refresh((SELECT proposal_id FROM replies WHERE id = OLD.reply_id));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER owed_receipts_receipt_insert AFTER INSERT ON receipts FOR EACH ROW EXECUTE FUNCTION owed_receipts_on_receipt();
--> statement-breakpoint
CREATE TRIGGER owed_receipts_receipt_delete AFTER DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION owed_receipts_on_receipt();
--> statement-breakpoint
CREATE FUNCTION owed_receipts_on_signer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM owed_receipts_refresh(OLD.proposal_id);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.proposal_id <> NEW.proposal_id) THEN
    PERFORM owed_receipts_refresh(NEW.proposal_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER owed_receipts_signer_change AFTER INSERT OR UPDATE OR DELETE ON proposal_signers FOR EACH ROW EXECUTE FUNCTION owed_receipts_on_signer();
--> statement-breakpoint
CREATE FUNCTION owed_receipts_on_proposal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM owed_receipts_refresh(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER owed_receipts_proposal_status AFTER UPDATE OF status ON proposals FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION owed_receipts_on_proposal();
--> statement-breakpoint
INSERT INTO owed_receipts SELECT * FROM owed_receipts_source;
