// Jobs in from an ATS: merge the event into the stored job, run the posting rules, then store the
// job, its history and (on a status change) a `job.status_changed` outbox event, in the caller's
// transaction. Planning and writing are separate so callers can send every write in one round trip.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobEvents, jobs, type StoredViolation } from "@/db/schema";
import type { JobStatus } from "@/db/schema/enums";
import type { ConnectionContext } from "@/lib/ats/connection-context";
import type { NormalizedJob, NormalizedSalary } from "@/lib/ats/normalized-job";
import { enqueueOutbound } from "@/lib/delivery/outbox";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { evaluatePostingRules, findBrand, type RuleContext, type ViolationCode } from "@/lib/posting-rules";
import { type MergedJob, mergeJob, type StoredJob } from "./merge";
import { loadRuleContext, ruleJobOf } from "./rule-context";
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

/** The decided result of one event, and the writes that store it. */
export type IngestPlan = { outcome: JobOutcome; write(): Promise<unknown> };

type EventKind = "received" | "updated" | "closed" | "reopened" | "completed";
type Change = { kind: EventKind; source: IngestSource; now: Date };

const STORABLE_AMOUNT = 1e12;

/** The advisory lock that serialises all work on one ATS job. */
export const jobLockKey = (connectionId: string, externalId: string) =>
  sql`hashtextextended(${`job:${connectionId}:${externalId}`}, 0)`;

function lockJobKey(tx: Database, connectionId: string, externalId: string) {
  return tx.execute(sql`select pg_advisory_xact_lock(${jobLockKey(connectionId, externalId)})`);
}

async function findJob(tx: Database, connectionId: string, externalId: string): Promise<StoredJob | null> {
  const [row] = await tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.connectionId, connectionId), eq(jobs.externalId, externalId)));
  return row ?? null;
}

/**
 * Locks the job's key, then reads the job. Both go out together, the lock first: the server runs
 * them in order, so the read sees whatever a concurrent event for the same job committed.
 */
async function lockAndFind(tx: Database, connectionId: string, externalId: string): Promise<StoredJob | null> {
  const locked = lockJobKey(tx, connectionId, externalId).then(() => undefined);
  const [, stored] = await Promise.all([locked, findJob(tx, connectionId, externalId)]);
  return stored;
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
  const clientKey = normalizeText(merged.clientName ?? "");
  const client = clientKey ? ctx.brands.find((b) => b.isClient && b.nameKey === clientKey) : undefined;
  const salary = storableSalary(merged.salary);
  return {
    title: merged.title,
    titleKey: merged.titleKey,
    descriptionHtml: merged.descriptionHtml,
    descriptionHash: merged.descriptionHash,
    department: merged.department,
    brandName: merged.brandName,
    brandId: findBrand(merged.brandName, ctx)?.id ?? null,
    clientName: merged.clientName,
    clientBrandId: client?.id ?? null,
    locationLabel: merged.location?.label ?? null,
    city: merged.location?.city ?? null,
    region: merged.location?.region ?? null,
    country: merged.location?.country ?? null,
    workplace: merged.workplace,
    employmentType: merged.employmentType,
    ...salary,
    salarySource: salary.salaryMin !== null ? merged.salarySource : null,
    applyUrl: merged.applyUrl,
    atsStatus: merged.atsStatus,
    atsUpdatedAt: merged.atsUpdatedAt,
    locationKey: merged.locationKey,
    fingerprint: merged.fingerprint,
  };
}

const publicViolations = (violations: readonly StoredViolation[]) =>
  violations.map(({ code, message }) => ({ code, message }));
const codesOf = (violations: readonly StoredViolation[]) => violations.map((v) => v.code).join(",");

function sourceColumns(source: IngestSource) {
  return {
    source: source.kind,
    inboundEventId: source.kind === "webhook" ? source.inboundEventId : null,
    syncRunId: source.kind === "sync" ? source.syncRunId : null,
    actorUserId: source.kind === "portal" ? source.actorUserId : null,
  };
}

/** The history row, and the outbound event when the status or its reasons changed; both started at once. */
function recordChange(
  tx: Database,
  conn: ConnectionContext,
  job: { id: string; externalId: string; status: string; violations: StoredViolation[] },
  previous: { status: string; violations: StoredViolation[] } | null,
  change: Change,
): Promise<unknown>[] {
  const writes: Promise<unknown>[] = [
    tx
      .insert(jobEvents)
      .values({
        jobId: job.id,
        orgId: conn.orgId,
        kind: change.kind,
        ...sourceColumns(change.source),
        fromStatus: previous?.status ?? null,
        toStatus: job.status,
        violations: job.violations,
        createdAt: change.now,
      })
      .execute(),
  ];
  const changed =
    !previous || previous.status !== job.status || codesOf(previous.violations) !== codesOf(job.violations);
  if (changed && conn.endpointUrl) {
    writes.push(
      enqueueOutbound(tx, {
        orgId: conn.orgId,
        connectionId: conn.id,
        type: "job.status_changed",
        data: {
          jobId: job.id,
          externalId: job.externalId,
          status: job.status as JobStatus,
          violations: publicViolations(job.violations) as { code: ViolationCode; message: string }[],
          portalUrl: `${env().publicUrl}/jobs/${job.id}`,
        },
      }),
    );
  }
  return writes;
}

