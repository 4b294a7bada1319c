// A recruiter completes what the ATS didn't send (salary, an agency's client); the rules run again.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobs } from "@/db/schema";
import { loadConnectionContext } from "@/lib/ats/connection-context";
import type { NormalizedSalary } from "@/lib/ats/normalized-job";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { completeJob, type JobOutcome } from "./ingest";

export type Completion = { salary?: NormalizedSalary; clientName?: string };

export async function completeJobInfo(
  db: Database,
  scope: { orgId: string; userId: string },
  jobId: string,
  completion: Completion,
): Promise<JobOutcome> {
  const [job] = await db
    .select({ externalId: jobs.externalId, connectionId: jobs.connectionId })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.orgId, scope.orgId)));
  if (!job) throw new AppError("not_found");
  const conn = await loadConnectionContext(db, job.connectionId);
  if (!conn) throw new AppError("not_found");
  if (completion.clientName !== undefined && conn.org.kind !== "agency") {
    throw new AppError("invalid_input", "Only agencies name a client for a job.");
  }
  return db.transaction(async (tx) => {
    const outcome = await completeJob(tx, conn, job, completion, scope.userId);
    await recordAudit(tx, {
      orgId: scope.orgId,
      actorUserId: scope.userId,
      action: "job.completed",
      targetType: "job",
      targetId: jobId,
      detail: {
        salary: Boolean(completion.salary),
        client: completion.clientName !== undefined,
        status: outcome.status,
      },
    });
    return outcome;
  });
}
