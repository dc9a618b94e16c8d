CREATE TABLE "public_site_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
-- Every change to publications moves the public site's version, as on SQLite (migration 0018 there).
CREATE FUNCTION public_site_version_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public_site_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = public_site_version.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER public_site_version_on_change AFTER INSERT OR UPDATE OR DELETE ON publications
  FOR EACH STATEMENT EXECUTE FUNCTION public_site_version_moved();
