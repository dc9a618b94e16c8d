-- A proposal's proposal_statistics row is written again once per transaction, at its commit, instead of at every
-- write of one of its facts (0002). An import of 1,000 rows wrote each proposal's row four times or more (the proposal,
-- its lead and co assignments, its status), each time computing the view and moving the session's statistics version
-- twice: 4,300 refreshes, 3.9 s of the import's 6.4 s in the database. And the first refresh locked the session's
-- statistics_versions row until the commit, so that every other writer of the session waited for the whole
-- transaction.
--
-- The triggers of 0002 are unchanged: what they call, proposal_statistics_refresh, now only marks the proposal in
-- proposal_statistics_stale (once: ON CONFLICT DO NOTHING). The insert of a mark fires a deferred constraint trigger, at
-- the commit, which takes the mark away and writes the row (proposal_statistics_write, 0002's refresh as it was: it
-- locks the proposal first, so that of two transactions changing one proposal's facts the second computes the row after
-- the first's commit). A mark inserted in a savepoint that rolls back goes with it, its commit-time event too. Inside
-- the transaction the row is the one before its writes: nothing reads proposal_statistics in a writing transaction (the
-- statistics, the 督办 board and the list's 超期 filter are reads of their own). SQLite (one writer at a time, no
-- deferred triggers) keeps writing the row at once.
CREATE TABLE proposal_statistics_stale (
  proposal_id integer PRIMARY KEY
);
--> statement-breakpoint
CREATE FUNCTION proposal_statistics_write(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM proposals WHERE id = target FOR NO KEY UPDATE;
  DELETE FROM proposal_statistics WHERE proposal_id = target;
  INSERT INTO proposal_statistics SELECT * FROM proposal_statistics_source WHERE proposal_id = target;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION proposal_statistics_refresh(target integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO proposal_statistics_stale (proposal_id) SELECT target WHERE target IS NOT NULL ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
CREATE FUNCTION proposal_statistics_refresh_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM proposal_statistics_stale WHERE proposal_id = NEW.proposal_id;
  PERFORM proposal_statistics_write(NEW.proposal_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER proposal_statistics_at_commit AFTER INSERT ON proposal_statistics_stale
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION proposal_statistics_refresh_stale();
