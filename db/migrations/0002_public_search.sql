-- Full-text search of the public site: one row per published reply, its rowid the publication's id.
-- The title is the proposal's title; the body is the reply's body under 全文公开 and only the public
-- summary under 摘要公开. Withheld and withdrawn publications have no row. The trigram tokenizer
-- answers MATCH for words of three characters or more and LIKE over the same columns for shorter ones.
CREATE VIRTUAL TABLE `public_search` USING fts5(`title`, `body`, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `publications_search_insert` AFTER INSERT ON `publications` WHEN NEW.`status` = 'published'
BEGIN
  INSERT INTO `public_search` (`rowid`, `title`, `body`)
  SELECT NEW.`id`, p.`title`, CASE NEW.`mode` WHEN 'full' THEN d.`body` ELSE coalesce(NEW.`summary`, '') END
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
  SELECT NEW.`id`, p.`title`, CASE NEW.`mode` WHEN 'full' THEN d.`body` ELSE coalesce(NEW.`summary`, '') END
  FROM `replies` r
  JOIN `reply_drafts` d ON d.`id` = r.`draft_id`
  JOIN `proposals` p ON p.`id` = r.`proposal_id`
  WHERE r.`id` = NEW.`reply_id` AND NEW.`status` = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `publications_search_delete` AFTER DELETE ON `publications`
BEGIN
  DELETE FROM `public_search` WHERE `rowid` = OLD.`id`;
END;
--> statement-breakpoint
INSERT INTO `public_search` (`rowid`, `title`, `body`)
SELECT pub.`id`, p.`title`, CASE pub.`mode` WHEN 'full' THEN d.`body` ELSE coalesce(pub.`summary`, '') END
FROM `publications` pub
JOIN `replies` r ON r.`id` = pub.`reply_id`
JOIN `reply_drafts` d ON d.`id` = r.`draft_id`
JOIN `proposals` p ON p.`id` = r.`proposal_id`
WHERE pub.`status` = 'published';
