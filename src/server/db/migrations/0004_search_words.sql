-- GIN operator classes for plain columns (text): the common filters share the words' GIN index.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "search_terms_idx";--> statement-breakpoint
DROP INDEX "search_fuzzy_idx";--> statement-breakpoint
DROP INDEX "search_filter_idx";--> statement-breakpoint
CREATE INDEX "search_words_word_idx" ON "search_words" USING btree ("word" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_match_idx" ON "search_entries" USING gin ("terms","entity_type","country","province");--> statement-breakpoint
ALTER TABLE "search_entries" DROP COLUMN "fuzzy";--> statement-breakpoint
-- The vocabulary follows the search entries, whoever writes them (API, import, reference load, COPY): one
-- statement-level trigger per event reads the statement's new rows once and adds the words not yet known.
CREATE FUNCTION search_words_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
  SELECT DISTINCT w FROM new_rows, unnest(tsvector_to_array(new_rows.terms)) AS w
  WHERE NOT EXISTS (SELECT 1 FROM search_words x WHERE x.word = w)
  ORDER BY w;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER search_words_on_insert AFTER INSERT ON search_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect();--> statement-breakpoint
CREATE TRIGGER search_words_on_update AFTER UPDATE ON search_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect();--> statement-breakpoint
INSERT INTO search_words (word) SELECT word FROM ts_stat('SELECT terms FROM search_entries') ORDER BY word;
