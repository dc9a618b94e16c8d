CREATE TABLE `public_site_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
-- Every change to publications moves the public site's version (an upsert: no row is seeded, so that a
-- migrated database stays empty for db:copy).
CREATE TRIGGER public_site_version_on_insert AFTER INSERT ON publications BEGIN
  INSERT INTO public_site_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER public_site_version_on_update AFTER UPDATE ON publications BEGIN
  INSERT INTO public_site_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER public_site_version_on_delete AFTER DELETE ON publications BEGIN
  INSERT INTO public_site_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1;
END;
