CREATE TABLE "affiliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_type" text NOT NULL,
	"org_id" uuid NOT NULL,
	"position" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" text PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "divisions" (
	"code" text PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"level" text NOT NULL,
	"parent" text,
	"names" jsonb NOT NULL,
	"lat" double precision,
	"lon" double precision
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"names" jsonb NOT NULL,
	"native_name" text,
	"abbreviation" text,
	"country" text NOT NULL,
	"province" text,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"website" text,
	"description" jsonb,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"founded_on" text,
	"sector" text,
	"employees" integer,
	"technical_staff" integer,
	"domestic_ownership_pct" numeric,
	"host_zone_id" uuid,
	"incubator_id" uuid,
	"tenancy_status" text,
	"certified_high_tech_on" text,
	"valuation_usd" numeric,
	"listed" boolean DEFAULT false NOT NULL,
	"unicorn_fact" boolean DEFAULT false NOT NULL,
	"revenue_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stage" text DEFAULT 'registered' NOT NULL,
	"stage_reason" jsonb,
	CONSTRAINT "enterprises_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "governance_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_type" text NOT NULL,
	"parent_id" uuid NOT NULL,
	"child_type" text NOT NULL,
	"child_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incubators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"names" jsonb NOT NULL,
	"native_name" text,
	"abbreviation" text,
	"country" text NOT NULL,
	"province" text,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"website" text,
	"description" jsonb,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"level" text,
	"ownership" text,
	"host_zone_id" uuid,
	"founded_on" text,
	"space_m2" numeric,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "incubators_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"names" jsonb NOT NULL,
	"native_name" text,
	"abbreviation" text,
	"country" text NOT NULL,
	"province" text,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"website" text,
	"description" jsonb,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	CONSTRAINT "institutions_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "investors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"names" jsonb NOT NULL,
	"native_name" text,
	"abbreviation" text,
	"country" text NOT NULL,
	"province" text,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"website" text,
	"description" jsonb,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "investors_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"names" jsonb NOT NULL,
	"native_name" text,
	"abbreviation" text,
	"country" text NOT NULL,
	"province" text,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"website" text,
	"description" jsonb,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text,
	"public_role" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"phone" text,
	CONSTRAINT "people_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "search_entries" (
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"names" jsonb NOT NULL,
	"kind" text,
	"country" text NOT NULL,
	"province" text,
	"sector" text,
	"stage" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"terms" "tsvector" NOT NULL,
	"fuzzy" text NOT NULL,
	CONSTRAINT "search_entries_entity_type_entity_id_pk" PRIMARY KEY("entity_type","entity_id")
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"names" jsonb NOT NULL,
	"native_name" text,
	"abbreviation" text,
	"country" text NOT NULL,
	"province" text,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"website" text,
	"description" jsonb,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"governing_body_id" uuid,
	"approved_on" text,
	"approved_by" text,
	"area_km2" numeric,
	"focus_industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"company_count" integer,
	"member_park_count" integer,
	"appendix_no" integer,
	CONSTRAINT "zones_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "affiliations_person_idx" ON "affiliations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "affiliations_org_idx" ON "affiliations" USING btree ("org_type","org_id");--> statement-breakpoint
CREATE INDEX "divisions_country_idx" ON "divisions" USING btree ("country","level");--> statement-breakpoint
CREATE INDEX "enterprises_zone_idx" ON "enterprises" USING btree ("host_zone_id");--> statement-breakpoint
CREATE INDEX "enterprises_incubator_idx" ON "enterprises" USING btree ("incubator_id");--> statement-breakpoint
CREATE INDEX "enterprises_stage_idx" ON "enterprises" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "enterprises_sector_idx" ON "enterprises" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "governance_parent_idx" ON "governance_links" USING btree ("parent_type","parent_id");--> statement-breakpoint
CREATE INDEX "governance_child_idx" ON "governance_links" USING btree ("child_type","child_id");--> statement-breakpoint
CREATE INDEX "incubators_zone_idx" ON "incubators" USING btree ("host_zone_id");--> statement-breakpoint
CREATE INDEX "incubators_kind_idx" ON "incubators" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "institutions_kind_idx" ON "institutions" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "institutions_parent_idx" ON "institutions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "investors_kind_idx" ON "investors" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "people_roles_idx" ON "people" USING gin ("roles");--> statement-breakpoint
CREATE INDEX "search_terms_idx" ON "search_entries" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "search_fuzzy_idx" ON "search_entries" USING gin ("fuzzy" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_filter_idx" ON "search_entries" USING btree ("country","entity_type");--> statement-breakpoint
CREATE INDEX "zones_kind_idx" ON "zones" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "zones_parent_idx" ON "zones" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "zones_province_idx" ON "zones" USING btree ("province");