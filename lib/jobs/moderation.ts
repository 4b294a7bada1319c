// Trust & safety's hand on jobs: remove, reinstate, keep from matching (or return), adjust salary or
// brand, each with a note. One transaction per action: the job, its history, the moderation note, the
// `job.status_changed` outbox event when the status moved, and the audit entry.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { lockKeys } from "@/db/locks";
import { atsConnections, brands, jobEvents, jobModeration, jobs } from "@/db/schema";
import type { JobStatus, SalaryPeriod } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit";
import { enqueueOutbound } from "@/lib/delivery/outbox";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { statusFor, type Violation, type ViolationCode } from "@/lib/posting-rules";
import { jobLockKey } from "./ingest";
import { normalizeText } from "./text";

export const JOB_ACTIONS = ["remove", "reinstate", "restrict", "unrestrict"] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

export type JobModerationInput = { jobId: string; action: JobAction; note: string };
export type JobAdjustment = {
  jobId: string;
  note: string;
  salary?: { min: number; max: number; currency: string; period: SalaryPeriod };
  brandName?: string;
};

const AUDIT_CODES: Record<JobAction, string> = {
  remove: "enforcement.job_removed",
  reinstate: "enforcement.job_reinstated",
  restrict: "enforcement.job_restricted",
  unrestrict: "enforcement.job_unrestricted",
};

/** Reads the job, then takes the lock every ingest of it takes, and reads it again under the lock. */
async function lockedJob(tx: Database, jobId: string) {
  const read = () =>
    tx
      .select({
        id: jobs.id,
        orgId: jobs.orgId,
        connectionId: jobs.connectionId,
        externalId: jobs.externalId,
        status: jobs.status,
        atsStatus: jobs.atsStatus,
        violations: jobs.violations,
        salaryMin: jobs.salaryMin,
        salaryMax: jobs.salaryMax,
        salaryCurrency: jobs.salaryCurrency,
        salaryPeriod: jobs.salaryPeriod,
        brandName: jobs.brandName,
        endpointUrl: atsConnections.endpointUrl,
        restricted: jobModeration.matchingRestricted,
      })
      .from(jobs)
      .innerJoin(atsConnections, eq(atsConnections.id, jobs.connectionId))
      .leftJoin(jobModeration, eq(jobModeration.jobId, jobs.id))
      .where(eq(jobs.id, jobId))
      .then((rows) => rows[0]);
  const first = await read();
  if (!first) throw new AppError("not_found");
  await lockKeys(tx, [jobLockKey(first.connectionId, first.externalId)]);
  return (await read()) ?? first;
}

type Locked = Awaited<ReturnType<typeof lockedJob>>;

/** The violations the ATS is told about (a removal carries none: its reason is trust & safety's note). */
const publicViolations = (job: Locked) =>
  job.violations.map(({ code, message }) => ({ code: code as ViolationCode, message }));

function nextState(job: Locked, action: JobAction): { status: JobStatus; restricted: boolean } {
  const status = job.status as JobStatus;
  const restricted = job.restricted ?? false;
  if (action === "remove") {
    if (status === "removed") throw new AppError("conflict", "The job is removed already.");
    return { status: "removed", restricted };
  }
  if (action === "reinstate") {
    if (status !== "removed") throw new AppError("conflict", "Only a removed job can be reinstated.");
    return { status: job.atsStatus === "closed" ? "closed" : statusFor(job.violations as Violation[]), restricted };
  }
  if (restricted === (action === "restrict")) {
    throw new AppError(
      "conflict",
      restricted ? "The job is kept from matching already." : "The job is in matching already.",
    );
  }
  return { status, restricted: action === "restrict" };
}

async function writeModeration(
  tx: Database,
  job: Locked,
  adminUserId: string,
  note: string,
  next: { status: JobStatus; restricted: boolean },
  now: Date,
) {
  const moderation = { matchingRestricted: next.restricted, note, updatedBy: adminUserId, updatedAt: now };
  await tx
    .insert(jobModeration)
    .values({ jobId: job.id, orgId: job.orgId, ...moderation })
    .onConflictDoUpdate({ target: jobModeration.jobId, set: moderation });
  await tx.insert(jobEvents).values({
    jobId: job.id,
    orgId: job.orgId,
    kind: "moderated",
    source: "trust_safety",
    actorUserId: adminUserId,
    fromStatus: job.status,
    toStatus: next.status,
    violations: job.violations,
    createdAt: now,
  });
}

