// Jobs in from an ATS, any number at once: lock and read the stored jobs, merge each event into
// its job, run the posting rules, then store the jobs, their history and (on a status change) a
// `job.status_changed` outbox event in the caller's transaction, a handful of statements in all.
// The steps are exported separately so the webhook endpoint can share round trips with its own work.
import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { findEach, insertRows } from "@/db/bulk";
import type { Database } from "@/db/client";
import { lockKeys } from "@/db/locks";
import { jobEvents, jobs, type StoredViolation } from "@/db/schema";
import type { JobStatus } from "@/db/schema/enums";
import type { ConnectionContext } from "@/lib/ats/connection-context";
import type { NormalizedJob, NormalizedSalary } from "@/lib/ats/normalized-job";
import { enqueueOutbound, type OutboxEvent } from "@/lib/delivery/outbox";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { evaluatePostingRules, findBrand, type RuleContext, type ViolationCode } from "@/lib/posting-rules";
import { type MergedJob, mergeJob, type StoredJob } from "./merge";
import { factKeyOf, type RuleFacts, readRuleFacts, ruleJobOf, titleLockKey } from "./rule-context";
import { normalizeText } from "./text";

export type IngestSource =
  | { kind: "webhook"; inboundEventId: string }
  | { kind: "sync"; syncRunId: string }
  | { kind: "portal"; actorUserId: string };
type AtsSource = Exclude<IngestSource, { kind: "portal" }>;

export type JobOutcome = {
  externalId: string;
  jobId: string;
  status: string;
  violations: { code: string; message: string }[];
};

/** One piece of work from an ATS: a job published, updated or listed on its board; or a job closed. */
export type JobWork =
  | { kind: "upsert"; conn: ConnectionContext; job: NormalizedJob; source: AtsSource; now: Date }
  | { kind: "close"; conn: ConnectionContext; externalId: string; source: AtsSource; now: Date };

type EventKind = "received" | "updated" | "closed" | "reopened" | "completed";
type Change = { kind: EventKind; source: IngestSource; now: Date };

/** A piece of work merged with its stored job, ready for the rules. */
export type Pending =
  | {
      action: "save";
      conn: ConnectionContext;
      externalId: string;
      stored: StoredJob | null;
      merged: MergedJob;
      change: Change;
    }
  | { action: "close"; conn: ConnectionContext; stored: StoredJob; change: Change }
  | { action: "none" };

type JobRow = typeof jobs.$inferInsert;
type Rows = {
  insert?: JobRow;
  update?: { id: string; set: Partial<JobRow> };
  event?: typeof jobEvents.$inferInsert;
  outbound?: OutboxEvent;
};

/** The decided result of one piece of work, and the rows that store it. */
export type Decision = { outcome: JobOutcome | null; rows: Rows | null };

const STORABLE_AMOUNT = 1e12;

/** The advisory lock that serialises all work on one ATS job. */
export const jobLockKey = (connectionId: string, externalId: string) => `job:${connectionId}:${externalId}`;

type JobRef = { connectionId: string; externalId: string };
export const workRef = (work: JobWork): JobRef => ({
  connectionId: work.conn.id,
  externalId: work.kind === "upsert" ? work.job.externalId : work.externalId,
});
export const workLockKey = (work: JobWork) => jobLockKey(work.conn.id, workRef(work).externalId);

/**
 * The stored jobs, by lock key. Started at once: call it right after locking the keys on the same
 * transaction, and the read runs after the locks are held.
 */
export function findJobs(tx: Database, jobRefs: readonly JobRef[]): Promise<Map<string, StoredJob>> {
  return findEach(
    tx,
    jobs,
    { c: jobs.connectionId, e: jobs.externalId },
    jobRefs.map((r) => ({ c: r.connectionId, e: r.externalId })),
  ).then((rows) => new Map(rows.map((row) => [jobLockKey(row.connectionId, row.externalId), row])));
}

