CREATE TABLE "funding_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"program_id" uuid NOT NULL,
	"names" jsonb NOT NULL,
	"description" jsonb,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"budget" numeric NOT NULL,
	"currency" text NOT NULL,
	"instruments" jsonb NOT NULL,
	"eligibility_rules" jsonb NOT NULL,
	"form" jsonb NOT NULL,
	"rubric" jsonb NOT NULL,
	"reviewers_per_application" integer DEFAULT 3 NOT NULL,
	"reviewer_load_min" integer DEFAULT 0 NOT NULL,
	"reviewer_load_max" integer DEFAULT 20 NOT NULL,
	"blind_review" boolean DEFAULT false NOT NULL,
	"senior_reviewer_required" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_calls_key_unique" UNIQUE("key"),
	CONSTRAINT "funding_calls_window_check" CHECK ("funding_calls"."closes_at" > "funding_calls"."opens_at"),
	CONSTRAINT "funding_calls_status_check" CHECK ("funding_calls"."status" in ('draft', 'open', 'closed', 'results_published', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "funding_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"names" jsonb NOT NULL,
	"description" jsonb,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_programs_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "funding_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"instrument" text,
	"requested_amount" numeric,
	"currency" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"eligibility" jsonb,
	"eligibility_verdict" text,
	"submitted_at" timestamp with time zone,
	"receipt_id" uuid,
	"content_hash" text,
	"idempotency_key" text,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_applications_receipt_id_unique" UNIQUE("receipt_id"),
	CONSTRAINT "funding_applications_status_check" CHECK ("funding_applications"."status" in ('draft', 'submitted', 'info_requested', 'accepted', 'rejected', 'withdrawn')),
	CONSTRAINT "funding_applications_submitted_check" CHECK ("funding_applications"."status" = 'draft' or ("funding_applications"."submitted_at" is not null and "funding_applications"."content_hash" is not null and "funding_applications"."receipt_id" is not null) or "funding_applications"."status" = 'withdrawn')
);
--> statement-breakpoint
CREATE TABLE "funding_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"field_key" text NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_screening_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"response" text,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_screening_kind_check" CHECK ("funding_screening_decisions"."kind" in ('accept', 'reject', 'request_info'))
);
--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_program_id_funding_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."funding_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_attachments" ADD CONSTRAINT "funding_attachments_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_attachments" ADD CONSTRAINT "funding_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_screening_decisions" ADD CONSTRAINT "funding_screening_decisions_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_screening_decisions" ADD CONSTRAINT "funding_screening_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_screening_decisions" ADD CONSTRAINT "funding_screening_decisions_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_calls_program_idx" ON "funding_calls" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "funding_calls_status_idx" ON "funding_calls" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "funding_applications_call_idx" ON "funding_applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "funding_applications_enterprise_idx" ON "funding_applications" USING btree ("enterprise_id","call_id");--> statement-breakpoint
CREATE INDEX "funding_applications_applicant_idx" ON "funding_applications" USING btree ("applicant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_applications_idempotency_idx" ON "funding_applications" USING btree ("applicant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "funding_attachments_application_idx" ON "funding_attachments" USING btree ("application_id","field_key");--> statement-breakpoint
CREATE INDEX "funding_screening_application_idx" ON "funding_screening_decisions" USING btree ("application_id","created_at");