-- The tables written only by triggers, as SQLite migrations 0006 and 0009 define them: proposal_statistics
-- (one row of raw statistics facts per proposal, from the view proposal_statistics_source), the per-session
-- statistics_versions counter, and pending_publications (the replies with no publication decision yet).
--
-- Search index: separate migration. Not ported here, built for PostgreSQL in a step of its own: the FTS5
-- tables public_search (0002, rewritten in 0006), proposal_titles (0006) and proposal_bodies (0016), their
-- fts5vocab tables public_search_terms, proposal_titles_terms and proposal_bodies_terms, and their triggers
-- publications_search_insert/_update/_delete, proposal_titles_insert/_update/_delete and
-- proposal_bodies_insert/_update/_delete.
--
-- The view gives the same values as SQLite's:
-- - date(ms / 1000 + 8 * 3600, 'unixepoch'), the day in China: to_char of the same second count read as
--   UTC, so neither the session's TimeZone nor DateStyle changes it;
-- - group_concat(x, ',' ORDER BY x): string_agg, ordered with COLLATE "C" (SQLite's BINARY order);
-- - EXISTS and count(*): a boolean and a bigint here, cast to integer so that the row is 0/1 and numbers as
--   on SQLite (proposal_statistics.published is an integer column that raw SQL adds up).
CREATE VIEW proposal_statistics_source AS
SELECT
  p.id AS proposal_id,
  p.session_id AS session_id,
  p.status AS status,
  p.round AS round,
  lead.unit_id AS lead_unit_id,
  lead.accept_due AS accept_due,
  CASE WHEN lead.accepted_at IS NOT NULL THEN to_char(to_timestamp(lead.accepted_at / 1000 + 8 * 3600) AT TIME ZONE 'UTC', 'YYYY-MM-DD') END AS accepted_on,
  fr.written_on AS first_reply_on,
  fr.reply_due AS first_reply_due,
  coalesce((SELECT string_agg(m.method, ',' ORDER BY m.method COLLATE "C") FROM (SELECT DISTINCT c.method FROM contact_records c WHERE c.proposal_id = p.id AND c.round = 1) m), '') AS contact_methods,
  (SELECT d.result_class FROM reply_drafts d WHERE d.id = latest.draft_id) AS result_class,
  (EXISTS (SELECT 1 FROM publications pub WHERE pub.reply_id = latest.id AND pub.status = 'published'))::integer AS published,
  (SELECT count(*) FROM receipts rc WHERE rc.reply_id = latest.id AND rc.attitude = 'satisfied' AND rc.result = 'satisfied')::integer AS receipts_satisfied_satisfied,
  (SELECT count(*) FROM receipts rc WHERE rc.reply_id = latest.id AND rc.attitude = 'satisfied' AND rc.result = 'basically')::integer AS receipts_satisfied_basically,
  (SELECT count(*) FROM receipts rc WHERE rc.reply_id = latest.id AND rc.attitude = 'satisfied' AND rc.result = 'unsatisfied')::integer AS receipts_satisfied_unsatisfied,
  (SELECT count(*) FROM receipts rc WHERE rc.reply_id = latest.id AND rc.attitude = 'basically' AND rc.result = 'satisfied')::integer AS receipts_basically_satisfied,
  (SELECT count(*) FROM receipts rc WHERE rc.reply_id = latest.id AND rc.attitude = 'basically' AND rc.result = 'basically')::integer AS receipts_basically_basically,
  (SELECT count(*) FROM receipts rc WHERE rc.reply_id = latest.id AND rc.attitude = 'basically' AND rc.result = 'unsatisfied')::integer AS receipts_basically_unsatisfied,
  (SELECT count(*) FROM receipts rc WHERE rc.reply_id = latest.id AND rc.attitude = 'unsatisfied' AND rc.result = 'satisfied')::integer AS receipts_unsatisfied_satisfied,
  (SELECT count(*) FROM receipts rc WHERE rc.reply_id = latest.id AND rc.attitude = 'unsatisfied' AND rc.result = 'basically')::integer AS receipts_unsatisfied_basically,
  (SELECT count(*) FROM receipts rc WHERE rc.reply_id = latest.id AND rc.attitude = 'unsatisfied' AND rc.result = 'unsatisfied')::integer AS receipts_unsatisfied_unsatisfied,
  coalesce(lead.extended_due, lead.due) AS reply_due
FROM proposals p
LEFT JOIN assignments lead ON lead.id = (
  -- The live lead assignment; the newest, should a replacement be written before the old one is withdrawn.
  SELECT max(a.id) FROM assignments a WHERE a.proposal_id = p.id AND a.role = 'lead' AND a.status <> 'withdrawn'
)
LEFT JOIN replies fr ON fr.proposal_id = p.id AND fr.round = 1
LEFT JOIN replies latest ON latest.proposal_id = p.id AND latest.round = (SELECT max(r.round) FROM replies r WHERE r.proposal_id = p.id);
--> statement-breakpoint
-- One proposal's row written again from the view. SQLite runs one writer at a time; here two transactions
-- may change the same proposal's facts at once, and each would write a row from its own snapshot,
-- missing the other's change (or both insert it). Locking the proposal first makes the second wait for
-- the first to commit; under READ COMMITTED its next statements then see that commit.
CREATE FUNCTION proposal_statistics_refresh(target integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM proposals WHERE id = target FOR NO KEY UPDATE;
  DELETE FROM proposal_statistics WHERE proposal_id = target;
  INSERT INTO proposal_statistics SELECT * FROM proposal_statistics_source WHERE proposal_id = target;
END;
$$;
--> statement-breakpoint
-- For the proposals table itself (its id; SQLite: proposal_statistics_proposals_insert/_update).
CREATE FUNCTION proposal_statistics_by_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposal_statistics_refresh(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- For rows that name their proposal (assignments, replies, contact records, reply drafts): the old
-- proposal and, when the row moved, the new one.
CREATE FUNCTION proposal_statistics_by_proposal_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM proposal_statistics_refresh(OLD.proposal_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.proposal_id IS DISTINCT FROM OLD.proposal_id) THEN
    PERFORM proposal_statistics_refresh(NEW.proposal_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- For rows that name a reply (publications, receipts): the reply's proposal.
CREATE FUNCTION proposal_statistics_by_reply_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM proposal_statistics_refresh((SELECT proposal_id FROM replies WHERE id = OLD.reply_id));
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.reply_id IS DISTINCT FROM OLD.reply_id) THEN
    PERFORM proposal_statistics_refresh((SELECT proposal_id FROM replies WHERE id = NEW.reply_id));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER proposal_statistics_proposals_insert AFTER INSERT ON proposals FOR EACH ROW EXECUTE FUNCTION proposal_statistics_by_id();
--> statement-breakpoint
CREATE TRIGGER proposal_statistics_proposals_update AFTER UPDATE OF session_id, status, round ON proposals FOR EACH ROW EXECUTE FUNCTION proposal_statistics_by_id();
--> statement-breakpoint
CREATE TRIGGER proposal_statistics_assignments AFTER INSERT OR UPDATE OR DELETE ON assignments FOR EACH ROW EXECUTE FUNCTION proposal_statistics_by_proposal_id();
--> statement-breakpoint
CREATE TRIGGER proposal_statistics_replies AFTER INSERT OR UPDATE OR DELETE ON replies FOR EACH ROW EXECUTE FUNCTION proposal_statistics_by_proposal_id();
--> statement-breakpoint
CREATE TRIGGER proposal_statistics_contact_records AFTER INSERT OR UPDATE OR DELETE ON contact_records FOR EACH ROW EXECUTE FUNCTION proposal_statistics_by_proposal_id();
--> statement-breakpoint
CREATE TRIGGER proposal_statistics_reply_drafts_update AFTER UPDATE OF result_class ON reply_drafts FOR EACH ROW EXECUTE FUNCTION proposal_statistics_by_proposal_id();
--> statement-breakpoint
CREATE TRIGGER proposal_statistics_publications AFTER INSERT OR UPDATE OR DELETE ON publications FOR EACH ROW EXECUTE FUNCTION proposal_statistics_by_reply_id();
--> statement-breakpoint
CREATE TRIGGER proposal_statistics_receipts AFTER INSERT OR UPDATE OR DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION proposal_statistics_by_reply_id();
--> statement-breakpoint
-- statistics_versions: bumped whenever a proposal_statistics row of the session is written or removed.
-- SQLite's ON CONFLICT ... SET version = version + 1 names the existing row's column by its table here.
CREATE FUNCTION statistics_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_session integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    changed_session := OLD.session_id;
  ELSE
    changed_session := NEW.session_id;
  END IF;
  INSERT INTO statistics_versions (session_id, version) VALUES (changed_session, 1)
  ON CONFLICT (session_id) DO UPDATE SET version = statistics_versions.version + 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER statistics_versions_insert AFTER INSERT ON proposal_statistics FOR EACH ROW EXECUTE FUNCTION statistics_versions_bump();
--> statement-breakpoint
CREATE TRIGGER statistics_versions_delete AFTER DELETE ON proposal_statistics FOR EACH ROW EXECUTE FUNCTION statistics_versions_bump();
--> statement-breakpoint
-- pending_publications. SQLite's INSERT OR REPLACE becomes INSERT ... ON CONFLICT DO UPDATE.
CREATE FUNCTION pending_publications_on_reply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO pending_publications (reply_id, publication_due)
    SELECT NEW.id, NEW.publication_due WHERE NOT EXISTS (SELECT 1 FROM publications WHERE reply_id = NEW.id)
    ON CONFLICT (reply_id) DO UPDATE SET publication_due = EXCLUDED.publication_due;
  ELSE
    UPDATE pending_publications SET publication_due = NEW.publication_due WHERE reply_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER pending_publications_reply_insert AFTER INSERT ON replies FOR EACH ROW EXECUTE FUNCTION pending_publications_on_reply();
--> statement-breakpoint
CREATE TRIGGER pending_publications_reply_update AFTER UPDATE OF publication_due ON replies FOR EACH ROW EXECUTE FUNCTION pending_publications_on_reply();
--> statement-breakpoint
-- A publication takes its reply off the list; moved or deleted, it puts the old reply back if no other
-- publication decides it.
CREATE FUNCTION pending_publications_on_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    DELETE FROM pending_publications WHERE reply_id = NEW.reply_id;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO pending_publications (reply_id, publication_due)
    SELECT r.id, r.publication_due FROM replies r
    WHERE r.id = OLD.reply_id AND NOT EXISTS (SELECT 1 FROM publications WHERE reply_id = r.id)
    ON CONFLICT (reply_id) DO UPDATE SET publication_due = EXCLUDED.publication_due;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER pending_publications_publication_insert AFTER INSERT ON publications FOR EACH ROW EXECUTE FUNCTION pending_publications_on_publication();
--> statement-breakpoint
CREATE TRIGGER pending_publications_publication_update AFTER UPDATE OF reply_id ON publications FOR EACH ROW EXECUTE FUNCTION pending_publications_on_publication();
--> statement-breakpoint
CREATE TRIGGER pending_publications_publication_delete AFTER DELETE ON publications FOR EACH ROW EXECUTE FUNCTION pending_publications_on_publication();
