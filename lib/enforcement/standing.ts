// The state matching and Discovery read: a job may be matched only while it is active, its
// organisation is in good standing, and trust & safety hasn't kept it from matching.
import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobModeration, jobs, organisations } from "@/db/schema";

/**
 * A condition on `jobs` (in any query that has the jobs table under its own name): true for the jobs
 * matching and Discovery may use. Columns are named in full: drizzle leaves them bare in one-table selects.
 */
export function matchableJob(): SQL {
  return sql`("jobs"."status" = 'active'
    and exists (select 1 from ${organisations} o where o.id = "jobs"."org_id" and o.standing = 'active')
    and not exists (select 1 from ${jobModeration} m where m.job_id = "jobs"."id" and m.matching_restricted))`;
}

export async function isJobMatchable(db: Database, jobId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), matchableJob()));
  return Boolean(row);
}

/** The moderation of an organisation's jobs, by job id: what its members see on the job's page. */
export async function jobModerationOf(db: Database, orgId: string, jobId: string) {
  const [row] = await db
    .select({
      matchingRestricted: jobModeration.matchingRestricted,
      note: jobModeration.note,
      updatedAt: jobModeration.updatedAt,
    })
    .from(jobModeration)
    .where(and(eq(jobModeration.jobId, jobId), eq(jobModeration.orgId, orgId)));
  return row ?? null;
}
