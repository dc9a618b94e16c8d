-- SQLite migration 0001 on PostgreSQL: the event log is the audit trail (once written, a row may never
-- change or disappear), and a submitted receipt is immutable. SQLite's RAISE(ABORT, ...) becomes a
-- plpgsql function raising the same message, given by each trigger as its argument.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION refuse_change('events are append-only');
--> statement-breakpoint
CREATE TRIGGER events_no_delete BEFORE DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_change('events are append-only');
--> statement-breakpoint
-- TRUNCATE skips row triggers on PostgreSQL (SQLite has none: its DELETE without WHERE fires them).
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('events are append-only');
--> statement-breakpoint
CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts FOR EACH ROW EXECUTE FUNCTION refuse_change('receipts are immutable');
