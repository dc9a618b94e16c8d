-- The search tables' folded texts kept in their rows, compressed with LZ4 where the server has it (Debian's
-- PostgreSQL 15 does), instead of PostgreSQL's default: a text past 2 KB moved out of the row (TOAST) and compressed
-- with pglz. A search word of three characters or more is checked against every text the index proposes (strpos), and
-- each check fetched the text's TOAST chunks and decompressed them: a common word of the public search (7,000–12,000
-- replies at 100,000 proposals) read 30,000 buffers for 8,066 texts; kept in the row, 6,400, and the count 2–3 × faster.
-- A text still too long for its row once compressed goes out of it as before, LZ4-compressed.
DO $$
BEGIN
  ALTER TABLE public_search ALTER COLUMN folded SET COMPRESSION lz4;
  ALTER TABLE proposal_bodies ALTER COLUMN folded SET COMPRESSION lz4;
  ALTER TABLE proposal_titles ALTER COLUMN folded SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'PostgreSQL built without LZ4: the search texts stay compressed with pglz';
END;
$$;
--> statement-breakpoint
ALTER TABLE public_search ALTER COLUMN folded SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE proposal_bodies ALTER COLUMN folded SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE proposal_titles ALTER COLUMN folded SET STORAGE MAIN;
--> statement-breakpoint
-- Texts already stored keep their old form until written again: write them again (the same text).
UPDATE public_search SET folded = folded || '';
--> statement-breakpoint
UPDATE proposal_bodies SET folded = folded || '';
