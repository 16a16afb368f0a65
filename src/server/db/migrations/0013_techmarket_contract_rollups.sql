CREATE TABLE "tm_contract_rollups" (
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"region" text NOT NULL,
	"sector" text NOT NULL,
	"seller_country" text NOT NULL,
	"buyer_country" text NOT NULL,
	"currency" text NOT NULL,
	"cross_border" boolean NOT NULL,
	"synthetic" boolean NOT NULL,
	"count" integer NOT NULL,
	"amount" numeric NOT NULL,
	"tech_income" numeric NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "tm_contract_rollups_cell_idx" ON "tm_contract_rollups" USING btree ("year","kind","region","sector","seller_country","buyer_country","currency","cross_border","synthetic");--> statement-breakpoint
CREATE INDEX "tm_contracts_recent_idx" ON "tm_contracts" USING btree ("created_at","id");--> statement-breakpoint
-- Contracts registered before the rollups existed are counted once, here.
INSERT INTO "tm_contract_rollups" ("year","kind","region","sector","seller_country","buyer_country","currency","cross_border","synthetic","count","amount","tech_income")
SELECT "year", "kind", coalesce("region", ''), "sector", "seller_country", "buyer_country", "currency", "cross_border", "synthetic", count(*)::int, sum("amount"), sum("tech_income")
  FROM "tm_contracts" WHERE "status" = 'registered'
 GROUP BY "year", "kind", coalesce("region", ''), "sector", "seller_country", "buyer_country", "currency", "cross_border", "synthetic";
