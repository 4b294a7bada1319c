// Jobs in from an ATS: merge the event into the stored job, run the posting rules, store the result
// and its history, and tell the ATS about a status change through the outbox, all in the caller's
// transaction.
import "server-only";
import { and, count, eq, max, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { brands, jobEvents, jobs, type StoredViolation } from "@/db/schema";
import type { JobStatus } from "@/db/schema/enums";
import type { ConnectionContext } from "@/lib/ats/connection-context";
import type { NormalizedJob, NormalizedSalary } from "@/lib/ats/normalized-job";
import { enqueueOutbound } from "@/lib/delivery/outbox";
import { env } from "@/lib/env";
import {
  evaluatePostingRules,
  findBrand,
  POSTING_RULES,
  type RuleContext,
  type RuleJob,
  type ViolationCode,
} from "@/lib/posting-rules";
import { type MergedJob, mergeJob, type StoredJob } from "./merge";
import { normalizeText } from "./text";

export type IngestSource =
  | { kind: "webhook"; inboundEventId: string }
  | { kind: "sync"; syncRunId: string }
  | { kind: "portal"; actorUserId: string };

export type JobOutcome = {
  externalId: string;
  jobId: string;
  status: string;
  violations: { code: string; message: string }[];
};

type EventKind = "received" | "updated" | "closed" | "reopened" | "completed" | "rechecked";

const DAY = 86_400_000;
const STORABLE_AMOUNT = 1e12;

async function lockJobKey(tx: Database, connectionId: string, externalId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${connectionId}:${externalId}`}, 0))`);
}

async function findJob(tx: Database, connectionId: string, externalId: string): Promise<StoredJob | null> {
  const [row] = await tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.connectionId, connectionId), eq(jobs.externalId, externalId)));
  return row ?? null;
}

function hostsOf(conn: ConnectionContext): string[] {
  if (!conn.boardBaseUrl) return [];
  try {
    return [new URL(conn.boardBaseUrl).hostname];
  } catch {
    return [];
  }
}

async function loadRuleContext(
  tx: Database,
  conn: ConnectionContext,
  merged: MergedJob,
  self: StoredJob | null,
  isRepost: boolean,
  now: Date,
): Promise<RuleContext> {
  const notSelf = self ? ne(jobs.id, self.id) : undefined;
  const [orgBrands, twins] = await Promise.all([
    tx
      .select({
        id: brands.id,
        name: brands.name,
        nameKey: brands.nameKey,
        isClient: brands.isClient,
        verified: brands.verified,
        domains: brands.domains,
      })
      .from(brands)
      .where(eq(brands.orgId, conn.orgId)),
    tx
      .select({
        id: jobs.id,
        locationKey: jobs.locationKey,
        min: jobs.salaryMin,
        max: jobs.salaryMax,
        currency: jobs.salaryCurrency,
        period: jobs.salaryPeriod,
        descriptionHash: jobs.descriptionHash,
      })
      .from(jobs)
      .where(and(eq(jobs.orgId, conn.orgId), eq(jobs.status, "active"), eq(jobs.titleKey, merged.titleKey), notSelf))
      .limit(50),
  ]);
  return {
    org: conn.org,
    brands: orgBrands,
    connectionHosts: hostsOf(conn),
    activeTwins: twins.map((t) => ({
      id: t.id,
      locationKey: t.locationKey,
      descriptionHash: t.descriptionHash,
      salary:
        t.min !== null && t.max !== null && t.currency && t.period
          ? { min: t.min, max: t.max, currency: t.currency, period: t.period }
          : null,
    })),
    reposting: isRepost
      ? await closureHistory(tx, conn.orgId, merged.fingerprint, self?.id ?? null, now)
      : { isRepost, lastClosedAt: null, closuresInWindow: 0 },
    now,
  };
}

/** When this job (or a job with the same fingerprint) was last closed, and how often within the farming window. */
async function closureHistory(tx: Database, orgId: string, fingerprint: string, selfId: string | null, now: Date) {
  const sameJob = selfId
    ? or(eq(jobs.id, selfId), eq(jobs.fingerprint, fingerprint))
    : eq(jobs.fingerprint, fingerprint);
  const windowStart = new Date(now.getTime() - POSTING_RULES.repost.farmingWindowDays * DAY);
  const [row] = await tx
    .select({
      lastClosedAt: max(jobEvents.createdAt),
      closuresInWindow: count(
        sql`case when ${jobEvents.createdAt} > ${windowStart.toISOString()}::timestamptz then 1 end`,
      ),
    })
    .from(jobEvents)
    .innerJoin(jobs, eq(jobs.id, jobEvents.jobId))
    .where(and(eq(jobs.orgId, orgId), sameJob, eq(jobEvents.kind, "closed")));
  return { isRepost: true, lastClosedAt: row?.lastClosedAt ?? null, closuresInWindow: row?.closuresInWindow ?? 0 };
}

