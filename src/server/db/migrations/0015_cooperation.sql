CREATE TABLE "coop_agreement_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"entity_type" text,
	"entity_id" uuid,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"signatory" text
);
--> statement-breakpoint
CREATE TABLE "coop_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"type" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"signed_on" date,
	"signed_place" text,
	"signed_virtually" boolean DEFAULT false NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"stage" text DEFAULT 'planning' NOT NULL,
	"ways" text[] DEFAULT '{}'::text[] NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"renewal" text DEFAULT 'by_agreement' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"internal_notes" text,
	"source" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coop_agreements_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "coop_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"statement" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coop_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"deliverable" jsonb NOT NULL,
	"owed_by" uuid NOT NULL,
	"owner_user_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"delivered_on" date,
	"evidence_note" text,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"overdue_notice_for" date,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coop_delegation_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"side" text DEFAULT 'guest' NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"organisation" jsonb
);
--> statement-breakpoint
CREATE TABLE "coop_delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"title" jsonb NOT NULL,
	"purpose" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"host_country" text NOT NULL,
	"guest_country" text NOT NULL,
	"host" jsonb,
	"guest" jsonb,
	"agreement_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"internal_notes" text,
	"source" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coop_delegations_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "coop_focal_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"country" text NOT NULL,
	"organisation" jsonb NOT NULL,
	"topic" jsonb NOT NULL,
	"person_id" uuid,
	"person_name" text,
	"contact" jsonb,
	"delegation_id" uuid,
	"agreement_id" uuid,
	"promised_on" date,
	"appointed_on" date,
	"ended_on" date,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coop_focal_persons_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "coop_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid NOT NULL,
	"action" jsonb NOT NULL,
	"country" text,
	"owner_name" text,
	"owner_user_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"reminded_for" date,
	"overdue_notice_for" date,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coop_itinerary_stops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"position" integer NOT NULL,
	"city_code" text,
	"city" text NOT NULL,
	"visited" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"meetings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "coop_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"offered_by" jsonb NOT NULL,
	"for_country" text,
	"city" text,
	"places" integer,
	"places_per_year" integer,
	"opens_on" date,
	"deadline" date,
	"eligibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"delegation_id" uuid,
	"agreement_id" uuid,
	"manager_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"source" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coop_opportunities_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "coop_agreement_parties" ADD CONSTRAINT "coop_agreement_parties_agreement_id_coop_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."coop_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_applications" ADD CONSTRAINT "coop_applications_opportunity_id_coop_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."coop_opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_commitments" ADD CONSTRAINT "coop_commitments_agreement_id_coop_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."coop_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_commitments" ADD CONSTRAINT "coop_commitments_owed_by_coop_agreement_parties_id_fk" FOREIGN KEY ("owed_by") REFERENCES "public"."coop_agreement_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_delegation_members" ADD CONSTRAINT "coop_delegation_members_delegation_id_coop_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."coop_delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_delegations" ADD CONSTRAINT "coop_delegations_agreement_id_coop_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."coop_agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_focal_persons" ADD CONSTRAINT "coop_focal_persons_delegation_id_coop_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."coop_delegations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_focal_persons" ADD CONSTRAINT "coop_focal_persons_agreement_id_coop_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."coop_agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_follow_ups" ADD CONSTRAINT "coop_follow_ups_delegation_id_coop_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."coop_delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_itinerary_stops" ADD CONSTRAINT "coop_itinerary_stops_delegation_id_coop_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."coop_delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_opportunities" ADD CONSTRAINT "coop_opportunities_delegation_id_coop_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."coop_delegations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coop_opportunities" ADD CONSTRAINT "coop_opportunities_agreement_id_coop_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."coop_agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coop_agreement_parties_pos_idx" ON "coop_agreement_parties" USING btree ("agreement_id","position");--> statement-breakpoint
CREATE INDEX "coop_agreement_parties_entity_idx" ON "coop_agreement_parties" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "coop_agreement_parties_country_idx" ON "coop_agreement_parties" USING btree ("country");--> statement-breakpoint
CREATE INDEX "coop_agreements_status_idx" ON "coop_agreements" USING btree ("status","signed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "coop_applications_one_idx" ON "coop_applications" USING btree ("opportunity_id","user_id");--> statement-breakpoint
CREATE INDEX "coop_applications_user_idx" ON "coop_applications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "coop_commitments_agreement_idx" ON "coop_commitments" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "coop_commitments_due_idx" ON "coop_commitments" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "coop_delegation_members_delegation_idx" ON "coop_delegation_members" USING btree ("delegation_id","position");--> statement-breakpoint
CREATE INDEX "coop_delegation_members_person_idx" ON "coop_delegation_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "coop_delegations_countries_idx" ON "coop_delegations" USING btree ("host_country","guest_country");--> statement-breakpoint
CREATE INDEX "coop_focal_persons_country_idx" ON "coop_focal_persons" USING btree ("country");--> statement-breakpoint
CREATE INDEX "coop_focal_persons_delegation_idx" ON "coop_focal_persons" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "coop_follow_ups_delegation_idx" ON "coop_follow_ups" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "coop_follow_ups_due_idx" ON "coop_follow_ups" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "coop_itinerary_stops_delegation_idx" ON "coop_itinerary_stops" USING btree ("delegation_id","day","position");--> statement-breakpoint
CREATE INDEX "coop_opportunities_status_idx" ON "coop_opportunities" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "coop_opportunities_delegation_idx" ON "coop_opportunities" USING btree ("delegation_id");