export async function moderateJob(db: Database, adminUserId: string, input: JobModerationInput) {
  return db.transaction(async (tx) => {
    const job = await lockedJob(tx, input.jobId);
    const next = nextState(job, input.action);
    const now = new Date();
    if (next.status !== job.status) {
      await tx
        .update(jobs)
        .set({ status: next.status, statusChangedAt: now, updatedAt: now })
        .where(eq(jobs.id, job.id));
      if (job.endpointUrl) {
        await enqueueOutbound(tx, [
          {
            orgId: job.orgId,
            connectionId: job.connectionId,
            type: "job.status_changed",
            data: {
              jobId: job.id,
              externalId: job.externalId,
              status: next.status,
              violations: next.status === "removed" ? [] : publicViolations(job),
              portalUrl: `${env().publicUrl}/jobs/${job.id}`,
            },
          },
        ]);
      }
    }
    await writeModeration(tx, job, adminUserId, input.note, next, now);
    await recordAudit(tx, {
      orgId: job.orgId,
      actorUserId: adminUserId,
      action: AUDIT_CODES[input.action],
      targetType: "job",
      targetId: job.id,
      detail: { reason: input.note, from: job.status, to: next.status, matchingRestricted: next.restricted },
    });
    return { orgId: job.orgId, status: next.status, matchingRestricted: next.restricted };
  });
}

/** Corrects a job's salary or brand (an ATS update may bring its own values again), with a note. */
export async function adjustJob(db: Database, adminUserId: string, input: JobAdjustment) {
  if (!input.salary && input.brandName === undefined)
    throw new AppError("invalid_input", "Change the salary or the brand.");
  if (input.salary && !(input.salary.min > 0 && input.salary.min <= input.salary.max)) {
    throw new AppError("invalid_input", "The salary's minimum must be positive and no more than its maximum.");
  }
  return db.transaction(async (tx) => {
    const job = await lockedJob(tx, input.jobId);
    const now = new Date();
    const brandKey = input.brandName === undefined ? null : normalizeText(input.brandName);
    const [brand] = brandKey
      ? await tx
          .select({ id: brands.id, name: brands.name })
          .from(brands)
          .where(and(eq(brands.orgId, job.orgId), eq(brands.nameKey, brandKey), eq(brands.isClient, false)))
      : [];
    if (input.brandName !== undefined && !brand) {
      throw new AppError("invalid_input", "That isn't one of the organisation's brands.", {
        fieldErrors: { brandName: ["Choose one of the organisation's own brands."] },
      });
    }
    const salary = input.salary
      ? {
          salaryMin: input.salary.min,
          salaryMax: input.salary.max,
          salaryCurrency: input.salary.currency.toUpperCase(),
          salaryPeriod: input.salary.period,
          salarySource: "trust_safety",
        }
      : {};
    await tx
      .update(jobs)
      .set({ ...salary, ...(brand ? { brandName: brand.name, brandId: brand.id } : {}), updatedAt: now })
      .where(eq(jobs.id, job.id));
    await writeModeration(
      tx,
      job,
      adminUserId,
      input.note,
      { status: job.status as JobStatus, restricted: job.restricted ?? false },
      now,
    );
    const before = { min: job.salaryMin, max: job.salaryMax, currency: job.salaryCurrency, period: job.salaryPeriod };
    await recordAudit(tx, {
      orgId: job.orgId,
      actorUserId: adminUserId,
      action: "enforcement.job_adjusted",
      targetType: "job",
      targetId: job.id,
      detail: {
        reason: input.note,
        ...(input.salary ? { salary: { from: before, to: input.salary } } : {}),
        ...(brand ? { brand: { from: job.brandName, to: brand.name } } : {}),
      },
    });
    return { orgId: job.orgId };
  });
}
