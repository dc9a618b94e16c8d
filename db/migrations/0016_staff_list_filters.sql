DROP INDEX `proposals_list_idx`;--> statement-breakpoint
CREATE INDEX `proposals_filter_idx` ON `proposals` (`session_id`,`number`,`status`,`category_id`,`is_key`,`received_on`);--> statement-breakpoint
CREATE INDEX `proposals_list_idx` ON `proposals` (`id`,`session_id`,`number`,`status`,`category_id`,`is_key`,`received_on`);--> statement-breakpoint
CREATE INDEX `proposal_statistics_reply_due_idx` ON `proposal_statistics` (`status`,`reply_due`);--> statement-breakpoint
-- Proposal bodies, for the staff list's search over the text: a trigram index like proposal_titles
-- (contentless: the bodies stay in proposals), each body ending with two line feeds so that every
-- occurrence of a word of one or two characters begins some trigram, with its vocabulary for such words.
CREATE VIRTUAL TABLE `proposal_bodies` USING fts5(`body`, content = '', contentless_delete = 1, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `proposal_bodies_insert` AFTER INSERT ON `proposals`
BEGIN
  INSERT INTO `proposal_bodies` (`rowid`, `body`) VALUES (NEW.`id`, NEW.`body` || char(10, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_bodies_update` AFTER UPDATE OF `body` ON `proposals`
BEGIN
  DELETE FROM `proposal_bodies` WHERE `rowid` = OLD.`id`;
  INSERT INTO `proposal_bodies` (`rowid`, `body`) VALUES (NEW.`id`, NEW.`body` || char(10, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_bodies_delete` AFTER DELETE ON `proposals`
BEGIN
  DELETE FROM `proposal_bodies` WHERE `rowid` = OLD.`id`;
END;
--> statement-breakpoint
INSERT INTO `proposal_bodies` (`rowid`, `body`) SELECT `id`, `body` || char(10, 10) FROM `proposals`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `proposal_bodies_terms` USING fts5vocab(`proposal_bodies`, 'row');