/** Merges one piece of work into its stored job (pure). */
export function mergeWork(work: JobWork, stored: StoredJob | null): Pending {
  const { conn, source, now } = work;
  if (work.kind === "close") {
    return stored ? { action: "close", conn, stored, change: { kind: "closed", source, now } } : { action: "none" };
  }
  const merged = mergeJob(stored, work.job, conn, source.kind === "sync" ? "board" : "ats");
  if (stored && merged.atsStatus === "closed") {
    return { action: "close", conn, stored, change: { kind: "closed", source, now } };
  }
  const kind: EventKind = !stored ? "received" : stored.status === "closed" ? "reopened" : "updated";
  return { action: "save", conn, externalId: work.job.externalId, stored, merged, change: { kind, source, now } };
}

/** The titles a pending piece of work touches: work on one title must not share a batch. */
export function titleKeysOf(pending: Pending): string[] {
  if (pending.action === "none") return [];
  const keys = pending.stored ? [titleLockKey(pending.conn.orgId, pending.stored.titleKey)] : [];
  if (pending.action === "save") keys.push(titleLockKey(pending.conn.orgId, pending.merged.titleKey));
  return keys;
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

type Saved = { id: string; externalId: string; status: string; violations: StoredViolation[] };

/** The history row, and the outbound event when the status or its reasons changed. */
function changeRows(
  conn: ConnectionContext,
  job: Saved,
  previous: { status: string; violations: StoredViolation[] } | null,
  change: Change,
): Pick<Rows, "event" | "outbound"> {
  const event = {
    jobId: job.id,
    orgId: conn.orgId,
    kind: change.kind,
    ...sourceColumns(change.source),
    fromStatus: previous?.status ?? null,
    toStatus: job.status,
    violations: job.violations,
    createdAt: change.now,
  };
  const changed =
    !previous || previous.status !== job.status || codesOf(previous.violations) !== codesOf(job.violations);
  if (!changed || !conn.endpointUrl) return { event };
  const outbound: OutboxEvent<"job.status_changed"> = {
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
  };
  return { event, outbound };
}

function decideSave(pending: Extract<Pending, { action: "save" }>, ctx: RuleContext): Decision {
  const { conn, externalId, stored, merged, change } = pending;
  const { now } = change;
  const result = evaluatePostingRules(ruleJobOf(merged), ctx);
  const status = stored?.status === "removed" ? "removed" : result.status;
  const jobId = stored?.id ?? randomUUID();
  const columns = { ...columnsOf(merged, ctx), status, violations: result.violations, updatedAt: now };
  const seen = change.source.kind === "sync" ? { boardSeenAt: now } : {};
  const statusTouch = stored?.status !== status ? { statusChangedAt: now } : {};
  const saved = { id: jobId, externalId, status, violations: result.violations };
  const reopened = stored?.status === "closed" ? 1 : 0;
  const jobRows: Pick<Rows, "insert" | "update"> = stored
    ? {
        update: {
          id: jobId,
          set: { ...columns, ...seen, ...statusTouch, closedAt: null, reopenCount: stored.reopenCount + reopened },
        },
      }
    : {
        insert: {
          ...columns,
          ...seen,
          id: jobId,
          orgId: conn.orgId,
          connectionId: conn.id,
          externalId,
          firstSeenAt: now,
          statusChangedAt: now,
        },
      };
  return {
    outcome: { externalId, jobId, status, violations: publicViolations(result.violations) },
    rows: { ...jobRows, ...changeRows(conn, saved, stored, change) },
  };
}

function decideClose(pending: Extract<Pending, { action: "close" }>): Decision {
  const { conn, stored, change } = pending;
  const { now } = change;
  if (stored.status === "closed" || stored.status === "removed") {
    return {
      outcome: {
        externalId: stored.externalId,
        jobId: stored.id,
        status: stored.status,
        violations: publicViolations(stored.violations),
      },
      rows: { update: { id: stored.id, set: { atsStatus: "closed", updatedAt: now } } },
    };
  }
  const closed = { id: stored.id, externalId: stored.externalId, status: "closed", violations: [] };
  return {
    outcome: { externalId: stored.externalId, jobId: stored.id, status: "closed", violations: [] },
    rows: {
      update: {
        id: stored.id,
        set: {
          atsStatus: "closed",
          status: "closed",
          violations: [],
          closedAt: now,
          statusChangedAt: now,
          updatedAt: now,
        },
      },
      ...changeRows(conn, closed, stored, change),
    },
  };
}

/** The rule-context keys of the pending pieces that run the rules (saves), with their positions. */
function factKeysOf(pendings: readonly Pending[]) {
  return pendings.flatMap((p, index) =>
    p.action === "save" ? [{ index, key: factKeyOf(p.conn, p.externalId, p.merged, p.change.now) }] : [],
  );
}

/** Locks the titles of the pending pieces that run the rules and reads their facts, in one round trip. */
async function contextsFor(tx: Database, pendings: readonly Pending[]) {
  const keyed = factKeysOf(pendings);
  const locked = lockKeys(
    tx,
    keyed.map(({ key }) => titleLockKey(key.conn.orgId, key.titleKey)),
  );
  const [, facts] = await Promise.all([
    locked,
    readRuleFacts(
      tx,
      keyed.map(({ key }) => key),
    ),
  ]);
  const position = new Map(keyed.map(({ index }, n) => [index, n]));
  return (index: number, stored: StoredJob | null) => facts(position.get(index) as number, stored);
}

/**
 * Runs the rules on every pending piece of work and decides its rows (pure). The pieces must touch
 * different jobs and titles (see `titleKeysOf`); `contextOf` gives each saved piece's rule context.
 */
export function decide(pendings: readonly Pending[], contextOf: RuleFacts): Decision[] {
  return pendings.map((p, i): Decision => {
    if (p.action === "save") return decideSave(p, contextOf(i, p.stored));
    if (p.action === "close") return decideClose(p);
    return { outcome: null, rows: null };
  });
}

/**
 * Stores the decisions: new jobs in one statement, each changed job in its own, then the history
 * rows and outbound events in one statement each. All are sent at once, in this order.
 */
export function writeDecisions(tx: Database, decisions: readonly Decision[]): Promise<unknown> {
  const rows = decisions.flatMap((d) => (d.rows ? [d.rows] : []));
  const inserts = rows.flatMap((r) => (r.insert ? [r.insert] : []));
  const events = rows.flatMap((r) => (r.event ? [r.event] : []));
  const writes: Promise<unknown>[] = [];
  if (inserts.length > 0) writes.push(insertRows(tx, jobs, inserts));
  for (const { update } of rows) {
    if (update) writes.push(tx.update(jobs).set(update.set).where(eq(jobs.id, update.id)).execute());
  }
  if (events.length > 0) writes.push(insertRows(tx, jobEvents, events));
  writes.push(
    enqueueOutbound(
      tx,
      rows.flatMap((r) => (r.outbound ? [r.outbound] : [])),
    ),
  );
  return Promise.all(writes);
}

/** Locks the jobs' keys and reads them, in one round trip. */
async function lockAndFind(tx: Database, jobRefs: readonly JobRef[]): Promise<Map<string, StoredJob>> {
  const locked = lockKeys(
    tx,
    jobRefs.map((r) => jobLockKey(r.connectionId, r.externalId)),
  );
  const [, stored] = await Promise.all([locked, findJobs(tx, jobRefs)]);
  return stored;
}

/** Does one piece of work from an ATS in the caller's transaction. */
export async function ingestJob(tx: Database, work: JobWork): Promise<JobOutcome | null> {
  const stored = await lockAndFind(tx, [workRef(work)]);
  const pendings = [mergeWork(work, stored.get(workLockKey(work)) ?? null)];
  const decisions = decide(pendings, await contextsFor(tx, pendings));
  await writeDecisions(tx, decisions);
  return decisions[0]?.outcome ?? null;
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
  const found = await lockAndFind(tx, [{ connectionId: conn.id, externalId: job.externalId }]);
  const stored = found.get(jobLockKey(conn.id, job.externalId));
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
  const externalId = stored.externalId;
  const pendings: Pending[] = [{ action: "save", conn, externalId, stored, merged, change }];
  const decisions = decide(pendings, await contextsFor(tx, pendings));
  await writeDecisions(tx, decisions);
  return decisions[0]?.outcome as JobOutcome;
}