function ruleJobOf(merged: MergedJob): RuleJob {
  return {
    atsStatus: merged.atsStatus,
    title: merged.title,
    descriptionText: merged.descriptionText,
    location: merged.location,
    workplace: merged.workplace as RuleJob["workplace"],
    employmentType: merged.employmentType as RuleJob["employmentType"],
    salary: merged.salary,
    brandName: merged.brandName,
    clientName: merged.clientName,
    applyUrl: merged.applyUrl,
    titleKey: merged.titleKey,
    locationKey: merged.locationKey,
    descriptionHash: merged.descriptionHash,
  };
}

function storableSalary(salary: NormalizedSalary | null) {
  const ok =
    salary &&
    [salary.min, salary.max].every((n) => Number.isFinite(n) && Math.abs(n) < STORABLE_AMOUNT) &&
    /^[A-Z]{3}$/.test(salary.currency) &&
    ["year", "month", "hour"].includes(salary.period);
  return ok
    ? { salaryMin: salary.min, salaryMax: salary.max, salaryCurrency: salary.currency, salaryPeriod: salary.period }
    : { salaryMin: null, salaryMax: null, salaryCurrency: null, salaryPeriod: null };
}

function columnsOf(merged: MergedJob, ctx: RuleContext) {
  const brand = findBrand(merged.brandName, ctx);
  const clientKey = normalizeText(merged.clientName ?? "");
  const client = clientKey ? ctx.brands.find((b) => b.isClient && b.nameKey === clientKey) : undefined;
  return {
    title: merged.title,
    titleKey: merged.titleKey,
    descriptionHtml: merged.descriptionHtml,
    descriptionHash: merged.descriptionHash,
    department: merged.department,
    brandName: merged.brandName,
    brandId: brand?.id ?? null,
    clientName: merged.clientName,
    clientBrandId: client?.id ?? null,
    locationLabel: merged.location?.label ?? null,
    city: merged.location?.city ?? null,
    region: merged.location?.region ?? null,
    country: merged.location?.country ?? null,
    workplace: merged.workplace,
    employmentType: merged.employmentType,
    ...storableSalary(merged.salary),
    salarySource: merged.salary && storableSalary(merged.salary).salaryMin !== null ? merged.salarySource : null,
    applyUrl: merged.applyUrl,
    atsStatus: merged.atsStatus,
    atsUpdatedAt: merged.atsUpdatedAt,
    locationKey: merged.locationKey,
    fingerprint: merged.fingerprint,
  };
}

const publicViolations = (violations: readonly StoredViolation[]) =>
  violations.map(({ code, message }) => ({ code, message }));

function sourceColumns(source: IngestSource) {
  return {
    source: source.kind === "sync" ? "sync" : source.kind === "webhook" ? "webhook" : "portal",
    inboundEventId: source.kind === "webhook" ? source.inboundEventId : null,
    syncRunId: source.kind === "sync" ? source.syncRunId : null,
    actorUserId: source.kind === "portal" ? source.actorUserId : null,
  };
}

async function recordChange(
  tx: Database,
  conn: ConnectionContext,
  job: { id: string; externalId: string; orgId: string; status: string; violations: StoredViolation[] },
  previous: { status: string; violations: StoredViolation[] } | null,
  kind: EventKind,
  source: IngestSource,
) {
  await tx.insert(jobEvents).values({
    jobId: job.id,
    orgId: job.orgId,
    kind,
    ...sourceColumns(source),
    fromStatus: previous?.status ?? null,
    toStatus: job.status,
    violations: job.violations,
  });
  const codes = (v: readonly StoredViolation[]) => v.map((x) => x.code).join(",");
  const changed = !previous || previous.status !== job.status || codes(previous.violations) !== codes(job.violations);
  if (changed && conn.endpointUrl) {
    await enqueueOutbound(tx, {
      orgId: job.orgId,
      connectionId: conn.id,
      type: "job.status_changed",
      data: {
        jobId: job.id,
        externalId: job.externalId,
        status: job.status as JobStatus,
        violations: publicViolations(job.violations) as { code: ViolationCode; message: string }[],
        portalUrl: `${env().publicUrl}/jobs/${job.id}`,
      },
    });
  }
}

function outcomeOf(row: { id: string; externalId: string; status: string; violations: StoredViolation[] }): JobOutcome {
  return {
    externalId: row.externalId,
    jobId: row.id,
    status: row.status,
    violations: publicViolations(row.violations),
  };
}

