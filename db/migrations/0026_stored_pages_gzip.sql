-- Stored public pages keep their HTML gzip-compressed (html_gzip), compressed once when stored instead of for every
-- visitor (server/public-pages.ts). The stored pages are a cache of renders: they are dropped here, and an instance
-- with a public origin queues every published reply and catalogue page its build has not stored at start
-- (docs/decisions/014, 019). SQLite cannot add a NOT NULL column without a default, so the tables are made anew.
DROP TABLE `public_list_pages`;--> statement-breakpoint
CREATE TABLE `public_list_pages` (
	`page` integer PRIMARY KEY NOT NULL,
	`site_version` integer NOT NULL,
	`build_id` text NOT NULL,
	`origin` text NOT NULL,
	`html_gzip` blob NOT NULL,
	`etag` text NOT NULL,
	`rendered_at` integer NOT NULL
);--> statement-breakpoint
DROP TABLE `public_pages`;--> statement-breakpoint
CREATE TABLE `public_pages` (
	`publication_id` integer PRIMARY KEY NOT NULL,
	`build_id` text NOT NULL,
	`origin` text NOT NULL,
	`html_gzip` blob NOT NULL,
	`etag` text NOT NULL,
	`rendered_at` integer NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE cascade
);
