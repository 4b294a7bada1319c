CREATE TABLE "access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"requested_by" uuid,
	"status" text DEFAULT 'requested' NOT NULL,
	"credits_held" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "access_requests_status" CHECK (status in ('requested', 'approved', 'declined', 'expired', 'revoked', 'cancelled')),
	CONSTRAINT "access_requests_credits" CHECK ("access_requests"."credits_held" > 0)
);
--> statement-breakpoint
CREATE TABLE "credit_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"access_request_id" uuid,
	"actor_user_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_ledger_kind" CHECK (kind in ('grant', 'hold', 'capture', 'release', 'adjustment')),
	CONSTRAINT "credit_ledger_balance" CHECK ("credit_ledger"."balance_after" >= 0)
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"candidate_ref" text NOT NULL,
	"match_score" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "snapshots_match_score" CHECK ("snapshots"."match_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "ats_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"disabled_by" text,
	"disabled_reason" text,
	"brand_id" uuid,
	"client_source" text,
	"client_field" text,
	"fixed_client_brand_id" uuid,
	"board_token" text,
	"board_base_url" text,
	"sync_interval_minutes" integer DEFAULT 60 NOT NULL,
	"next_sync_at" timestamp with time zone,
	"endpoint_url" text,
	"endpoint_checked_at" timestamp with time zone,
	"endpoint_last_status" integer,
	"rate_limit_per_minute" integer DEFAULT 600 NOT NULL,
	"last_event_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ats_connections_provider" CHECK (provider in ('generic', 'greenhouse', 'ashby', 'lever')),
	CONSTRAINT "ats_connections_status" CHECK (status in ('draft', 'active', 'disabled')),
	CONSTRAINT "ats_connections_disabled_by" CHECK (disabled_by is null or disabled_by in ('organisation', 'trust_safety')),
	CONSTRAINT "ats_connections_disabled" CHECK (("ats_connections"."status" = 'disabled') = ("ats_connections"."disabled_by" is not null)),
	CONSTRAINT "ats_connections_client_source" CHECK (client_source is null or client_source in ('field', 'department', 'fixed')),
	CONSTRAINT "ats_connections_sync_interval" CHECK ("ats_connections"."sync_interval_minutes" between 5 and 1440),
	CONSTRAINT "ats_connections_rate_limit" CHECK ("ats_connections"."rate_limit_per_minute" between 1 and 1000000),
	CONSTRAINT "ats_connections_lever_board" CHECK ("ats_connections"."provider" <> 'lever' or "ats_connections"."board_token" is not null)
);
--> statement-breakpoint
CREATE TABLE "connection_secrets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"secret_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "connection_secrets_purpose" CHECK (purpose in ('inbound', 'outbound'))
);
--> statement-breakpoint
CREATE TABLE "inbound_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"delivery_id" text NOT NULL,
	"event_type" text NOT NULL,
	"outcome" text NOT NULL,
	"response" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_events_outcome" CHECK ("inbound_events"."outcome" in ('processed', 'ignored'))
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"pages_fetched" integer DEFAULT 0 NOT NULL,
	"jobs_seen" integer DEFAULT 0 NOT NULL,
	"jobs_changed" integer DEFAULT 0 NOT NULL,
	"jobs_closed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"summary" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "sync_runs_trigger" CHECK (trigger in ('manual', 'schedule')),
	CONSTRAINT "sync_runs_status" CHECK (status in ('running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "candidate_hidden_orgs" (
	"candidate_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_hidden_orgs_candidate_id_org_id_pk" PRIMARY KEY("candidate_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "candidate_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"role_family" text NOT NULL,
	"seniority" text NOT NULL,
	"years_experience" smallint NOT NULL,
	"skills" text[] NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"workplaces" text[] NOT NULL,
	"salary_currency" text,
	"salary_period" text,
	"salary_amount" integer,
	"availability" text NOT NULL,
	"discoverable" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_profiles_seniority" CHECK (seniority in ('junior', 'mid', 'senior', 'staff', 'principal')),
	CONSTRAINT "candidate_profiles_years" CHECK ("candidate_profiles"."years_experience" between 0 and 60),
	CONSTRAINT "candidate_profiles_skills_count" CHECK (cardinality("candidate_profiles"."skills") between 1 and 30),
	CONSTRAINT "candidate_profiles_country" CHECK ("candidate_profiles"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "candidate_profiles_availability" CHECK (availability in ('immediately', 'within_1_month', 'within_3_months', 'open_to_offers')),
	CONSTRAINT "candidate_profiles_salary" CHECK ((salary_amount is null and salary_currency is null and salary_period is null) or (salary_amount > 0 and salary_currency ~ '^[A-Z]{3}$' and salary_period in ('year', 'month', 'hour')))
);
--> statement-breakpoint
CREATE TABLE "outbound_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbound_events_status" CHECK (status in ('pending', 'delivered', 'failed', 'cancelled')),
	CONSTRAINT "outbound_events_type" CHECK ("outbound_events"."type" in ('ping', 'job.status_changed', 'snapshot.created', 'snapshot.access_changed'))
);
--> statement-breakpoint
CREATE TABLE "candidate_identities" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"full_name_enc" text NOT NULL,
	"email_enc" text NOT NULL,
	"phone_enc" text,
	"links_enc" text NOT NULL,
	"employment_enc" text NOT NULL,
	"education_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"inbound_event_id" uuid,
	"sync_run_id" uuid,
	"actor_user_id" uuid,
	"from_status" text,
	"to_status" text NOT NULL,
	"violations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_events_kind" CHECK ("job_events"."kind" in ('received', 'updated', 'closed', 'reopened', 'completed', 'rechecked')),
	CONSTRAINT "job_events_source" CHECK ("job_events"."source" in ('webhook', 'sync', 'portal'))
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"title_key" text DEFAULT '' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"description_hash" bigint,
	"department" text,
	"brand_name" text,
	"brand_id" uuid,
	"client_name" text,
	"client_brand_id" uuid,
	"location_label" text,
	"city" text,
	"region" text,
	"country" text,
	"workplace" text,
	"employment_type" text,
	"salary_min" integer,
	"salary_max" integer,
	"salary_currency" text,
	"salary_period" text,
	"salary_source" text,
	"apply_url" text,
	"ats_status" text NOT NULL,
	"status" text NOT NULL,
	"violations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"ats_updated_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "jobs_status" CHECK (status in ('active', 'pending_review', 'needs_info', 'rejected', 'closed', 'removed')),
	CONSTRAINT "jobs_ats_status" CHECK ("jobs"."ats_status" in ('open', 'closed')),
	CONSTRAINT "jobs_workplace" CHECK (workplace is null or workplace in ('onsite', 'hybrid', 'remote')),
	CONSTRAINT "jobs_employment_type" CHECK (employment_type is null or employment_type in ('full_time', 'part_time', 'contract', 'temporary', 'internship')),
	CONSTRAINT "jobs_salary_period" CHECK (salary_period is null or salary_period in ('year', 'month', 'hour')),
	CONSTRAINT "jobs_salary_source" CHECK ("jobs"."salary_source" is null or "jobs"."salary_source" in ('ats', 'board', 'recruiter')),
	CONSTRAINT "jobs_country" CHECK ("jobs"."country" is null or "jobs"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "brands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"is_client" boolean DEFAULT false NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_role" CHECK (role in ('owner', 'admin', 'recruiter'))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"verification" text DEFAULT 'unverified' NOT NULL,
	"standing" text DEFAULT 'active' NOT NULL,
	"standing_reason" text,
	"standing_changed_at" timestamp with time zone,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"credit_balance" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind" CHECK (kind in ('employer', 'agency')),
	CONSTRAINT "organisations_verification" CHECK (verification in ('unverified', 'pending', 'verified')),
	CONSTRAINT "organisations_standing" CHECK (standing in ('active', 'suspended', 'banned')),
	CONSTRAINT "organisations_credit_balance" CHECK ("organisations"."credit_balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"password_hash" text NOT NULL,
	"platform_role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_platform_role" CHECK (platform_role is null or platform_role in ('trust_safety'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_candidate_id_candidate_profiles_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_access_request_id_access_requests_id_fk" FOREIGN KEY ("access_request_id") REFERENCES "public"."access_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_candidate_id_candidate_profiles_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_connections" ADD CONSTRAINT "ats_connections_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_connections" ADD CONSTRAINT "ats_connections_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_connections" ADD CONSTRAINT "ats_connections_fixed_client_brand_id_brands_id_fk" FOREIGN KEY ("fixed_client_brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_connections" ADD CONSTRAINT "ats_connections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_secrets" ADD CONSTRAINT "connection_secrets_connection_id_ats_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."ats_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD CONSTRAINT "inbound_events_connection_id_ats_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."ats_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD CONSTRAINT "inbound_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_connection_id_ats_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."ats_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_hidden_orgs" ADD CONSTRAINT "candidate_hidden_orgs_candidate_id_candidate_profiles_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_hidden_orgs" ADD CONSTRAINT "candidate_hidden_orgs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_events" ADD CONSTRAINT "outbound_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_events" ADD CONSTRAINT "outbound_events_connection_id_ats_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."ats_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_identities" ADD CONSTRAINT "candidate_identities_candidate_id_candidate_profiles_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_inbound_event_id_inbound_events_id_fk" FOREIGN KEY ("inbound_event_id") REFERENCES "public"."inbound_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_sync_run_id_sync_runs_id_fk" FOREIGN KEY ("sync_run_id") REFERENCES "public"."sync_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_connection_id_ats_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."ats_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_client_brand_id_brands_id_fk" FOREIGN KEY ("client_brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brands" ADD CONSTRAINT "brands_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_requests_org_status_idx" ON "access_requests" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "access_requests_candidate_idx" ON "access_requests" USING btree ("candidate_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_one_open_key" ON "access_requests" USING btree ("org_id","candidate_id") WHERE "access_requests"."status" in ('requested', 'approved');--> statement-breakpoint
CREATE INDEX "credit_ledger_org_time_idx" ON "credit_ledger" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "snapshots_job_candidate_key" ON "snapshots" USING btree ("job_id","candidate_id");--> statement-breakpoint
CREATE INDEX "snapshots_org_time_idx" ON "snapshots" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "ats_connections_org_idx" ON "ats_connections" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "ats_connections_sync_due_idx" ON "ats_connections" USING btree ("next_sync_at") WHERE "ats_connections"."status" = 'active' and "ats_connections"."board_token" is not null;--> statement-breakpoint
CREATE INDEX "connection_secrets_connection_idx" ON "connection_secrets" USING btree ("connection_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_events_delivery_key" ON "inbound_events" USING btree ("connection_id","delivery_id");--> statement-breakpoint
CREATE INDEX "inbound_events_connection_time_idx" ON "inbound_events" USING btree ("connection_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_running_key" ON "sync_runs" USING btree ("connection_id") WHERE "sync_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "sync_runs_connection_time_idx" ON "sync_runs" USING btree ("connection_id","started_at");--> statement-breakpoint
CREATE INDEX "candidate_hidden_orgs_org_idx" ON "candidate_hidden_orgs" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_profiles_user_key" ON "candidate_profiles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "candidate_profiles_match_idx" ON "candidate_profiles" USING btree ("role_family","region") WHERE "candidate_profiles"."discoverable";--> statement-breakpoint
CREATE INDEX "candidate_profiles_skills_idx" ON "candidate_profiles" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "outbound_events_due_idx" ON "outbound_events" USING btree ("next_attempt_at") WHERE "outbound_events"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbound_events_connection_time_idx" ON "outbound_events" USING btree ("connection_id","created_at");--> statement-breakpoint
CREATE INDEX "job_events_job_time_idx" ON "job_events" USING btree ("job_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_connection_external_key" ON "jobs" USING btree ("connection_id","external_id");--> statement-breakpoint
CREATE INDEX "jobs_org_status_idx" ON "jobs" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "jobs_org_title_active_idx" ON "jobs" USING btree ("org_id","title_key") WHERE "jobs"."status" = 'active';--> statement-breakpoint
CREATE INDEX "jobs_org_fingerprint_idx" ON "jobs" USING btree ("org_id","fingerprint");--> statement-breakpoint
CREATE UNIQUE INDEX "brands_org_name_key" ON "brands" USING btree ("org_id","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_key" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "rate_limit_counters_window_idx" ON "rate_limit_counters" USING btree ("window_start");