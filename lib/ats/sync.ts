// Pull sync: read the ATS's public job board, run every job through the same path as webhooks,
// and close jobs that have disappeared from the board. Progress is written as it goes.
import "server-only";
import { and, count, eq, isNotNull, lt, notInArray, or, sql } from "drizzle-orm";
import { type Database, resultRows } from "@/db/client";
import { atsConnections, jobEvents, jobs, organisations, syncRuns } from "@/db/schema";
import { BoardError, fetchBoardJobs } from "@/lib/ats/boards";
import { type ConnectionContext, loadConnectionContext } from "@/lib/ats/connection-context";
import type { BoardProvider, FetchJson, NormalizedJob } from "@/lib/ats/normalized-job";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { ingestJob } from "@/lib/jobs/ingest";
import { cleanDeep, cleanExternalId } from "@/lib/jobs/text";
import { log } from "@/lib/log";
import { guardedFetch } from "@/lib/net/guarded-fetch";
import { targetPolicy } from "@/lib/net/target-policy";

const STALE_AFTER_MS = 10 * 60 * 1000;
const REQUEST = { maxBytes: 5 * 1024 * 1024, maxRedirects: 3 };
const DEFAULT_TIMEOUT_MS = 15_000;

export type StartedSync = { runId: string; alreadyRunning: boolean };

/** Opens a run unless one is already running for the connection (a run silent for 10 minutes is abandoned). */
export async function startSyncRun(
  db: Database,
  connection: { id: string; orgId: string },
  trigger: "manual" | "schedule",
): Promise<StartedSync> {
  const now = new Date();
  await db
    .update(syncRuns)
    .set({
      status: "failed",
      error: "The sync was interrupted (the server stopped) and has been abandoned.",
      finishedAt: now,
    })
    .where(
      and(
        eq(syncRuns.connectionId, connection.id),
        eq(syncRuns.status, "running"),
        lt(syncRuns.heartbeatAt, new Date(now.getTime() - STALE_AFTER_MS)),
      ),
    );
  const [created] = await db
    .insert(syncRuns)
    .values({ connectionId: connection.id, orgId: connection.orgId, trigger })
    .onConflictDoNothing({ target: syncRuns.connectionId, where: sql`${syncRuns.status} = 'running'` })
    .returning({ id: syncRuns.id });
  if (created) return { runId: created.id, alreadyRunning: false };
  const [running] = await db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(and(eq(syncRuns.connectionId, connection.id), eq(syncRuns.status, "running")));
  // The run that was in the way finished in between: try again.
  if (!running) return startSyncRun(db, connection, trigger);
  return { runId: running.id, alreadyRunning: true };
}

function boardFetcher(db: Database, runId: string, timeoutMs: number): FetchJson {
  return async (url) => {
    const response = await guardedFetch(url, {
      ...REQUEST,
      timeoutMs,
      ...targetPolicy(),
      headers: { accept: "application/json" },
    });
    await db
      .update(syncRuns)
      .set({ pagesFetched: sql`${syncRuns.pagesFetched} + 1`, heartbeatAt: new Date() })
      .where(eq(syncRuns.id, runId));
    if (response.status !== 200) throw new AppError("upstream_failed", `The job board answered ${response.status}.`);
    try {
      return JSON.parse(response.body.toString("utf8"));
    } catch {
      throw new AppError("upstream_failed", "The job board's answer isn't valid JSON.");
    }
  };
}

async function ingestAll(db: Database, conn: ConnectionContext, runId: string, listed: NormalizedJob[]) {
  const source = { kind: "sync", syncRunId: runId } as const;
  for (const [index, job] of listed.entries()) {
    const work = {
      kind: "upsert",
      conn,
      job: { ...job, status: job.status ?? "open" },
      source,
      now: new Date(),
    } as const;
    await db.transaction((tx) => ingestJob(tx, work));
    if (index % 10 === 9) {
      await db
        .update(syncRuns)
        .set({ jobsSeen: index + 1, heartbeatAt: new Date() })
        .where(eq(syncRuns.id, runId));
    }
  }
}

