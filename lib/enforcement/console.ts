// Read models for the trust & safety console: one organisation with everything about it, one job, one flag.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, brands, jobModeration, jobs, memberships, organisations, users } from "@/db/schema";
import { type FlagRow, listFlags } from "./flags";
import { listBannedIdentifiers } from "./identifiers";

export async function getOrganisationForAdmin(db: Database, orgId: string) {
  const [org] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      verification: organisations.verification,
      standing: organisations.standing,
      standingReason: organisations.standingReason,
      standingChangedAt: organisations.standingChangedAt,
      domains: organisations.domains,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) return null;
  const [members, connections, jobRows, banned, orgFlags] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, orgId))
      .orderBy(users.email),
    db
      .select({
        id: atsConnections.id,
        name: atsConnections.name,
        provider: atsConnections.provider,
        status: atsConnections.status,
        disabledBy: atsConnections.disabledBy,
        disabledReason: atsConnections.disabledReason,
        boardToken: atsConnections.boardToken,
        endpointUrl: atsConnections.endpointUrl,
      })
      .from(atsConnections)
      .where(eq(atsConnections.orgId, orgId))
      .orderBy(desc(atsConnections.createdAt)),
    db
      .select({
        id: jobs.id,
        title: jobs.title,
        externalId: jobs.externalId,
        status: jobs.status,
        restricted: jobModeration.matchingRestricted,
        updatedAt: jobs.updatedAt,
      })
      .from(jobs)
      .leftJoin(jobModeration, eq(jobModeration.jobId, jobs.id))
      .where(eq(jobs.orgId, orgId))
      .orderBy(desc(jobs.updatedAt))
      .limit(100),
    listBannedIdentifiers(db, orgId),
    listFlags(db, { orgId }),
  ]);
  return { org, members, connections, jobs: jobRows, banned, flags: orgFlags };
}

export type AdminOrganisation = NonNullable<Awaited<ReturnType<typeof getOrganisationForAdmin>>>;

export async function getJobForAdmin(db: Database, jobId: string) {
  const [job] = await db
    .select({
      id: jobs.id,
      orgId: jobs.orgId,
      orgName: organisations.name,
      title: jobs.title,
      externalId: jobs.externalId,
      status: jobs.status,
      violations: jobs.violations,
      brandName: jobs.brandName,
      clientName: jobs.clientName,
      locationLabel: jobs.locationLabel,
      salaryMin: jobs.salaryMin,
      salaryMax: jobs.salaryMax,
      salaryCurrency: jobs.salaryCurrency,
      salaryPeriod: jobs.salaryPeriod,
      salarySource: jobs.salarySource,
      applyUrl: jobs.applyUrl,
      connectionName: atsConnections.name,
      restricted: jobModeration.matchingRestricted,
      note: jobModeration.note,
    })
    .from(jobs)
    .innerJoin(organisations, eq(organisations.id, jobs.orgId))
    .innerJoin(atsConnections, eq(atsConnections.id, jobs.connectionId))
    .leftJoin(jobModeration, eq(jobModeration.jobId, jobs.id))
    .where(eq(jobs.id, jobId));
  if (!job) return null;
  const ownBrands = await db
    .select({ name: brands.name })
    .from(brands)
    .where(and(eq(brands.orgId, job.orgId), eq(brands.isClient, false)))
    .orderBy(brands.name);
  return { ...job, brands: ownBrands.map((b) => b.name) };
}

export async function getFlag(db: Database, flagId: string): Promise<FlagRow | null> {
  const rows = await listFlags(db, { id: flagId });
  return rows[0] ?? null;
}
