CREATE TABLE `signed_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reply_id` integer NOT NULL,
	`variant` text NOT NULL,
	`certificate_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_path` text NOT NULL,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `replies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`certificate_id`) REFERENCES `unit_certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signed_letters_reply_variant_uq` ON `signed_letters` (`reply_id`,`variant`);--> statement-breakpoint
CREATE INDEX `signed_letters_sha256_idx` ON `signed_letters` (`sha256`);--> statement-breakpoint
CREATE TABLE `unit_certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`subject` text NOT NULL,
	`not_after` integer NOT NULL,
	`sealed` text NOT NULL,
	`uploaded_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_certificates_sha256_uq` ON `unit_certificates` (`sha256`);--> statement-breakpoint
CREATE INDEX `unit_certificates_unit_idx` ON `unit_certificates` (`unit_id`,`id`);