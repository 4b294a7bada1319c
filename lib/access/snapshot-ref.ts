// The few facts about a Snapshot that access needs, read from the snapshots table that lib/snapshots
// owns: whose it is, which candidate and job, and where its ATS gets events.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, jobs, snapshots } from "@/db/schema";

export type SnapshotRef = {
  id: string;
  orgId: string;
  candidateId: string;
  candidateRef: string;
  jobId: string;
  jobTitle: string;
  connectionId: string;
  endpointUrl: string | null;
};

const columns = {
  id: snapshots.id,
  orgId: snapshots.orgId,
  candidateId: snapshots.candidateId,
  candidateRef: snapshots.candidateRef,
  jobId: snapshots.jobId,
  jobTitle: jobs.title,
  connectionId: jobs.connectionId,
  endpointUrl: atsConnections.endpointUrl,
};

/** A Snapshot of the organisation's, or null (another organisation's Snapshot is "not found"). */
export async function getOrgSnapshot(db: Database, orgId: string, snapshotId: string): Promise<SnapshotRef | null> {
  const [row] = await db
    .select(columns)
    .from(snapshots)
    .innerJoin(jobs, eq(jobs.id, snapshots.jobId))
    .innerJoin(atsConnections, eq(atsConnections.id, jobs.connectionId))
    .where(and(eq(snapshots.id, snapshotId), eq(snapshots.orgId, orgId)));
  return row ?? null;
}

export async function getSnapshotById(db: Database, snapshotId: string): Promise<SnapshotRef | null> {
  const [row] = await db
    .select(columns)
    .from(snapshots)
    .innerJoin(jobs, eq(jobs.id, snapshots.jobId))
    .innerJoin(atsConnections, eq(atsConnections.id, jobs.connectionId))
    .where(eq(snapshots.id, snapshotId));
  return row ?? null;
}
