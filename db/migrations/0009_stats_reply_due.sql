ALTER TABLE `proposal_statistics` ADD `reply_due` text;--> statement-breakpoint
-- proposal_statistics.reply_due: the lead unit's reply deadline now, so that the statistics count a
-- proposal whose deadline passed without a reply (lib/overdue.ts). The view gains the column last, as
-- the table does, because the triggers copy its rows with SELECT *.
DROP VIEW `proposal_statistics_source`;
--> statement-breakpoint
CREATE VIEW `proposal_statistics_source` AS
SELECT
  p.`id` AS `proposal_id`,
  p.`session_id` AS `session_id`,
  p.`status` AS `status`,
  p.`round` AS `round`,
  lead.`unit_id` AS `lead_unit_id`,
  lead.`accept_due` AS `accept_due`,
  CASE WHEN lead.`accepted_at` IS NOT NULL THEN date(lead.`accepted_at` / 1000 + 8 * 3600, 'unixepoch') END AS `accepted_on`,
  fr.`written_on` AS `first_reply_on`,
  fr.`reply_due` AS `first_reply_due`,
  coalesce((SELECT group_concat(m.`method`, ',' ORDER BY m.`method`) FROM (SELECT DISTINCT c.`method` FROM `contact_records` c WHERE c.`proposal_id` = p.`id` AND c.`round` = 1) m), '') AS `contact_methods`,
  (SELECT d.`result_class` FROM `reply_drafts` d WHERE d.`id` = latest.`draft_id`) AS `result_class`,
  EXISTS (SELECT 1 FROM `publications` pub WHERE pub.`reply_id` = latest.`id` AND pub.`status` = 'published') AS `published`,
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'satisfied' AND rc.`result` = 'satisfied') AS `receipts_satisfied_satisfied`,
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'satisfied' AND rc.`result` = 'basically') AS `receipts_satisfied_basically`,
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'satisfied' AND rc.`result` = 'unsatisfied') AS `receipts_satisfied_unsatisfied`,
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'basically' AND rc.`result` = 'satisfied') AS `receipts_basically_satisfied`,
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'basically' AND rc.`result` = 'basically') AS `receipts_basically_basically`,
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'basically' AND rc.`result` = 'unsatisfied') AS `receipts_basically_unsatisfied`,
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'unsatisfied' AND rc.`result` = 'satisfied') AS `receipts_unsatisfied_satisfied`,
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'unsatisfied' AND rc.`result` = 'basically') AS `receipts_unsatisfied_basically`,
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'unsatisfied' AND rc.`result` = 'unsatisfied') AS `receipts_unsatisfied_unsatisfied`,
  coalesce(lead.`extended_due`, lead.`due`) AS `reply_due`
FROM `proposals` p
LEFT JOIN `assignments` lead ON lead.`id` = (
  -- The live lead assignment; the newest, should a replacement be written before the old one is withdrawn.
  SELECT max(a.`id`) FROM `assignments` a WHERE a.`proposal_id` = p.`id` AND a.`role` = 'lead' AND a.`status` <> 'withdrawn'
)
LEFT JOIN `replies` fr ON fr.`proposal_id` = p.`id` AND fr.`round` = 1
LEFT JOIN `replies` latest ON latest.`proposal_id` = p.`id` AND latest.`round` = (SELECT max(r.`round`) FROM `replies` r WHERE r.`proposal_id` = p.`id`);
--> statement-breakpoint
UPDATE `proposal_statistics` SET `reply_due` = (SELECT s.`reply_due` FROM `proposal_statistics_source` s WHERE s.`proposal_id` = `proposal_statistics`.`proposal_id`);
