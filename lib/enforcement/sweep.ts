// Signals read from stored activity, evaluated by the background worker every few minutes: repost
// farming, posting under brands not the organisation's, many access requests with few approvals,
// and jobs arriving on a connection that carry a banned organisation's ATS identifiers.
import "server-only";
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "@/db/client";
import { ABUSE_SIGNALS } from "./config";
import { dayOf, type NewFlag, raiseFlag } from "./flags";
import { atsJobIdentifier, present, tenantFromUrl } from "./identifiers";
import { screenConnectionIdentifiers } from "./screening";

const HOUR = 3_600_000;

/** Raises (or refreshes) a sweep's flag atomically with its audit entry. */
const raise = (db: Database, flag: Omit<NewFlag, "source" | "countsRepeats">) =>
  db.transaction((tx) => raiseFlag(tx, { ...flag, source: "signal", countsRepeats: false }));

type Counted = { org_id: string; n: number };

/** Organisations with at least `min` job events in the window whose kind or violations match. */
async function countJobEvents(db: Database, since: Date, min: number, match: ReturnType<typeof sql>) {
  return resultRows<Counted>(
    await db.execute(sql`
      select org_id, count(*)::int as n from job_events
       where created_at > ${since.toISOString()}::timestamptz and (${match})
       group by org_id having count(*) >= ${min}::int`),
  );
}

const hasViolation = (...codes: string[]) =>
  sql.join(
    codes.map((code) => sql`violations @> ${JSON.stringify([{ code }])}::jsonb`),
    sql` or `,
  );

async function repostFarming(db: Database, now: Date): Promise<number> {
  const { windowHours, minEvents } = ABUSE_SIGNALS.repostFarming;
  const rows = await countJobEvents(
    db,
    new Date(now.getTime() - windowHours * HOUR),
    minEvents,
    sql`kind = 'reopened' or ${hasViolation("repost.cooldown", "repost.farming")}`,
  );
  for (const row of rows) {
    await raise(db, {
      kind: "repost_farming",
      orgId: row.org_id,
      subjectType: "organisation",
      subjectId: row.org_id,
      summary: `${row.n} jobs brought back after a takedown, or refused for reposting, within ${windowHours} hours.`,
      evidence: { events: row.n, threshold: minEvents, windowHours },
      dedupeKey: `repost_farming:${row.org_id}:${dayOf(now)}`,
    });
  }
  return rows.length;
}

async function foreignBrand(db: Database, now: Date): Promise<number> {
  const { windowHours, minAttempts } = ABUSE_SIGNALS.foreignBrand;
  const rows = await countJobEvents(
    db,
    new Date(now.getTime() - windowHours * HOUR),
    minAttempts,
    hasViolation("brand.unverified", "brand.multiple"),
  );
  for (const row of rows) {
    await raise(db, {
      kind: "foreign_brand",
      orgId: row.org_id,
      subjectType: "organisation",
      subjectId: row.org_id,
      summary: `${row.n} jobs posted under a brand the organisation may not publish under, within ${windowHours} hours.`,
      evidence: { attempts: row.n, threshold: minAttempts, windowHours },
      dedupeKey: `foreign_brand:${row.org_id}:${dayOf(now)}`,
    });
  }
  return rows.length;
}

async function lowApproval(db: Database, now: Date): Promise<number> {
  const { windowDays, minDecided, maxApprovalRate } = ABUSE_SIGNALS.lowApproval;
  const rows = resultRows<{ org_id: string; decided: number; approved: number }>(
    await db.execute(sql`
      select org_id, count(*)::int as decided,
             count(*) filter (where status in ('approved', 'revoked', 'lapsed'))::int as approved
        from access_requests
       where created_at > ${new Date(now.getTime() - windowDays * 24 * HOUR).toISOString()}::timestamptz
         and status in ('approved', 'revoked', 'lapsed', 'declined', 'expired')
       group by org_id
      having count(*) >= ${minDecided}::int
         and count(*) filter (where status in ('approved', 'revoked', 'lapsed')) <= ${maxApprovalRate}::float8 * count(*)`),
  );
  for (const row of rows) {
    await raise(db, {
      kind: "low_approval",
      orgId: row.org_id,
      subjectType: "organisation",
      subjectId: row.org_id,
      summary: `Only ${row.approved} of ${row.decided} access requests approved in ${windowDays} days.`,
      evidence: { ...row, threshold: maxApprovalRate, windowDays },
      dedupeKey: `low_approval:${row.org_id}:${dayOf(now)}`,
    });
  }
  return rows.length;
}

/** Jobs received in the last day on connections still open whose ATS ids or board URLs are a banned organisation's. */
async function bannedTenants(db: Database, now: Date): Promise<number> {
  const rows = resultRows<{
    org_id: string;
    connection_id: string;
    provider: string;
    external_id: string;
    apply_url: string | null;
  }>(
    await db.execute(sql`
      select j.org_id, j.connection_id, c.provider, j.external_id, j.apply_url
        from job_events e
        join jobs j on j.id = e.job_id
        join ats_connections c on c.id = j.connection_id
       where e.created_at > ${new Date(now.getTime() - 24 * HOUR).toISOString()}::timestamptz
         and e.kind = 'received' and c.status <> 'disabled'`),
  );
  const byConnection = new Map<string, { orgId: string; ids: ReturnType<typeof present> }>();
  for (const row of rows) {
    const entry = byConnection.get(row.connection_id) ?? { orgId: row.org_id, ids: [] };
    entry.ids.push(...present([atsJobIdentifier(row.provider, row.external_id), tenantFromUrl(row.apply_url)]));
    byConnection.set(row.connection_id, entry);
  }
  let held = 0;
  for (const [connectionId, { orgId, ids }] of byConnection) {
    const screening = await db.transaction((tx) =>
      screenConnectionIdentifiers(tx, { orgId, connectionId, identifiers: present(ids) }, now),
    );
    if (screening.held) held += 1;
  }
  return held;
}

export type SweepResult = { repostFarming: number; foreignBrand: number; lowApproval: number; bannedTenants: number };

/** Evaluates the stored-activity signals once; flags already raised today only count an occurrence. */
export async function evaluateSignals(db: Database, now = new Date()): Promise<SweepResult> {
  return {
    repostFarming: await repostFarming(db, now),
    foreignBrand: await foreignBrand(db, now),
    lowApproval: await lowApproval(db, now),
    bannedTenants: await bannedTenants(db, now),
  };
}
