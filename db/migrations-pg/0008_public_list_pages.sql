CREATE TABLE "public_list_pages" (
	"page" integer PRIMARY KEY NOT NULL,
	"site_version" integer NOT NULL,
	"build_id" text NOT NULL,
	"origin" text NOT NULL,
	"html" text NOT NULL,
	"etag" text NOT NULL,
	"rendered_at" bigint NOT NULL
);
