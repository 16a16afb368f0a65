CREATE TABLE "me_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"key" text,
	"area" text,
	"names" jsonb NOT NULL,
	"source" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "me_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"names" jsonb NOT NULL,
	"note" jsonb,
	"example" boolean DEFAULT false NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "me_policies_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "me_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"scope" text DEFAULT 'national' NOT NULL,
	"direction" text NOT NULL,
	"baseline_year" integer NOT NULL,
	"baseline_value" double precision NOT NULL,
	"targets" jsonb NOT NULL,
	"at_risk" double precision NOT NULL,
	"off_track" double precision NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "me_targets_direction_check" CHECK ("me_targets"."direction" in ('increase', 'decrease'))
);
--> statement-breakpoint
CREATE TABLE "stat_cube" (
	"year" integer NOT NULL,
	"entity_type" text NOT NULL,
	"indicator" text NOT NULL,
	"province" text,
	"zone_id" uuid,
	"sector" text,
	"size_class" text,
	"stage" text,
	"total" numeric NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "stat_cube_cell" UNIQUE NULLS NOT DISTINCT("indicator","year","entity_type","province","zone_id","sector","size_class","stage")
);
--> statement-breakpoint
CREATE TABLE "stat_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"indicators" text[] NOT NULL,
	"required" text[] DEFAULT '{}'::text[] NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_forms_type_check" CHECK ("stat_forms"."entity_type" in ('enterprise', 'incubator', 'zone'))
);
--> statement-breakpoint
CREATE TABLE "stat_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"definitions" jsonb NOT NULL,
	"unit" text NOT NULL,
	"value_type" text NOT NULL,
	"aggregation" text NOT NULL,
	"numerator" text,
	"denominator" text,
	"scale" double precision,
	"entity_types" text[] NOT NULL,
	"grp" text,
	"frascati" text,
	"oslo" text,
	"source" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"names" jsonb NOT NULL,
	"calendar" text NOT NULL,
	"country" text,
	"year" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"published_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_periods_key_unique" UNIQUE("key"),
	CONSTRAINT "stat_periods_status_check" CHECK ("stat_periods"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "stat_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"level" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"reviewer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_reviews_decision_check" CHECK ("stat_reviews"."decision" in ('approve', 'return', 'reopen'))
);
--> statement-breakpoint
CREATE TABLE "stat_rollups" (
	"year" integer NOT NULL,
	"entity_type" text NOT NULL,
	"indicator" text NOT NULL,
	"province" text,
	"zone_id" uuid,
	"sector" text,
	"total" numeric NOT NULL,
	"count" integer NOT NULL,
	"final_count" integer NOT NULL,
	CONSTRAINT "stat_rollups_cell" UNIQUE NULLS NOT DISTINCT("year","indicator","entity_type","province","zone_id","sector")
);
--> statement-breakpoint
CREATE TABLE "stat_series" (
	"code" text PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"unit" text NOT NULL,
	"indicator" text,
	"scope" text NOT NULL,
	"points" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"chain" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"counted" boolean DEFAULT false NOT NULL,
	"country" text,
	"province" text,
	"zone_id" uuid,
	"sector" text,
	"size_class" text,
	"stage" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"explanation" text,
	"returned_reason" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stat_submissions_status_check" CHECK ("stat_submissions"."status" in ('draft', 'submitted', 'returned', 'approved')),
	CONSTRAINT "stat_submissions_type_check" CHECK ("stat_submissions"."entity_type" in ('enterprise', 'incubator', 'zone'))
);
--> statement-breakpoint
CREATE TABLE "stat_values" (
	"submission_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "stat_values_submission_id_indicator_pk" PRIMARY KEY("submission_id","indicator")
);
--> statement-breakpoint
ALTER TABLE "me_goals" ADD CONSTRAINT "me_goals_policy_id_me_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."me_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "me_targets" ADD CONSTRAINT "me_targets_goal_id_me_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."me_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_forms" ADD CONSTRAINT "stat_forms_period_id_stat_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."stat_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reviews" ADD CONSTRAINT "stat_reviews_submission_id_stat_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."stat_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_submissions" ADD CONSTRAINT "stat_submissions_form_id_stat_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."stat_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_submissions" ADD CONSTRAINT "stat_submissions_period_id_stat_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."stat_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_values" ADD CONSTRAINT "stat_values_submission_id_stat_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."stat_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "me_goals_policy_idx" ON "me_goals" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "me_targets_goal_idx" ON "me_targets" USING btree ("goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_forms_period_type_idx" ON "stat_forms" USING btree ("period_id","entity_type");--> statement-breakpoint
CREATE INDEX "stat_periods_year_idx" ON "stat_periods" USING btree ("year");--> statement-breakpoint
CREATE INDEX "stat_reviews_submission_idx" ON "stat_reviews" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "stat_rollups_zone_idx" ON "stat_rollups" USING btree ("zone_id","indicator");--> statement-breakpoint
CREATE UNIQUE INDEX "stat_submissions_form_entity_idx" ON "stat_submissions" USING btree ("form_id","entity_id");--> statement-breakpoint
CREATE INDEX "stat_submissions_period_status_idx" ON "stat_submissions" USING btree ("period_id","status");--> statement-breakpoint
CREATE INDEX "stat_submissions_entity_idx" ON "stat_submissions" USING btree ("entity_type","entity_id","year");--> statement-breakpoint
CREATE INDEX "stat_submissions_zone_idx" ON "stat_submissions" USING btree ("zone_id","period_id");--> statement-breakpoint
CREATE INDEX "stat_values_indicator_value_idx" ON "stat_values" USING btree ("indicator","value");