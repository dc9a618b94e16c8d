-- The coordinator's 待办 at 100,000 proposals, two lists that read every open item to show 20 (140 ms on SQLite).
--
-- owed_receipts: the receipts still owed (db/schema/replies.ts), so that the coordinator's 超期未回执 reads a range of
-- its due-date index instead of walking every open proposal's replies and signers (at 100,000 proposals: 19,491 owed
-- receipts among 28,000 open or replied proposals, 55 ms for the count alone). The view is the one definition of what
-- is owed; every trigger below rebuilds the rows of the one proposal whose facts changed from it: a proposal has a few
-- replies and signers. A reply deleted takes its rows with it (the foreign key's cascade).
CREATE TABLE `owed_receipts` (
	`reply_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`proposal_id` integer NOT NULL,
	`receipt_due` text NOT NULL,
	`position` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`reply_id`, `member_id`),
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `owed_receipts_due_idx` ON `owed_receipts` (`receipt_due`,`proposal_id`,`reply_id`,`position`);--> statement-breakpoint
CREATE INDEX `owed_receipts_proposal_idx` ON `owed_receipts` (`proposal_id`);--> statement-breakpoint
-- The coordinator's 超期 list in its order (db/schema/handling.ts): written by hand, as 0006's assignments_status_due_idx,
-- because drizzle-kit 0.31 splits an index expression at its comma (drizzle-orm#6062).
CREATE INDEX `assignments_open_due_idx` ON `assignments` (coalesce(`extended_due`, `due`), `id`) WHERE `status` in ('pending', 'accepted');--> statement-breakpoint
CREATE VIEW `owed_receipts_source` AS
SELECT r.`id` AS `reply_id`, s.`user_id` AS `member_id`, r.`proposal_id`, r.`receipt_due`, s.`position`, s.`role`
FROM `replies` r
JOIN `proposals` p ON p.`id` = r.`proposal_id`
JOIN `proposal_signers` s ON s.`proposal_id` = r.`proposal_id` AND s.`role` IN ('lead', 'cosigner')
WHERE p.`status` IN ('assigned', 'handling', 'rehandling', 'in_review', 'replied')
  AND NOT EXISTS (SELECT 1 FROM `receipts` x WHERE x.`reply_id` = r.`id` AND x.`member_id` = s.`user_id`);
--> statement-breakpoint
CREATE TRIGGER `owed_receipts_reply_insert` AFTER INSERT ON `replies`
BEGIN
  DELETE FROM `owed_receipts` WHERE `proposal_id` = NEW.`proposal_id`;
  INSERT INTO `owed_receipts` SELECT * FROM `owed_receipts_source` WHERE `proposal_id` = NEW.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `owed_receipts_reply_update` AFTER UPDATE OF `proposal_id`, `receipt_due` ON `replies`
BEGIN
  DELETE FROM `owed_receipts` WHERE `proposal_id` IN (OLD.`proposal_id`, NEW.`proposal_id`);
  INSERT INTO `owed_receipts` SELECT * FROM `owed_receipts_source` WHERE `proposal_id` IN (OLD.`proposal_id`, NEW.`proposal_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `owed_receipts_receipt_insert` AFTER INSERT ON `receipts`
BEGIN
  DELETE FROM `owed_receipts` WHERE `reply_id` = NEW.`reply_id` AND `member_id` = NEW.`member_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `owed_receipts_receipt_delete` AFTER DELETE ON `receipts`
BEGIN
  DELETE FROM `owed_receipts` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
  INSERT INTO `owed_receipts` SELECT * FROM `owed_receipts_source`
  WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `owed_receipts_signer_insert` AFTER INSERT ON `proposal_signers`
BEGIN
  DELETE FROM `owed_receipts` WHERE `proposal_id` = NEW.`proposal_id`;
  INSERT INTO `owed_receipts` SELECT * FROM `owed_receipts_source` WHERE `proposal_id` = NEW.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `owed_receipts_signer_update` AFTER UPDATE ON `proposal_signers`
BEGIN
  DELETE FROM `owed_receipts` WHERE `proposal_id` IN (OLD.`proposal_id`, NEW.`proposal_id`);
  INSERT INTO `owed_receipts` SELECT * FROM `owed_receipts_source` WHERE `proposal_id` IN (OLD.`proposal_id`, NEW.`proposal_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `owed_receipts_signer_delete` AFTER DELETE ON `proposal_signers`
BEGIN
  DELETE FROM `owed_receipts` WHERE `proposal_id` = OLD.`proposal_id`;
  INSERT INTO `owed_receipts` SELECT * FROM `owed_receipts_source` WHERE `proposal_id` = OLD.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `owed_receipts_proposal_status` AFTER UPDATE OF `status` ON `proposals` WHEN OLD.`status` IS NOT NEW.`status`
BEGIN
  DELETE FROM `owed_receipts` WHERE `proposal_id` = NEW.`id`;
  INSERT INTO `owed_receipts` SELECT * FROM `owed_receipts_source` WHERE `proposal_id` = NEW.`id`;
END;
--> statement-breakpoint
INSERT INTO `owed_receipts` SELECT * FROM `owed_receipts_source`;
