CREATE TABLE "tm_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"requester_name" text NOT NULL,
	"organisation_name" text,
	"message" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_certificate_counters" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subtype" text NOT NULL,
	"title" text NOT NULL,
	"parties" jsonb NOT NULL,
	"seller_country" text NOT NULL,
	"buyer_country" text NOT NULL,
	"cross_border" boolean NOT NULL,
	"region" text,
	"sector" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"currency" text NOT NULL,
	"tech_income" numeric(18, 2) NOT NULL,
	"signed_on" date NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"year" integer NOT NULL,
	"listing_id" uuid,
	"interest_id" uuid,
	"agency_id" uuid NOT NULL,
	"agency_name" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"certificate_no" text,
	"review_note" text,
	"submitted_by" uuid NOT NULL,
	"registered_by" uuid,
	"registered_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"from_listing_id" uuid,
	"from_user_id" uuid NOT NULL,
	"from_owner_type" text,
	"from_owner_id" uuid,
	"from_name" text NOT NULL,
	"from_country" text,
	"status" text DEFAULT 'open' NOT NULL,
	"decline_reason" text,
	"decline_note" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"texts" jsonb NOT NULL,
	"languages" text[] NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"owner_name" text NOT NULL,
	"country" text NOT NULL,
	"province" text,
	"sector" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"concepts" text[] DEFAULT '{}'::text[] NOT NULL,
	"trl" integer,
	"deal_forms" text[] DEFAULT '{}'::text[] NOT NULL,
	"ip" jsonb,
	"budget" numeric(18, 2),
	"currency" text,
	"deadline" date,
	"created_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"moderated_by" uuid,
	"moderation_note" text,
	"search" "tsvector",
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interest_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "tm_access_requests_one_idx" ON "tm_access_requests" USING btree ("listing_id","requester_id");--> statement-breakpoint
CREATE INDEX "tm_access_requests_status_idx" ON "tm_access_requests" USING btree ("listing_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tm_certificate_counters_idx" ON "tm_certificate_counters" USING btree ("agency_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "tm_contracts_certificate_idx" ON "tm_contracts" USING btree ("certificate_no");--> statement-breakpoint
CREATE INDEX "tm_contracts_stats_idx" ON "tm_contracts" USING btree ("status","year","kind");--> statement-breakpoint
CREATE INDEX "tm_contracts_agency_idx" ON "tm_contracts" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "tm_contracts_submitter_idx" ON "tm_contracts" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "tm_interests_listing_idx" ON "tm_interests" USING btree ("listing_id","status");--> statement-breakpoint
CREATE INDEX "tm_interests_from_idx" ON "tm_interests" USING btree ("from_user_id");--> statement-breakpoint
CREATE INDEX "tm_listings_search_idx" ON "tm_listings" USING gin ("search");--> statement-breakpoint
CREATE INDEX "tm_listings_concepts_idx" ON "tm_listings" USING gin ("concepts");--> statement-breakpoint
CREATE INDEX "tm_listings_browse_idx" ON "tm_listings" USING btree ("status","kind","published_at");--> statement-breakpoint
CREATE INDEX "tm_listings_owner_idx" ON "tm_listings" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "tm_listings_expiry_idx" ON "tm_listings" USING btree ("expires_at") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "tm_messages_interest_idx" ON "tm_messages" USING btree ("interest_id","created_at");