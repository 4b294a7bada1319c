ALTER TABLE "jobs" ALTER COLUMN "salary_min" SET DATA TYPE numeric(16, 2);--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "salary_max" SET DATA TYPE numeric(16, 2);--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "location_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "board_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ats_connections" DROP COLUMN "last_event_at";