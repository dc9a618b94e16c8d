CREATE TABLE "statistics_unit_versions" (
	"session_id" integer NOT NULL,
	"unit_key" integer NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "statistics_unit_versions_session_id_unit_key_pk" PRIMARY KEY("session_id","unit_key")
);
--> statement-breakpoint
ALTER TABLE "statistics_unit_versions" ADD CONSTRAINT "statistics_unit_versions_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The unit's version moved with the session's, as on SQLite (db/migrations/0025 says why).
CREATE OR REPLACE FUNCTION statistics_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_session integer;
  changed_unit integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    changed_session := OLD.session_id;
    changed_unit := coalesce(OLD.lead_unit_id, 0);
  ELSE
    changed_session := NEW.session_id;
    changed_unit := coalesce(NEW.lead_unit_id, 0);
  END IF;
  INSERT INTO statistics_versions (session_id, version) VALUES (changed_session, 1)
  ON CONFLICT (session_id) DO UPDATE SET version = statistics_versions.version + 1;
  INSERT INTO statistics_unit_versions (session_id, unit_key, version) VALUES (changed_session, changed_unit, 1)
  ON CONFLICT (session_id, unit_key) DO UPDATE SET version = statistics_unit_versions.version + 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
INSERT INTO statistics_unit_versions (session_id, unit_key, version)
SELECT DISTINCT session_id, coalesce(lead_unit_id, 0), 1 FROM proposal_statistics;
