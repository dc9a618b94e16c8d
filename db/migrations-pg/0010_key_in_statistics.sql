-- As SQLite's 0023: marking a proposal 重点提案 (is_key) rewrites its proposal_statistics row, so that its session's
-- statistics version moves (db/queries/statistics.ts sessionTotals keeps each session's 重点提案 totals until then).
DROP TRIGGER proposal_statistics_proposals_update ON proposals;
--> statement-breakpoint
CREATE TRIGGER proposal_statistics_proposals_update AFTER UPDATE OF session_id, status, round, is_key ON proposals FOR EACH ROW EXECUTE FUNCTION proposal_statistics_by_id();
