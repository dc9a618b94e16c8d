CREATE TABLE `proposal_statistics` (
	`proposal_id` integer PRIMARY KEY NOT NULL,
	`session_id` integer NOT NULL,
	`status` text NOT NULL,
	`round` integer NOT NULL,
	`lead_unit_id` integer,
	`accept_due` text,
	`accepted_on` text,
	`first_reply_on` text,
	`first_reply_due` text,
	`contact_methods` text NOT NULL,
	`result_class` text,
	`published` integer NOT NULL,
	`receipts_satisfied_satisfied` integer NOT NULL,
	`receipts_satisfied_basically` integer NOT NULL,
	`receipts_satisfied_unsatisfied` integer NOT NULL,
	`receipts_basically_satisfied` integer NOT NULL,
	`receipts_basically_basically` integer NOT NULL,
	`receipts_basically_unsatisfied` integer NOT NULL,
	`receipts_unsatisfied_satisfied` integer NOT NULL,
	`receipts_unsatisfied_basically` integer NOT NULL,
	`receipts_unsatisfied_unsatisfied` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposal_statistics_session_idx` ON `proposal_statistics` (`session_id`,`status`);--> statement-breakpoint
CREATE INDEX `proposal_statistics_unit_idx` ON `proposal_statistics` (`lead_unit_id`);--> statement-breakpoint
CREATE TABLE `statistics_versions` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pending_publications` (
	`reply_id` integer PRIMARY KEY NOT NULL,
	`publication_due` text NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_publications_due_idx` ON `pending_publications` (`publication_due`);--> statement-breakpoint
DROP INDEX `assignments_unit_status_idx`;--> statement-breakpoint
DROP INDEX `assignments_status_due_idx`;--> statement-breakpoint
CREATE INDEX `assignments_unit_idx` ON `assignments` (`unit_id`,`status`,`role`,`proposal_id`);--> statement-breakpoint
CREATE INDEX `assignments_status_accept_due_idx` ON `assignments` (`status`,`accept_due`);--> statement-breakpoint
CREATE INDEX `assignments_status_due_idx` ON `assignments` (`status`,coalesce("extended_due", "due"));--> statement-breakpoint
DROP INDEX `publications_status_date_idx`;--> statement-breakpoint
CREATE INDEX `publications_public_idx` ON `publications` (`status`,`published_on`,`id`,`index_year`,`publisher_unit_id`,`topic`,`genre`);--> statement-breakpoint
CREATE INDEX `publications_public_year_idx` ON `publications` (`status`,`index_year`,`published_on`,`id`,`publisher_unit_id`,`topic`,`genre`);--> statement-breakpoint
CREATE INDEX `publications_public_unit_idx` ON `publications` (`status`,`publisher_unit_id`,`published_on`,`id`,`index_year`,`topic`,`genre`);--> statement-breakpoint
CREATE INDEX `publications_public_topic_idx` ON `publications` (`status`,`topic`,`published_on`,`id`,`index_year`,`publisher_unit_id`,`genre`);--> statement-breakpoint
CREATE INDEX `publications_public_genre_idx` ON `publications` (`status`,`genre`,`published_on`,`id`,`index_year`,`publisher_unit_id`,`topic`);--> statement-breakpoint
DROP INDEX `events_proposal_idx`;--> statement-breakpoint
CREATE INDEX `events_proposal_idx` ON `events` (`proposal_id`,`action`,`id`);--> statement-breakpoint
CREATE INDEX `proposals_session_status_idx` ON `proposals` (`session_id`,`status`,`number`);--> statement-breakpoint
CREATE INDEX `replies_unit_idx` ON `replies` (`unit_id`);--> statement-breakpoint
-- proposal_statistics: one row of raw statistics facts per proposal, kept up to date by the triggers
-- below from the view proposal_statistics_source (the one definition of those facts). The statistics
-- page groups this compact table instead of joining six tables for every proposal.
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
  (SELECT count(*) FROM `receipts` rc WHERE rc.`reply_id` = latest.`id` AND rc.`attitude` = 'unsatisfied' AND rc.`result` = 'unsatisfied') AS `receipts_unsatisfied_unsatisfied`
FROM `proposals` p
LEFT JOIN `assignments` lead ON lead.`id` = (
  -- The live lead assignment; the newest, should a replacement be written before the old one is withdrawn.
  SELECT max(a.`id`) FROM `assignments` a WHERE a.`proposal_id` = p.`id` AND a.`role` = 'lead' AND a.`status` <> 'withdrawn'
)
LEFT JOIN `replies` fr ON fr.`proposal_id` = p.`id` AND fr.`round` = 1
LEFT JOIN `replies` latest ON latest.`proposal_id` = p.`id` AND latest.`round` = (SELECT max(r.`round`) FROM `replies` r WHERE r.`proposal_id` = p.`id`);
--> statement-breakpoint
INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source`;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_proposals_insert` AFTER INSERT ON `proposals`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_proposals_update` AFTER UPDATE OF `session_id`, `status`, `round` ON `proposals`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_assignments_insert` AFTER INSERT ON `assignments`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_assignments_update` AFTER UPDATE ON `assignments`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = OLD.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = OLD.`proposal_id`;
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_assignments_delete` AFTER DELETE ON `assignments`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = OLD.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = OLD.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_replies_insert` AFTER INSERT ON `replies`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_replies_update` AFTER UPDATE ON `replies`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = OLD.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = OLD.`proposal_id`;
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_replies_delete` AFTER DELETE ON `replies`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = OLD.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = OLD.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_contact_records_insert` AFTER INSERT ON `contact_records`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_contact_records_update` AFTER UPDATE ON `contact_records`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = OLD.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = OLD.`proposal_id`;
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_contact_records_delete` AFTER DELETE ON `contact_records`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = OLD.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = OLD.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_reply_drafts_update` AFTER UPDATE OF `result_class` ON `reply_drafts`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = NEW.`proposal_id`;
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = NEW.`proposal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_publications_insert` AFTER INSERT ON `publications`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = NEW.`reply_id`);
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = NEW.`reply_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_publications_update` AFTER UPDATE ON `publications`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = NEW.`reply_id`);
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = NEW.`reply_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_publications_delete` AFTER DELETE ON `publications`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_receipts_insert` AFTER INSERT ON `receipts`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = NEW.`reply_id`);
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = NEW.`reply_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_receipts_update` AFTER UPDATE ON `receipts`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = NEW.`reply_id`);
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = NEW.`reply_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_statistics_receipts_delete` AFTER DELETE ON `receipts`
BEGIN
  DELETE FROM `proposal_statistics` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
  INSERT INTO `proposal_statistics` SELECT * FROM `proposal_statistics_source` WHERE `proposal_id` = (SELECT `proposal_id` FROM `replies` WHERE `id` = OLD.`reply_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_versions_insert` AFTER INSERT ON `proposal_statistics`
BEGIN
  INSERT INTO `statistics_versions` (`session_id`, `version`) VALUES (NEW.`session_id`, 1)
  ON CONFLICT (`session_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_versions_delete` AFTER DELETE ON `proposal_statistics`
BEGIN
  INSERT INTO `statistics_versions` (`session_id`, `version`) VALUES (OLD.`session_id`, 1)
  ON CONFLICT (`session_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
