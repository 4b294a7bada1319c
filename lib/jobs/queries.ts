// Read models for the jobs pages: explicit columns, scoped by organisation.
import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, jobEvents, jobs, type StoredViolation, users } from "@/db/schema";
import type { JobStatus } from "@/db/schema/enums";

export type JobListItem = {
  id: string;
  externalId: string;
  title: string;
  status: string;
  violations: StoredViolation[];
  connectionName: string;
  locationLabel: string | null;
  updatedAt: Date;
};

export const JOB_SORTS = ["title", "status", "updated"] as const;
export type JobSort = { column: (typeof JOB_SORTS)[number]; direction: "asc" | "desc" };

const SORT_COLUMNS = { title: jobs.title, status: jobs.status, updated: jobs.updatedAt } as const;

export async function listJobs(
  db: Database,
  orgId: string,
  filter: { status?: JobStatus } = {},
  sort: JobSort = { column: "updated", direction: "desc" },
): Promise<JobListItem[]> {
  const order = sort.direction === "asc" ? asc : desc;
  return db
    .select({
      id: jobs.id,
      externalId: jobs.externalId,
      title: jobs.title,
      status: jobs.status,
      violations: jobs.violations,
      connectionName: atsConnections.name,
      locationLabel: jobs.locationLabel,
      updatedAt: jobs.updatedAt,
    })
    .from(jobs)
    .innerJoin(atsConnections, eq(atsConnections.id, jobs.connectionId))
    .where(and(eq(jobs.orgId, orgId), filter.status ? eq(jobs.status, filter.status) : undefined))
    .orderBy(order(SORT_COLUMNS[sort.column]), desc(jobs.updatedAt), jobs.id)
    .limit(500);
}

export type JobDetail = {
  id: string;
  externalId: string;
  title: string;
  status: string;
  violations: StoredViolation[];
  descriptionHtml: string;
  department: string | null;
  brandName: string | null;
  clientName: string | null;
  locationLabel: string | null;
  city: string | null;
  country: string | null;
  workplace: string | null;
  employmentType: string | null;
  salary: { min: number; max: number; currency: string; period: string; source: string | null } | null;
  applyUrl: string | null;
  atsStatus: string;
  reopenCount: number;
  connection: { id: string; name: string; provider: string };
  firstSeenAt: Date;
  updatedAt: Date;
  history: {
    id: string;
    kind: string;
    source: string;
    fromStatus: string | null;
    toStatus: string;
    violations: StoredViolation[];
    actorName: string | null;
    createdAt: Date;
  }[];
};

export async function getJob(db: Database, orgId: string, jobId: string): Promise<JobDetail | null> {
  const [row] = await db
    .select({
      id: jobs.id,
      externalId: jobs.externalId,
      title: jobs.title,
      status: jobs.status,
      violations: jobs.violations,
      descriptionHtml: jobs.descriptionHtml,
      department: jobs.department,
      brandName: jobs.brandName,
      clientName: jobs.clientName,
      locationLabel: jobs.locationLabel,
      city: jobs.city,
      country: jobs.country,
      workplace: jobs.workplace,
      employmentType: jobs.employmentType,
      salaryMin: jobs.salaryMin,
      salaryMax: jobs.salaryMax,
      salaryCurrency: jobs.salaryCurrency,
      salaryPeriod: jobs.salaryPeriod,
      salarySource: jobs.salarySource,
      applyUrl: jobs.applyUrl,
      atsStatus: jobs.atsStatus,
      reopenCount: jobs.reopenCount,
      connectionId: atsConnections.id,
      connectionName: atsConnections.name,
      provider: atsConnections.provider,
      firstSeenAt: jobs.firstSeenAt,
      updatedAt: jobs.updatedAt,
    })
    .from(jobs)
    .innerJoin(atsConnections, eq(atsConnections.id, jobs.connectionId))
    .where(and(eq(jobs.id, jobId), eq(jobs.orgId, orgId)));
  if (!row) return null;
  const history = await db
    .select({
      id: jobEvents.id,
      kind: jobEvents.kind,
      source: jobEvents.source,
      fromStatus: jobEvents.fromStatus,
      toStatus: jobEvents.toStatus,
      violations: jobEvents.violations,
      actorName: users.name,
      createdAt: jobEvents.createdAt,
    })
    .from(jobEvents)
    .leftJoin(users, eq(users.id, jobEvents.actorUserId))
    .where(and(eq(jobEvents.jobId, jobId), eq(jobEvents.orgId, orgId)))
    .orderBy(desc(jobEvents.createdAt))
    .limit(100);
  const {
    salaryMin,
    salaryMax,
    salaryCurrency,
    salaryPeriod,
    salarySource,
    connectionId,
    connectionName,
    provider,
    ...job
  } = row;
  const salary =
    salaryMin !== null && salaryMax !== null && salaryCurrency && salaryPeriod
      ? { min: salaryMin, max: salaryMax, currency: salaryCurrency, period: salaryPeriod, source: salarySource }
      : null;
  return { ...job, salary, connection: { id: connectionId, name: connectionName, provider }, history };
}
