CREATE TABLE "access_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"sender" text NOT NULL,
	"sender_user_id" uuid,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_messages_sender" CHECK ("access_messages"."sender" in ('organisation', 'candidate'))
);
--> statement-breakpoint
CREATE TABLE "access_read_marks" (
	"user_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "access_read_marks_user_id_request_id_pk" PRIMARY KEY("user_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "access_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"actor" text NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_request_events_status" CHECK (status in ('requested', 'approved', 'declined', 'expired', 'revoked', 'cancelled', 'lapsed')),
	CONSTRAINT "access_request_events_actor" CHECK (actor in ('organisation', 'candidate', 'system'))
);
--> statement-breakpoint
ALTER TABLE "access_requests" DROP CONSTRAINT "access_requests_status";--> statement-breakpoint
ALTER TABLE "credit_ledger" DROP CONSTRAINT "credit_ledger_balance";--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
UPDATE "access_requests" SET "idempotency_key" = 'legacy:' || "id";--> statement-breakpoint
ALTER TABLE "access_requests" ALTER COLUMN "idempotency_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "message" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "access_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
UPDATE "credit_ledger" SET "idempotency_key" = 'legacy:' || "id";--> statement-breakpoint
ALTER TABLE "credit_ledger" ALTER COLUMN "idempotency_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD COLUMN "held_delta" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD COLUMN "held_after" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "credits_held" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "access_messages" ADD CONSTRAINT "access_messages_request_id_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."access_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_messages" ADD CONSTRAINT "access_messages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_messages" ADD CONSTRAINT "access_messages_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_read_marks" ADD CONSTRAINT "access_read_marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_read_marks" ADD CONSTRAINT "access_read_marks_request_id_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."access_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_request_events" ADD CONSTRAINT "access_request_events_request_id_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."access_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_request_events" ADD CONSTRAINT "access_request_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_request_events" ADD CONSTRAINT "access_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_messages_request_idx" ON "access_messages" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "access_read_marks_request_idx" ON "access_read_marks" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "access_request_events_request_idx" ON "access_request_events" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "access_request_events_org_idx" ON "access_request_events" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "access_requests_org_time_idx" ON "access_requests" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "access_requests_snapshot_idx" ON "access_requests" USING btree ("snapshot_id");--> statement-breakpoint
CREATE INDEX "access_requests_expiry_idx" ON "access_requests" USING btree ("expires_at") WHERE "access_requests"."status" = 'requested';--> statement-breakpoint
CREATE INDEX "access_requests_lapse_idx" ON "access_requests" USING btree ("access_until") WHERE "access_requests"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_idempotency_key" ON "access_requests" USING btree ("org_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_idempotency_key" ON "credit_ledger" USING btree ("org_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","id");--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_message" CHECK ("access_requests"."message" is null or length("access_requests"."message") <= 1000);--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_approved" CHECK ("access_requests"."status" <> 'approved' or "access_requests"."access_until" is not null);--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_status" CHECK (status in ('requested', 'approved', 'declined', 'expired', 'revoked', 'cancelled', 'lapsed'));--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_balance" CHECK ("credit_ledger"."balance_after" >= 0 and "credit_ledger"."held_after" >= 0);--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_erased" CHECK ("candidate_profiles"."erased_at" is null or not "candidate_profiles"."discoverable");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_credits_held" CHECK ("organisations"."credits_held" >= 0);