CREATE TABLE "stat_rollups_national" (
	"year" integer NOT NULL,
	"entity_type" text NOT NULL,
	"indicator" text NOT NULL,
	"total" numeric NOT NULL,
	"count" integer NOT NULL,
	"final_count" integer NOT NULL,
	CONSTRAINT "stat_rollups_national_cell" UNIQUE("year","indicator","entity_type")
);
--> statement-breakpoint
-- A database that already holds rollups starts with their national sums.
INSERT INTO "stat_rollups_national" ("year", "entity_type", "indicator", "total", "count", "final_count")
SELECT "year", "entity_type", "indicator", sum("total"), sum("count"), sum("final_count") FROM "stat_rollups" GROUP BY 1, 2, 3;