/** Runs the rules on a merged job and plans storing it with its history and any outbound event. */
async function planSave(
  tx: Database,
  conn: ConnectionContext,
  stored: StoredJob | null,
  merged: MergedJob,
  externalId: string,
  change: Change,
): Promise<IngestPlan> {
  const { now, source } = change;
  const ctx = await loadRuleContext(tx, conn, merged, stored, now);
  const result = evaluatePostingRules(ruleJobOf(merged), ctx);
  const status = stored?.status === "removed" ? "removed" : result.status;
  const jobId = stored?.id ?? randomUUID();
  const columns = { ...columnsOf(merged, ctx), status, violations: result.violations, updatedAt: now };
  const seen = source.kind === "sync" ? { boardSeenAt: now } : {};
  const statusTouch = stored?.status !== status ? { statusChangedAt: now } : {};
  const saved = { id: jobId, externalId, status, violations: result.violations };
  const write = () => {
    const reopened = stored?.status === "closed" ? 1 : 0;
    const upsert = stored
      ? tx
          .update(jobs)
          .set({ ...columns, ...seen, ...statusTouch, closedAt: null, reopenCount: stored.reopenCount + reopened })
          .where(eq(jobs.id, jobId))
      : tx.insert(jobs).values({
          ...columns,
          ...seen,
          id: jobId,
          orgId: conn.orgId,
          connectionId: conn.id,
          externalId,
          firstSeenAt: now,
          statusChangedAt: now,
        });
    // Started in this order on the transaction's connection: the job before rows that refer to it.
    return Promise.all([upsert.execute(), ...recordChange(tx, conn, saved, stored, change)]);
  };
  return { outcome: { externalId, jobId, status, violations: publicViolations(result.violations) }, write };
}

function planClose(tx: Database, conn: ConnectionContext, stored: StoredJob, change: Change): IngestPlan {
  const outcome: JobOutcome = {
    externalId: stored.externalId,
    jobId: stored.id,
    status: stored.status,
    violations: publicViolations(stored.violations),
  };
  if (stored.status === "closed" || stored.status === "removed") {
    return {
      outcome,
      write: () => tx.update(jobs).set({ atsStatus: "closed", updatedAt: change.now }).where(eq(jobs.id, stored.id)),
    };
  }
  const closed = { id: stored.id, externalId: stored.externalId, status: "closed", violations: [] };
  const write = () =>
    Promise.all([
      tx
        .update(jobs)
        .set({
          atsStatus: "closed",
          status: "closed",
          violations: [],
          closedAt: change.now,
          statusChangedAt: change.now,
          updatedAt: change.now,
        })
        .where(eq(jobs.id, stored.id))
        .execute(),
      ...recordChange(tx, conn, closed, stored, change),
    ]);
  return { outcome: { ...outcome, status: "closed", violations: [] }, write };
}

/** Plans creating or updating a job from an ATS event or a board listing. */
export async function planUpsert(
  tx: Database,
  conn: ConnectionContext,
  incoming: NormalizedJob,
  source: Exclude<IngestSource, { kind: "portal" }>,
  now = new Date(),
): Promise<IngestPlan> {
  const stored = await lockAndFind(tx, conn.id, incoming.externalId);
  const merged = mergeJob(stored, incoming, conn, source.kind === "sync" ? "board" : "ats");
  if (stored && merged.atsStatus === "closed") return planClose(tx, conn, stored, { kind: "closed", source, now });
  const kind: EventKind = !stored ? "received" : stored.status === "closed" ? "reopened" : "updated";
  return planSave(tx, conn, stored, merged, incoming.externalId, { kind, source, now });
}

/** Plans closing a job the ATS deleted, unpublished or closed; an unknown job is nothing to close. */
export async function planCloseByExternalId(
  tx: Database,
  conn: ConnectionContext,
  externalId: string,
  source: Exclude<IngestSource, { kind: "portal" }>,
  now = new Date(),
): Promise<IngestPlan | null> {
  const stored = await lockAndFind(tx, conn.id, externalId);
  return stored ? planClose(tx, conn, stored, { kind: "closed", source, now }) : null;
}

export async function upsertJobFromAts(
  tx: Database,
  conn: ConnectionContext,
  incoming: NormalizedJob,
  source: Exclude<IngestSource, { kind: "portal" }>,
  now = new Date(),
): Promise<JobOutcome> {
  const plan = await planUpsert(tx, conn, incoming, source, now);
  await plan.write();
  return plan.outcome;
}

export async function closeJobFromAts(
  tx: Database,
  conn: ConnectionContext,
  externalId: string,
  source: Exclude<IngestSource, { kind: "portal" }>,
  now = new Date(),
): Promise<JobOutcome | null> {
  const plan = await planCloseByExternalId(tx, conn, externalId, source, now);
  await plan?.write();
  return plan?.outcome ?? null;
}

/** Jobs a recruiter may complete: those the rules held back. */
export const COMPLETABLE_STATUSES: ReadonlySet<string> = new Set(["needs_info", "rejected", "pending_review"]);

/**
 * A recruiter completes what the ATS didn't send (salary, an agency's client); the rules run again.
 * The caller has already checked that the job belongs to the recruiter's organisation.
 */
export async function completeJob(
  tx: Database,
  conn: ConnectionContext,
  job: { externalId: string },
  completion: { salary?: NormalizedSalary; clientName?: string },
  actorUserId: string,
  now = new Date(),
): Promise<JobOutcome> {
  const stored = await lockAndFind(tx, conn.id, job.externalId);
  if (!stored || !COMPLETABLE_STATUSES.has(stored.status)) {
    throw new AppError(
      "conflict",
      "Only jobs that are waiting for information, for review or were rejected can be completed.",
    );
  }
  const merged = mergeJob(stored, { externalId: stored.externalId, salary: completion.salary }, conn, "ats");
  if (completion.salary) merged.salarySource = "recruiter";
  if (completion.clientName !== undefined) merged.clientName = completion.clientName;
  const change: Change = { kind: "completed", source: { kind: "portal", actorUserId }, now };
  const plan = await planSave(tx, conn, stored, merged, stored.externalId, change);
  await plan.write();
  return plan.outcome;
}
