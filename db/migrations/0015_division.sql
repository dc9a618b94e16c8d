CREATE TABLE `sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sections_unit_name_uq` ON `sections` (`unit_id`,`name`);--> statement-breakpoint
CREATE TABLE `leader_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`draft_id` integer NOT NULL,
	`decision` text NOT NULL,
	`comment` text,
	`leader_id` integer NOT NULL,
	`leader_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`draft_id`) REFERENCES `reply_drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leader_reviews_draft_uq` ON `leader_reviews` (`draft_id`);--> statement-breakpoint
CREATE INDEX `leader_reviews_proposal_idx` ON `leader_reviews` (`proposal_id`);--> statement-breakpoint
ALTER TABLE `units` ADD `leader_review` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `section_id` integer REFERENCES sections(id);--> statement-breakpoint
ALTER TABLE `users` ADD `can_divide` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `proposals` ADD `review_stage` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `section_id` integer REFERENCES sections(id);--> statement-breakpoint
ALTER TABLE `assignments` ADD `assignee_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `assignments` ADD `internal_due` text;--> statement-breakpoint
CREATE INDEX `assignments_assignee_idx` ON `assignments` (`assignee_id`,`status`);