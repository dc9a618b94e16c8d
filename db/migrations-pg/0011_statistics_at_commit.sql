-- A proposal's proposal_statistics row is written again once per transaction, at its commit, instead of at every
-- write of one of its facts (0002). An import of 1,000 rows wrote each proposal's row four times or more (the proposal,
-- its lead and co assignments, its status), each time computing the view and moving the session's statistics version
-- twice: 4,300 refreshes, 3.9 s of the import's 6.4 s in the database. And the first refresh locked the session's
-- statistics_versions row until the commit, so that every other writer of the session waited for the whole
-- transaction.
--
-- The triggers of 0002 now only mark the proposal in proposal_statistics_stale (once: ON CONFLICT DO NOTHING). The
-- insert of a mark fires a deferred constraint trigger, at the commit, which takes the mark away and writes the row
-- (proposal_statistics_refresh, unchanged: it locks the proposal first, so that of two transactions changing one
-- proposal's facts the second computes the row after the first's commit). A mark inserted in a savepoint that rolls
-- back goes with it, its commit-time event too. Inside the transaction the row is the one before its writes: nothing
-- reads proposal_statistics in a writing transaction (the statistics, the 督办 board and the list's 超期 filter are
-- reads of their own). SQLite (one writer at a time, no deferred triggers) keeps writing the row at once.
CREATE TABLE proposal_statistics_stale (
  proposal_id integer PRIMARY KEY
);
--> statement-breakpoint
CREATE FUNCTION proposal_statistics_mark(target integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO proposal_statistics_stale (proposal_id) SELECT target WHERE target IS NOT NULL ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
CREATE FUNCTION proposal_statistics_refresh_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM proposal_statistics_stale WHERE proposal_id = NEW.proposal_id;
  PERFORM proposal_statistics_refresh(NEW.proposal_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER proposal_statistics_at_commit AFTER INSERT ON proposal_statistics_stale
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION proposal_statistics_refresh_stale();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION proposal_statistics_by_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_statistics_mark(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION proposal_statistics_by_proposal_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM proposal_statistics_mark(OLD.proposal_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.proposal_id IS DISTINCT FROM OLD.proposal_id) THEN
    PERFORM proposal_statistics_mark(NEW.proposal_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION proposal_statistics_by_reply_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM proposal_statistics_mark((SELECT proposal_id FROM replies WHERE id = OLD.reply_id));
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.reply_id IS DISTINCT FROM OLD.reply_id) THEN
    PERFORM proposal_statistics_mark((SELECT proposal_id FROM replies WHERE id = NEW.reply_id));
  END IF;
  RETURN NULL;
END;
$$;
