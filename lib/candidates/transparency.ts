// What the candidate may know about who saw them: which organisations received a Snapshot of them
// (when, for which job), what that Snapshot said, and every view of their identity from the audit log.
import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobs, organisations, snapshots } from "@/db/schema";
import { type SnapshotCard, snapshotCard } from "@/lib/access/snapshot-card";
import { listAuditByTarget } from "@/lib/audit/by-target";

export type SnapshotReceipt = { id: string; orgName: string; jobTitle: string; createdAt: Date; card: SnapshotCard };
export type IdentityView = { id: number; orgName: string; role: string; createdAt: Date };

export async function listSnapshotReceipts(db: Database, candidateId: string, limit = 200): Promise<SnapshotReceipt[]> {
  const rows = await db
    .select({
      id: snapshots.id,
      orgName: organisations.name,
      jobTitle: jobs.title,
      createdAt: snapshots.createdAt,
      fields: snapshots.fields,
    })
    .from(snapshots)
    .innerJoin(organisations, eq(organisations.id, snapshots.orgId))
    .innerJoin(jobs, eq(jobs.id, snapshots.jobId))
    .where(eq(snapshots.candidateId, candidateId))
    .orderBy(desc(snapshots.createdAt))
    .limit(limit);
  return rows.map(({ fields, ...r }) => ({ ...r, card: snapshotCard(fields) }));
}

export async function listIdentityViews(db: Database, candidateId: string): Promise<IdentityView[]> {
  const entries = await listAuditByTarget(db, { type: "candidate", id: candidateId }, ["identity.viewed"]);
  return entries.map((e) => ({
    id: e.id,
    orgName: e.orgName ?? "A company that has since left Wigiwork",
    role: typeof e.detail.role === "string" ? e.detail.role : "member",
    createdAt: e.createdAt,
  }));
}