INSERT INTO `statistics_versions` (`session_id`, `version`) SELECT DISTINCT `session_id`, 1 FROM `proposal_statistics`;
--> statement-breakpoint
-- pending_publications: the replies with no publication decision yet (the 督办 board's 公开 column).
CREATE TRIGGER `pending_publications_reply_insert` AFTER INSERT ON `replies`
BEGIN
  INSERT OR REPLACE INTO `pending_publications` (`reply_id`, `publication_due`)
  SELECT NEW.`id`, NEW.`publication_due` WHERE NOT EXISTS (SELECT 1 FROM `publications` WHERE `reply_id` = NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `pending_publications_reply_update` AFTER UPDATE OF `publication_due` ON `replies`
BEGIN
  UPDATE `pending_publications` SET `publication_due` = NEW.`publication_due` WHERE `reply_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `pending_publications_publication_insert` AFTER INSERT ON `publications`
BEGIN
  DELETE FROM `pending_publications` WHERE `reply_id` = NEW.`reply_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `pending_publications_publication_update` AFTER UPDATE OF `reply_id` ON `publications`
BEGIN
  DELETE FROM `pending_publications` WHERE `reply_id` = NEW.`reply_id`;
  INSERT OR REPLACE INTO `pending_publications` (`reply_id`, `publication_due`)
  SELECT r.`id`, r.`publication_due` FROM `replies` r
  WHERE r.`id` = OLD.`reply_id` AND NOT EXISTS (SELECT 1 FROM `publications` WHERE `reply_id` = r.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `pending_publications_publication_delete` AFTER DELETE ON `publications`
BEGIN
  INSERT OR REPLACE INTO `pending_publications` (`reply_id`, `publication_due`)
  SELECT r.`id`, r.`publication_due` FROM `replies` r
  WHERE r.`id` = OLD.`reply_id` AND NOT EXISTS (SELECT 1 FROM `publications` WHERE `reply_id` = r.`id`);
END;
--> statement-breakpoint
INSERT INTO `pending_publications` (`reply_id`, `publication_due`)
SELECT r.`id`, r.`publication_due` FROM `replies` r WHERE NOT EXISTS (SELECT 1 FROM `publications` WHERE `reply_id` = r.`id`);
--> statement-breakpoint
-- Public search, words of one and two characters: the trigram index answers MATCH only for three
-- characters or more, so a short word is looked up in the index's vocabulary (public_search_terms) as
-- the prefix of the trigrams that hold it, and those trigrams are matched instead of scanning every text
-- with LIKE. For every occurrence to begin some trigram, each indexed text now ends with two line feeds,
-- which no search word can contain.
DROP TRIGGER `publications_search_insert`;
--> statement-breakpoint
DROP TRIGGER `publications_search_update`;
--> statement-breakpoint
CREATE TRIGGER `publications_search_insert` AFTER INSERT ON `publications` WHEN NEW.`status` = 'published'
BEGIN
  INSERT INTO `public_search` (`rowid`, `title`, `body`)
  SELECT NEW.`id`, p.`title` || char(10, 10), CASE NEW.`mode` WHEN 'full' THEN d.`body` ELSE coalesce(NEW.`summary`, '') END || char(10, 10)
  FROM `replies` r
  JOIN `reply_drafts` d ON d.`id` = r.`draft_id`
  JOIN `proposals` p ON p.`id` = r.`proposal_id`
  WHERE r.`id` = NEW.`reply_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `publications_search_update` AFTER UPDATE ON `publications`
BEGIN
  DELETE FROM `public_search` WHERE `rowid` = OLD.`id`;
  INSERT INTO `public_search` (`rowid`, `title`, `body`)
  SELECT NEW.`id`, p.`title` || char(10, 10), CASE NEW.`mode` WHEN 'full' THEN d.`body` ELSE coalesce(NEW.`summary`, '') END || char(10, 10)
  FROM `replies` r
  JOIN `reply_drafts` d ON d.`id` = r.`draft_id`
  JOIN `proposals` p ON p.`id` = r.`proposal_id`
  WHERE r.`id` = NEW.`reply_id` AND NEW.`status` = 'published';
END;
--> statement-breakpoint
DELETE FROM `public_search`;
--> statement-breakpoint
INSERT INTO `public_search` (`rowid`, `title`, `body`)
SELECT pub.`id`, p.`title` || char(10, 10), CASE pub.`mode` WHEN 'full' THEN d.`body` ELSE coalesce(pub.`summary`, '') END || char(10, 10)
FROM `publications` pub
JOIN `replies` r ON r.`id` = pub.`reply_id`
JOIN `reply_drafts` d ON d.`id` = r.`draft_id`
JOIN `proposals` p ON p.`id` = r.`proposal_id`
WHERE pub.`status` = 'published';
--> statement-breakpoint
CREATE VIRTUAL TABLE `public_search_terms` USING fts5vocab(`public_search`, 'row');
--> statement-breakpoint
-- Proposal titles, for the staff list's search and for similar proposals (并案 suggestions): a trigram
-- index of every proposal's title (contentless: the titles stay in proposals), each ending with two
-- line feeds like public_search, with its vocabulary for words of one or two characters.
CREATE VIRTUAL TABLE `proposal_titles` USING fts5(`title`, content = '', contentless_delete = 1, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `proposal_titles_insert` AFTER INSERT ON `proposals`
BEGIN
  INSERT INTO `proposal_titles` (`rowid`, `title`) VALUES (NEW.`id`, NEW.`title` || char(10, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_titles_update` AFTER UPDATE OF `title` ON `proposals`
BEGIN
  DELETE FROM `proposal_titles` WHERE `rowid` = OLD.`id`;
  INSERT INTO `proposal_titles` (`rowid`, `title`) VALUES (NEW.`id`, NEW.`title` || char(10, 10));
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_titles_delete` AFTER DELETE ON `proposals`
BEGIN
  DELETE FROM `proposal_titles` WHERE `rowid` = OLD.`id`;
END;
--> statement-breakpoint
INSERT INTO `proposal_titles` (`rowid`, `title`) SELECT `id`, `title` || char(10, 10) FROM `proposals`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `proposal_titles_terms` USING fts5vocab(`proposal_titles`, 'row');
