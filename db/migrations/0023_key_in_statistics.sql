-- Marking a proposal 重点提案 (is_key) rewrites its proposal_statistics row like a change of state, so that its
-- session's statistics version moves: the statistics page keeps each session's 重点提案 totals until then
-- (db/queries/statistics.ts sessionTotals).
DROP TRIGGER `proposal_statistics_proposals_update`;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_proposals_update` AFTER UPDATE OF `session_id`, `status`, `round`, `is_key` ON `proposals`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`id`;
END;
