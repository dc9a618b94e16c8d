CREATE TABLE `meeting_members` (
	`meeting_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`place` text NOT NULL,
	`officials` text NOT NULL,
	`minutes` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_unit_idx` ON `meetings` (`unit_id`,`held_on`);--> statement-breakpoint
ALTER TABLE `contact_records` ADD `meeting_id` integer REFERENCES meetings(id);--> statement-breakpoint
CREATE INDEX `contact_records_meeting_idx` ON `contact_records` (`meeting_id`);