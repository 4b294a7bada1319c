// What the posting rules need to know beyond the job itself, read in as few round trips as possible.
import "server-only";
import { and, count, eq, max, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobEvents, jobs } from "@/db/schema";
import type { ConnectionContext } from "@/lib/ats/connection-context";
import { POSTING_RULES, type RuleContext, type RuleJob } from "@/lib/posting-rules";
import type { MergedJob, StoredJob } from "./merge";

const DAY = 86_400_000;

async function loadTwins(tx: Database, orgId: string, titleKey: string, selfId: string | null) {
  const rows = await tx
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
    .where(
      and(
        eq(jobs.orgId, orgId),
        eq(jobs.status, "active"),
        eq(jobs.titleKey, titleKey),
        selfId ? ne(jobs.id, selfId) : undefined,
      ),
    )
    .limit(50);
  return rows.map((t) => ({
    id: t.id,
    locationKey: t.locationKey,
    descriptionHash: t.descriptionHash,
    salary:
      t.min !== null && t.max !== null && t.currency && t.period
        ? { min: t.min, max: t.max, currency: t.currency, period: t.period }
        : null,
  }));
}

/**
 * When this job (or a job with the same fingerprint) was last taken down after being live, and how
 * often within the farming window. Closing a job that was never published doesn't count.
 */
async function closureHistory(tx: Database, orgId: string, fingerprint: string, selfId: string | null, now: Date) {
  const sameJob = selfId
    ? or(eq(jobs.id, selfId), eq(jobs.fingerprint, fingerprint))
    : eq(jobs.fingerprint, fingerprint);
  const windowStart = new Date(now.getTime() - POSTING_RULES.repost.farmingWindowDays * DAY).toISOString();
  const [row] = await tx
    .select({
      lastClosedAt: max(jobEvents.createdAt),
      closuresInWindow: count(sql`case when ${jobEvents.createdAt} > ${windowStart}::timestamptz then 1 end`),
    })
    .from(jobEvents)
    .innerJoin(jobs, eq(jobs.id, jobEvents.jobId))
    .where(and(eq(jobs.orgId, orgId), sameJob, eq(jobEvents.kind, "closed"), eq(jobEvents.fromStatus, "active")));
  return { isRepost: true, lastClosedAt: row?.lastClosedAt ?? null, closuresInWindow: row?.closuresInWindow ?? 0 };
}

function connectionHosts(conn: ConnectionContext): string[] {
  if (!conn.boardBaseUrl) return [];
  try {
    return [new URL(conn.boardBaseUrl).hostname];
  } catch {
    return [];
  }
}

/** Serialises jobs of one organisation with the same title, so two copies can't both go live at once. */
function lockTitle(tx: Database, orgId: string, titleKey: string) {
  return tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`title:${orgId}:${titleKey}`}, 0))`);
}

/**
 * Twins and closure history, read together in one round trip after the title's lock. Anything not
 * live now (new, closed, or held back) is coming onto the board, so its reposting history counts.
 */
export async function loadRuleContext(
  tx: Database,
  conn: ConnectionContext,
  merged: MergedJob,
  stored: StoredJob | null,
  now: Date,
): Promise<RuleContext> {
  const isRepost = stored?.status !== "active";
  const locked = lockTitle(tx, conn.orgId, merged.titleKey).then(() => undefined);
  const [, activeTwins, reposting] = await Promise.all([
    locked,
    loadTwins(tx, conn.orgId, merged.titleKey, stored?.id ?? null),
    isRepost
      ? closureHistory(tx, conn.orgId, merged.fingerprint, stored?.id ?? null, now)
      : { isRepost: false, lastClosedAt: null, closuresInWindow: 0 },
  ]);
  return {
    org: conn.org,
    brands: conn.brands,
    source: { provider: conn.provider, boardToken: conn.boardToken, boardHosts: connectionHosts(conn) },
    activeTwins,
    reposting,
    now,
  };
}

export function ruleJobOf(merged: MergedJob): RuleJob {
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
