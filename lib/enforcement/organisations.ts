// Trust & safety's view of organisations: standing, members, integrations and jobs.
import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, jobs, memberships, organisations } from "@/db/schema";

export type AdminOrgRow = {
  id: string;
  name: string;
  kind: string;
  verification: string;
  standing: string;
  members: number;
  connections: number;
  activeJobs: number;
};

export async function listOrganisationsForAdmin(db: Database): Promise<AdminOrgRow[]> {
  const members = db
    .select({ orgId: memberships.orgId, n: sql<number>`count(*)::int`.as("members") })
    .from(memberships)
    .groupBy(memberships.orgId)
    .as("m");
  const connections = db
    .select({ orgId: atsConnections.orgId, n: sql<number>`count(*)::int`.as("connections") })
    .from(atsConnections)
    .groupBy(atsConnections.orgId)
    .as("c");
  const activeJobs = db
    .select({ orgId: jobs.orgId, n: sql<number>`count(*)::int`.as("active_jobs") })
    .from(jobs)
    .where(eq(jobs.status, "active"))
    .groupBy(jobs.orgId)
    .as("j");
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      verification: organisations.verification,
      standing: organisations.standing,
      members: sql<number>`coalesce(${members.n}, 0)`,
      connections: sql<number>`coalesce(${connections.n}, 0)`,
      activeJobs: sql<number>`coalesce(${activeJobs.n}, 0)`,
    })
    .from(organisations)
    .leftJoin(members, eq(members.orgId, organisations.id))
    .leftJoin(connections, eq(connections.orgId, organisations.id))
    .leftJoin(activeJobs, eq(activeJobs.orgId, organisations.id))
    .orderBy(asc(organisations.name));
}
