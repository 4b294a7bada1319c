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

const COMPLETABLE = new Set(["needs_info", "rejected", "pending_review"]);

export async function completeJobInfo(
  db: Database,
  scope: { orgId: string; userId: string },
  jobId: string,
  completion: { salary?: NormalizedSalary; clientName?: string },
): Promise<JobOutcome> {
  const [stored] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.orgId, scope.orgId)));
  if (!stored) throw new AppError("not_found");
  if (!COMPLETABLE.has(stored.status)) {
    throw new AppError("conflict", "Only jobs that are waiting for information or were rejected can be completed.");
  }
  const conn = await loadConnectionContext(db, stored.connectionId);
  if (!conn) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const outcome = await completeJob(tx, conn, stored, completion, scope.userId);
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
