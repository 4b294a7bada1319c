DROP INDEX "jobs_org_fingerprint_idx";--> statement-breakpoint
CREATE INDEX "jobs_fingerprint_idx" ON "jobs" USING btree ("fingerprint","org_id");