CREATE TABLE "public_page_queue" (
	"publication_id" integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_pages" (
	"publication_id" integer PRIMARY KEY NOT NULL,
	"build_id" text NOT NULL,
	"origin" text NOT NULL,
	"html" text NOT NULL,
	"etag" text NOT NULL,
	"rendered_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_page_queue" ADD CONSTRAINT "public_page_queue_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- As on SQLite (migration 0019 there): a publication's stored page goes as the publication changes and is queued to be
-- rendered again while it is published; likewise when its sealed scan arrives or is replaced.
CREATE FUNCTION public_page_queue_on_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM public_pages WHERE publication_id = NEW.id;
  END IF;
  IF NEW.status = 'published' THEN
    INSERT INTO public_page_queue (publication_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER public_page_queue_on_publication AFTER INSERT OR UPDATE ON publications
  FOR EACH ROW EXECUTE FUNCTION public_page_queue_on_publication();
--> statement-breakpoint
CREATE FUNCTION public_page_queue_on_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public_pages WHERE publication_id IN (
    SELECT p.id FROM replies r JOIN publications p ON p.reply_id = r.id WHERE r.proposal_id = NEW.proposal_id AND r.round = NEW.round
  );
  INSERT INTO public_page_queue (publication_id)
    SELECT p.id FROM replies r JOIN publications p ON p.reply_id = r.id
    WHERE r.proposal_id = NEW.proposal_id AND r.round = NEW.round AND p.status = 'published'
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER public_page_queue_on_sealed AFTER INSERT OR UPDATE ON reply_files
  FOR EACH ROW WHEN (NEW.kind = 'sealed') EXECUTE FUNCTION public_page_queue_on_sealed();
