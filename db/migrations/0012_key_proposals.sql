CREATE TABLE `progress_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`round` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_reports_proposal_idx` ON `progress_reports` (`proposal_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `proposals` ADD `key_leader_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `proposals` ADD `key_plan` text;--> statement-breakpoint
CREATE INDEX `proposals_key_idx` ON `proposals` (`key_leader_id`,`status`) WHERE "proposals"."is_key" = 1;