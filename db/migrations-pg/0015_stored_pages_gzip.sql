-- Stored public pages keep their HTML gzip-compressed (html_gzip), compressed once when stored instead of for every
-- visitor (server/public-pages.ts). The stored pages are a cache of renders: they are emptied here, and an instance
-- with a public origin queues every published reply and catalogue page its build has not stored at start
-- (docs/decisions/014, 019).
DELETE FROM "public_list_pages";--> statement-breakpoint
DELETE FROM "public_pages";--> statement-breakpoint
ALTER TABLE "public_list_pages" ADD COLUMN "html_gzip" bytea NOT NULL;--> statement-breakpoint
ALTER TABLE "public_pages" ADD COLUMN "html_gzip" bytea NOT NULL;--> statement-breakpoint
ALTER TABLE "public_list_pages" DROP COLUMN "html";--> statement-breakpoint
ALTER TABLE "public_pages" DROP COLUMN "html";