/** Jobs the board showed before and doesn't show now are closed. */
async function closeVanished(
  db: Database,
  conn: ConnectionContext,
  runId: string,
  listedIds: string[],
): Promise<number> {
  const gone = await db
    .select({ externalId: jobs.externalId })
    .from(jobs)
    .where(
      and(
        eq(jobs.connectionId, conn.id),
        isNotNull(jobs.boardSeenAt),
        notInArray(jobs.status, ["closed", "removed"]),
        listedIds.length ? notInArray(jobs.externalId, listedIds) : undefined,
      ),
    );
  for (const { externalId } of gone) {
    const source = { kind: "sync", syncRunId: runId } as const;
    await db.transaction((tx) => ingestJob(tx, { kind: "close", conn, externalId, source, now: new Date() }));
  }
  return gone.length;
}

async function changedCount(db: Database, runId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(jobEvents)
    .where(
      and(
        eq(jobEvents.syncRunId, runId),
        or(sql`${jobEvents.fromStatus} is null`, sql`${jobEvents.fromStatus} <> ${jobEvents.toStatus}`),
      ),
    );
  return row?.n ?? 0;
}

/** A sentence for the connection page: ours and the board parsers' messages; nothing from a database error. */
function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (isDatabaseUnavailable(error)) return "The database was unavailable during the sync; it will be retried.";
  if (error instanceof BoardError) return error.message.slice(0, 300);
  return "The sync failed unexpectedly; it has been logged.";
}

/** Runs one sync to completion. Never throws: failures are recorded on the run. */
export async function runSync(
  db: Database,
  runId: string,
  connectionId: string,
  { timeoutMs = DEFAULT_TIMEOUT_MS } = {},
): Promise<void> {
  try {
    const conn = await loadConnectionContext(db, connectionId);
    if (!conn?.boardToken || conn.provider === "generic")
      throw new AppError("invalid_input", "This connection has no job board to sync.");
    const board = { provider: conn.provider as BoardProvider, token: conn.boardToken, baseUrl: conn.boardBaseUrl };
    const { jobs: fetched } = await fetchBoardJobs(board, boardFetcher(db, runId, timeoutMs));
    const listed = fetched.flatMap((job) => {
      const externalId = cleanExternalId(job.externalId);
      return externalId ? [{ ...cleanDeep(job), externalId }] : [];
    });
    await ingestAll(db, conn, runId, listed);
    const closed = await closeVanished(
      db,
      conn,
      runId,
      listed.map((j) => j.externalId),
    );
    await db
      .update(syncRuns)
      .set({
        status: "succeeded",
        jobsSeen: listed.length,
        jobsClosed: closed,
        jobsChanged: await changedCount(db, runId),
        finishedAt: new Date(),
      })
      .where(eq(syncRuns.id, runId));
  } catch (error) {
    log.warn("sync.failed", { runId, connectionId, error });
    await db
      .update(syncRuns)
      .set({ status: "failed", error: failureMessage(error), finishedAt: new Date() })
      .where(eq(syncRuns.id, runId))
      .catch((e: unknown) => log.error("sync.record_failed", { runId, error: e }));
  }
}

/** Claims connections whose sync is due (SKIP LOCKED, so several workers share the work) and runs them. */
export async function runDueSyncs(db: Database, limit = 5): Promise<number> {
  const due = await db.execute(sql`
    update ${atsConnections}
       set next_sync_at = now() + make_interval(mins => sync_interval_minutes)
     where id in (
       select c.id from ${atsConnections} c
         join ${organisations} o on o.id = c.org_id and o.standing = 'active'
        where c.status = 'active' and c.board_token is not null and c.next_sync_at <= now()
        order by c.next_sync_at
        limit ${limit}
        for update of c skip locked)
    returning id, org_id`);
  const rows = resultRows<{ id: string; org_id: string }>(due);
  for (const row of rows) {
    const { runId, alreadyRunning } = await startSyncRun(db, { id: row.id, orgId: row.org_id }, "schedule");
    if (!alreadyRunning) await runSync(db, runId, row.id);
  }
  return rows.length;
}

/** "Sync now" from the portal: checks the connection belongs to the organisation and can sync. */
export async function requestSync(db: Database, orgId: string, connectionId: string): Promise<StartedSync> {
  const [connection] = await db
    .select({ id: atsConnections.id, status: atsConnections.status, boardToken: atsConnections.boardToken })
    .from(atsConnections)
    .where(and(eq(atsConnections.id, connectionId), eq(atsConnections.orgId, orgId)));
  if (!connection) throw new AppError("not_found");
  if (!connection.boardToken) throw new AppError("invalid_input", "This connection has no job board to sync.");
  if (connection.status !== "active") throw new AppError("invalid_input", "Activate the connection before syncing it.");
  return startSyncRun(db, { id: connection.id, orgId }, "manual");
}