/** Runs the rules on a merged job and stores it, with its history and any outbound event. */
async function evaluateAndSave(
  tx: Database,
  conn: ConnectionContext,
  stored: StoredJob | null,
  merged: MergedJob,
  change: { kind: EventKind; source: IngestSource; now: Date; externalId: string },
): Promise<JobOutcome> {
  const { now, source } = change;
  const wasClosed = stored?.status === "closed";
  const ctx = await loadRuleContext(tx, conn, merged, stored, !stored || wasClosed, now);
  const result = evaluatePostingRules(ruleJobOf(merged), ctx);
  const status = stored?.status === "removed" ? "removed" : result.status;
  const columns = { ...columnsOf(merged, ctx), status, violations: result.violations };
  const seen = source.kind === "sync" ? { boardSeenAt: now } : {};
  const statusTouch = stored?.status !== status ? { statusChangedAt: now } : {};
  const [row] = stored
    ? await tx
        .update(jobs)
        .set({
          ...columns,
          ...seen,
          ...statusTouch,
          updatedAt: now,
          closedAt: null,
          reopenCount: stored.reopenCount + (wasClosed ? 1 : 0),
        })
        .where(eq(jobs.id, stored.id))
        .returning()
    : await tx
        .insert(jobs)
        .values({
          ...columns,
          ...seen,
          orgId: conn.orgId,
          connectionId: conn.id,
          externalId: change.externalId,
          firstSeenAt: now,
          updatedAt: now,
          statusChangedAt: now,
        })
        .returning();
  const saved = row as StoredJob;
  await recordChange(tx, conn, saved, stored, change.kind, source);
  return outcomeOf(saved);
}

/** Creates or updates a job from an ATS event or a board listing. */
export async function upsertJobFromAts(
  tx: Database,
  conn: ConnectionContext,
  incoming: NormalizedJob,
  source: Exclude<IngestSource, { kind: "portal" }>,
  now = new Date(),
): Promise<JobOutcome> {
  await lockJobKey(tx, conn.id, incoming.externalId);
  const stored = await findJob(tx, conn.id, incoming.externalId);
  const merged = mergeJob(stored, incoming, conn, source.kind === "sync" ? "board" : "ats");
  if (stored && merged.atsStatus === "closed") return closeStoredJob(tx, conn, stored, merged, source, now);
  const kind: EventKind = !stored ? "received" : stored.status === "closed" ? "reopened" : "updated";
  return evaluateAndSave(tx, conn, stored, merged, { kind, source, now, externalId: incoming.externalId });
}

/**
 * A recruiter completes what the ATS didn't send (salary, an agency's client); the rules run again.
 * The caller has already checked that the job belongs to the recruiter's organisation.
 */
export async function completeJob(
  tx: Database,
  conn: ConnectionContext,
  stored: StoredJob,
  completion: { salary?: NormalizedSalary; clientName?: string },
  actorUserId: string,
  now = new Date(),
): Promise<JobOutcome> {
  await lockJobKey(tx, conn.id, stored.externalId);
  const current = (await findJob(tx, conn.id, stored.externalId)) ?? stored;
  const merged = mergeJob(current, { externalId: current.externalId, salary: completion.salary }, conn, "ats");
  if (completion.salary) merged.salarySource = "recruiter";
  if (completion.clientName !== undefined) merged.clientName = completion.clientName;
  const source = { kind: "portal", actorUserId } as const;
  return evaluateAndSave(tx, conn, current, merged, { kind: "completed", source, now, externalId: current.externalId });
}

async function closeStoredJob(
  tx: Database,
  conn: ConnectionContext,
  stored: StoredJob,
  merged: MergedJob | null,
  source: Exclude<IngestSource, { kind: "portal" }>,
  now: Date,
): Promise<JobOutcome> {
  if (stored.status === "closed" || stored.status === "removed") {
    if (merged) await tx.update(jobs).set({ atsStatus: "closed", updatedAt: now }).where(eq(jobs.id, stored.id));
    return outcomeOf(stored);
  }
  const [row] = await tx
    .update(jobs)
    .set({ atsStatus: "closed", status: "closed", violations: [], closedAt: now, statusChangedAt: now, updatedAt: now })
    .where(eq(jobs.id, stored.id))
    .returning();
  const saved = row as StoredJob;
  await recordChange(tx, conn, saved, stored, "closed", source);
  return outcomeOf(saved);
}

/** Closes a job the ATS deleted, unpublished or closed. Unknown jobs are nothing to close. */
export async function closeJobFromAts(
  tx: Database,
  conn: ConnectionContext,
  externalId: string,
  source: Exclude<IngestSource, { kind: "portal" }>,
  now = new Date(),
): Promise<JobOutcome | null> {
  await lockJobKey(tx, conn.id, externalId);
  const stored = await findJob(tx, conn.id, externalId);
  return stored ? closeStoredJob(tx, conn, stored, null, source, now) : null;
}
