CREATE TABLE `public_page_queue` (
	`publication_id` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `public_pages` (
	`publication_id` integer PRIMARY KEY NOT NULL,
	`build_id` text NOT NULL,
	`origin` text NOT NULL,
	`html` text NOT NULL,
	`etag` text NOT NULL,
	`rendered_at` integer NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- A publication's stored page goes as the publication changes (a withdrawal is gone with its commit) and is queued to be
-- rendered again while it is published; likewise when its sealed scan arrives or is replaced (原文下载 changes).
CREATE TRIGGER `public_page_queue_on_publication_insert` AFTER INSERT ON `publications` WHEN new.status = 'published' BEGIN
  INSERT OR IGNORE INTO `public_page_queue` (`publication_id`) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `public_page_queue_on_publication_update` AFTER UPDATE ON `publications` BEGIN
  DELETE FROM `public_pages` WHERE `publication_id` = new.id;
  INSERT OR IGNORE INTO `public_page_queue` (`publication_id`) SELECT new.id WHERE new.status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `public_page_queue_on_sealed_insert` AFTER INSERT ON `reply_files` WHEN new.kind = 'sealed' BEGIN
  DELETE FROM `public_pages` WHERE `publication_id` IN (
    SELECT p.id FROM `replies` r JOIN `publications` p ON p.reply_id = r.id WHERE r.proposal_id = new.proposal_id AND r.round = new.round
  );
  INSERT OR IGNORE INTO `public_page_queue` (`publication_id`)
    SELECT p.id FROM `replies` r JOIN `publications` p ON p.reply_id = r.id
    WHERE r.proposal_id = new.proposal_id AND r.round = new.round AND p.status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `public_page_queue_on_sealed_update` AFTER UPDATE ON `reply_files` WHEN new.kind = 'sealed' BEGIN
  DELETE FROM `public_pages` WHERE `publication_id` IN (
    SELECT p.id FROM `replies` r JOIN `publications` p ON p.reply_id = r.id WHERE r.proposal_id = new.proposal_id AND r.round = new.round
  );
  INSERT OR IGNORE INTO `public_page_queue` (`publication_id`)
    SELECT p.id FROM `replies` r JOIN `publications` p ON p.reply_id = r.id
    WHERE r.proposal_id = new.proposal_id AND r.round = new.round AND p.status = 'published';
END;
