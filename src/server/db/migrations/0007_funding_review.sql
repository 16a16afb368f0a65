CREATE TABLE "call_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"objections_until" timestamp with time zone NOT NULL,
	"finalised_at" timestamp with time zone,
	"normalised" boolean DEFAULT false NOT NULL,
	"entries" jsonb NOT NULL,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_results_status_check" CHECK ("call_results"."status" in ('published', 'final'))
);
--> statement-breakpoint
CREATE TABLE "panel_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"amount" numeric,
	"currency" text NOT NULL,
	"reasons" text NOT NULL,
	"rank" integer,
	"score" double precision,
	"above_line" boolean,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_decisions_decision_check" CHECK ("panel_decisions"."decision" in ('fund', 'reserve', 'reject'))
);
--> statement-breakpoint
CREATE TABLE "result_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"response" text,
	"responded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "result_objections_status_check" CHECK ("result_objections"."status" in ('open', 'upheld', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "review_assignment_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"k" integer NOT NULL,
	"min_load" integer NOT NULL,
	"max_load" integer NOT NULL,
	"require_senior" boolean NOT NULL,
	"fixed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"objective" double precision NOT NULL,
	"bound" double precision NOT NULL,
	"gap" double precision NOT NULL,
	"optimal" boolean NOT NULL,
	"reviewer_prices" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"affinity" double precision NOT NULL,
	"reasons" jsonb NOT NULL,
	"origin" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"note" text,
	"declined_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_assignments_status_check" CHECK ("review_assignments"."status" in ('assigned', 'declined', 'removed')),
	CONSTRAINT "review_assignments_origin_check" CHECK ("review_assignments"."origin" in ('optimiser', 'override', 'replacement'))
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text,
	"total" double precision,
	"percent" double precision,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_scores_status_check" CHECK ("review_scores"."status" in ('draft', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "reviewer_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"entity_name" text,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviewers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"person_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"organisation_id" uuid,
	"organisation_name" text,
	"affiliation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"expertise" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"senior" boolean DEFAULT false NOT NULL,
	"min_load" integer,
	"max_load" integer,
	"active" boolean DEFAULT true NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "acceptance_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"proposed" text NOT NULL,
	"decided_on" text NOT NULL,
	"reasons" text NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_checks_outcome_check" CHECK ("acceptance_checks"."outcome" in ('passed', 'basically_passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "award_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" text NOT NULL,
	"disbursement" numeric NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"disbursed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_milestones_state_check" CHECK ("award_milestones"."state" in ('planned', 'reported', 'approved', 'rejected')),
	CONSTRAINT "award_milestones_disbursement_check" CHECK ("award_milestones"."disbursement" >= 0)
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"title" text NOT NULL,
	"instrument" text NOT NULL,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"province" text,
	"sector" text,
	"status" text DEFAULT 'active' NOT NULL,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "awards_status_check" CHECK ("awards"."status" in ('active', 'closed')),
	CONSTRAINT "awards_amount_check" CHECK ("awards"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "milestone_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"narrative" text NOT NULL,
	"revenue" numeric,
	"jobs" integer,
	"ip_count" integer,
	"follow_on" numeric DEFAULT 0 NOT NULL,
	"follow_on_sources" text,
	"submitted_by" uuid,
	"review" text DEFAULT 'pending' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_reports_review_check" CHECK ("milestone_reports"."review" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "milestone_reports_figures_check" CHECK ("milestone_reports"."follow_on" >= 0 and coalesce("milestone_reports"."jobs", 0) >= 0 and coalesce("milestone_reports"."ip_count", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "call_results" ADD CONSTRAINT "call_results_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_results" ADD CONSTRAINT "call_results_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_decisions" ADD CONSTRAINT "panel_decisions_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_decisions" ADD CONSTRAINT "panel_decisions_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_decisions" ADD CONSTRAINT "panel_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_objections" ADD CONSTRAINT "result_objections_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_objections" ADD CONSTRAINT "result_objections_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_objections" ADD CONSTRAINT "result_objections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_objections" ADD CONSTRAINT "result_objections_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment_runs" ADD CONSTRAINT "review_assignment_runs_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment_runs" ADD CONSTRAINT "review_assignment_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_run_id_review_assignment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."review_assignment_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_id_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_conflicts" ADD CONSTRAINT "reviewer_conflicts_reviewer_id_reviewers_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."reviewers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewers" ADD CONSTRAINT "reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_checks" ADD CONSTRAINT "acceptance_checks_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_checks" ADD CONSTRAINT "acceptance_checks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_milestones" ADD CONSTRAINT "award_milestones_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_program_id_funding_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."funding_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reports" ADD CONSTRAINT "milestone_reports_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reports" ADD CONSTRAINT "milestone_reports_milestone_id_award_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."award_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reports" ADD CONSTRAINT "milestone_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reports" ADD CONSTRAINT "milestone_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_results_call_idx" ON "call_results" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_decisions_application_idx" ON "panel_decisions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "panel_decisions_call_idx" ON "panel_decisions" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "result_objections_call_idx" ON "result_objections" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "review_runs_call_idx" ON "review_assignment_runs" USING btree ("call_id","current");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_pair_idx" ON "review_assignments" USING btree ("call_id","application_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "review_assignments_reviewer_idx" ON "review_assignments" USING btree ("reviewer_id","status");--> statement-breakpoint
CREATE INDEX "review_assignments_application_idx" ON "review_assignments" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_scores_assignment_idx" ON "review_scores" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "review_scores_call_idx" ON "review_scores" USING btree ("call_id","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviewer_conflicts_unique" ON "reviewer_conflicts" USING btree ("reviewer_id","entity_id");--> statement-breakpoint
CREATE INDEX "reviewer_conflicts_entity_idx" ON "reviewer_conflicts" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviewers_user_idx" ON "reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reviewers_person_idx" ON "reviewers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "acceptance_checks_award_idx" ON "acceptance_checks" USING btree ("award_id");--> statement-breakpoint
CREATE INDEX "acceptance_checks_enterprise_idx" ON "acceptance_checks" USING btree ("enterprise_id","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "award_milestones_seq_idx" ON "award_milestones" USING btree ("award_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "awards_application_idx" ON "awards" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "awards_call_idx" ON "awards" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "awards_program_idx" ON "awards" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "awards_enterprise_idx" ON "awards" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "milestone_reports_award_idx" ON "milestone_reports" USING btree ("award_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_reports_milestone_idx" ON "milestone_reports" USING btree ("milestone_id");