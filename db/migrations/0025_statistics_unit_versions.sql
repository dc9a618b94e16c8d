CREATE TABLE `statistics_unit_versions` (
	`session_id` integer NOT NULL,
	`unit_key` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`session_id`, `unit_key`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The statistics page keeps each session's counts per lead unit until the session's version moves
-- (db/queries/statistics.ts sessionTotals); counting a session again cost 25–45 ms at 100,000 proposals, and every
-- contact record or sign-off of the session moved it. The same triggers now move the unit's version too, so that only
-- the units whose rows changed are counted again.
DROP TRIGGER `statistics_versions_insert`;
--> statement-breakpoint
DROP TRIGGER `statistics_versions_delete`;
--> statement-breakpoint
CREATE TRIGGER `statistics_versions_insert` AFTER INSERT ON `proposal_statistics`
BEGIN
  INSERT INTO `statistics_versions` (`session_id`, `version`) VALUES (NEW.`session_id`, 1)
  ON CONFLICT (`session_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `statistics_unit_versions` (`session_id`, `unit_key`, `version`) VALUES (NEW.`session_id`, coalesce(NEW.`lead_unit_id`, 0), 1)
  ON CONFLICT (`session_id`, `unit_key`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_versions_delete` AFTER DELETE ON `proposal_statistics`
BEGIN
  INSERT INTO `statistics_versions` (`session_id`, `version`) VALUES (OLD.`session_id`, 1)
  ON CONFLICT (`session_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `statistics_unit_versions` (`session_id`, `unit_key`, `version`) VALUES (OLD.`session_id`, coalesce(OLD.`lead_unit_id`, 0), 1)
  ON CONFLICT (`session_id`, `unit_key`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
INSERT INTO `statistics_unit_versions` (`session_id`, `unit_key`, `version`)
SELECT DISTINCT `session_id`, coalesce(`lead_unit_id`, 0), 1 FROM `proposal_statistics`;
