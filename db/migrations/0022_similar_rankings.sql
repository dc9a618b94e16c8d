CREATE TABLE `similar_ranking_queue` (
	`proposal_id` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `similar_rankings` (
	`proposal_id` integer PRIMARY KEY NOT NULL,
	`basis` text NOT NULL,
	`ranking` text NOT NULL,
	`ranked_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- A proposal is ranked (again) as it is registered or imported, and as its title or opening (the first 600 characters
-- of its body, BODY_OPENING in lib/similarity.ts) changes: queued in the writing transaction (docs/decisions/020).
CREATE TRIGGER `similar_ranking_queue_on_proposal_insert` AFTER INSERT ON `proposals` BEGIN
  INSERT OR IGNORE INTO `similar_ranking_queue` (`proposal_id`) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `similar_ranking_queue_on_proposal_update` AFTER UPDATE OF `title`, `body` ON `proposals`
  WHEN old.title IS NOT new.title OR substr(old.body, 1, 600) IS NOT substr(new.body, 1, 600) BEGIN
  INSERT OR IGNORE INTO `similar_ranking_queue` (`proposal_id`) VALUES (new.id);
END;
