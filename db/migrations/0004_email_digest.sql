ALTER TABLE `users` ADD `email_digest` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `last_digest_at` integer;