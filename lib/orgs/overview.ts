// The organisation at a glance: real counts for the dashboard, scoped to one organisation.
import "server-only";
import { count, eq, max } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequests, atsConnections, inboundEvents, jobs, organisations, snapshots } from "@/db/schema";
import { ACCESS_STATUS, CONNECTION_STATUS, JOB_STATUS } from "@/db/schema/enums";

export type OrgOverview = {
  jobsByStatus: Record<(typeof JOB_STATUS)[number], number>;
  snapshotCount: number;
  requestsByStatus: Record<(typeof ACCESS_STATUS)[number], number>;
  creditBalance: number;
  connectionsByStatus: Record<(typeof CONNECTION_STATUS)[number], number>;
  lastEventAt: Date | null;
};

function tally<K extends string>(keys: readonly K[], rows: { key: string; n: number }[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const row of rows) if (row.key in out) out[row.key as K] = row.n;
  return out;
}

export async function getOrgOverview(db: Database, orgId: string): Promise<OrgOverview> {
  const [jobRows, snapshotRows, requestRows, orgRows, connectionRows] = await Promise.all([
    db.select({ key: jobs.status, n: count() }).from(jobs).where(eq(jobs.orgId, orgId)).groupBy(jobs.status),
    db.select({ n: count() }).from(snapshots).where(eq(snapshots.orgId, orgId)),
    db
      .select({ key: accessRequests.status, n: count() })
      .from(accessRequests)
      .where(eq(accessRequests.orgId, orgId))
      .groupBy(accessRequests.status),
    db.select({ balance: organisations.creditBalance }).from(organisations).where(eq(organisations.id, orgId)),
    db
      .select({ key: atsConnections.status, n: count() })
      .from(atsConnections)
      .where(eq(atsConnections.orgId, orgId))
      .groupBy(atsConnections.status),
  ]);
  const [lastEvent] = await db
    .select({ at: max(inboundEvents.receivedAt) })
    .from(inboundEvents)
    .where(eq(inboundEvents.orgId, orgId));
  return {
    jobsByStatus: tally(JOB_STATUS, jobRows),
    snapshotCount: snapshotRows[0]?.n ?? 0,
    requestsByStatus: tally(ACCESS_STATUS, requestRows),
    creditBalance: orgRows[0]?.balance ?? 0,
    connectionsByStatus: tally(CONNECTION_STATUS, connectionRows),
    lastEventAt: lastEvent?.at ?? null,
  };
}
