CREATE TABLE "similar_ranking_queue" (
	"proposal_id" integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "similar_rankings" (
	"proposal_id" integer PRIMARY KEY NOT NULL,
	"basis" text NOT NULL,
	"ranking" text NOT NULL,
	"ranked_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "similar_ranking_queue" ADD CONSTRAINT "similar_ranking_queue_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "similar_rankings" ADD CONSTRAINT "similar_rankings_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- As on SQLite (migration 0022 there): a proposal is queued to be ranked as it is registered or imported, and as its
-- title or opening (the first 600 characters of its body) changes.
CREATE FUNCTION similar_ranking_queue_on_proposal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO similar_ranking_queue (proposal_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER similar_ranking_queue_on_proposal_insert AFTER INSERT ON proposals
  FOR EACH ROW EXECUTE FUNCTION similar_ranking_queue_on_proposal();
--> statement-breakpoint
CREATE TRIGGER similar_ranking_queue_on_proposal_update AFTER UPDATE OF title, body ON proposals
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR substr(OLD.body, 1, 600) IS DISTINCT FROM substr(NEW.body, 1, 600))
  EXECUTE FUNCTION similar_ranking_queue_on_proposal();
