CREATE TABLE "banned_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "banned_identifiers_kind" CHECK (kind in ('email_domain', 'greenhouse_board', 'greenhouse_job', 'lever_site', 'ashby_board', 'ashby_account', 'ashby_job', 'endpoint_host'))
);
--> statement-breakpoint
CREATE TABLE "flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"org_id" uuid,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"summary" text NOT NULL,
	"reason" text,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reported_by" uuid,
	"dedupe_key" text,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	CONSTRAINT "flags_kind" CHECK (kind in ('repost_farming', 'foreign_brand', 'snapshot_harvesting', 'low_approval', 'off_portal_contact', 'ban_evasion', 'user_report')),
	CONSTRAINT "flags_source" CHECK (source in ('signal', 'report')),
	CONSTRAINT "flags_status" CHECK (status in ('open', 'resolved', 'dismissed')),
	CONSTRAINT "flags_subject_type" CHECK (subject_type in ('organisation', 'connection', 'job', 'user', 'snapshot', 'access_request', 'message', 'other')),
	CONSTRAINT "flags_resolved" CHECK (("flags"."status" = 'open') = ("flags"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "job_moderation" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"matching_restricted" boolean DEFAULT false NOT NULL,
	"note" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"entries" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_events" DROP CONSTRAINT "job_events_kind";--> statement-breakpoint
ALTER TABLE "job_events" DROP CONSTRAINT "job_events_source";--> statement-breakpoint
ALTER TABLE "jobs" DROP CONSTRAINT "jobs_salary_source";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_org_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_actor_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "banned_identifiers" ADD CONSTRAINT "banned_identifiers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_moderation" ADD CONSTRAINT "job_moderation_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_moderation" ADD CONSTRAINT "job_moderation_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_moderation" ADD CONSTRAINT "job_moderation_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "banned_identifiers_kind_value_key" ON "banned_identifiers" USING btree ("kind","value","org_id");--> statement-breakpoint
CREATE INDEX "banned_identifiers_org_idx" ON "banned_identifiers" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "flags_dedupe_key" ON "flags" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "flags_status_time_idx" ON "flags" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "flags_org_idx" ON "flags" USING btree ("org_id","created_at");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_events_time_idx" ON "job_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_org_action_idx" ON "audit_log" USING btree ("org_id","action","id");--> statement-breakpoint
CREATE INDEX "audit_log_org_actor_idx" ON "audit_log" USING btree ("org_id","actor_user_id","id");--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_kind" CHECK ("job_events"."kind" in ('received', 'updated', 'closed', 'reopened', 'completed', 'moderated'));--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_source" CHECK ("job_events"."source" in ('webhook', 'sync', 'portal', 'trust_safety'));--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_salary_source" CHECK ("jobs"."salary_source" is null or "jobs"."salary_source" in ('ats', 'board', 'recruiter', 'trust_safety'));