// What the posting rules need to know beyond the job itself, for any number of jobs at once, in one
// round trip: active jobs with the same titles, and closure histories. The facts are keyed by what
// the incoming event says (title, fingerprint, ATS id), so they can be read together with the
// stored jobs themselves; the caller holds the titles' locks (`titleLockKey`) before reading.
import "server-only";
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "@/db/client";
import type { ConnectionContext } from "@/lib/ats/connection-context";
import { type ActiveTwin, POSTING_RULES, type RuleContext, type RuleJob } from "@/lib/posting-rules";
import type { MergedJob, StoredJob } from "./merge";

const DAY = 86_400_000;
/** At most this many twins per title are read: enough to judge, bounded whatever the data. */
const TWINS_PER_TITLE = 50;

/** Which facts to read for one job: its organisation, ATS id, normalised title and fingerprint. */
export type FactKey = { conn: ConnectionContext; externalId: string; titleKey: string; fingerprint: string; now: Date };

/** The facts for the keys, in order, turned into each job's rule context once its stored row is known. */
export type RuleFacts = (index: number, stored: StoredJob | null) => RuleContext;

/** Serialises jobs of one organisation with the same title, so two copies can't both go live at once. */
export const titleLockKey = (orgId: string, titleKey: string) => `title:${orgId}:${titleKey}`;

export const factKeyOf = (conn: ConnectionContext, externalId: string, merged: MergedJob, now: Date): FactKey => ({
  conn,
  externalId,
  titleKey: merged.titleKey,
  fingerprint: merged.fingerprint,
  now,
});

type TwinRow = {
  org_id: string;
  title_key: string;
  id: string;
  location_key: string;
  salary_min: number | string | null;
  salary_max: number | string | null;
  salary_currency: string | null;
  salary_period: string | null;
  description_hash: string | null;
};

const titleOf = (k: FactKey) => JSON.stringify([k.conn.orgId, k.titleKey]);

function twinOf(t: TwinRow): ActiveTwin {
  const min = t.salary_min === null ? null : Number(t.salary_min);
  const max = t.salary_max === null ? null : Number(t.salary_max);
  return {
    id: t.id,
    locationKey: t.location_key,
    descriptionHash: t.description_hash === null ? null : BigInt(t.description_hash),
    salary:
      min !== null && max !== null && t.salary_currency && t.salary_period
        ? { min, max, currency: t.salary_currency, period: t.salary_period }
        : null,
  };
}

/** Active jobs by organisation and title (a few more than needed, so the job itself can be left out). */
function readTwins(tx: Database, keys: readonly FactKey[]): Promise<Map<string, ActiveTwin[]>> {
  const titles = new Map(keys.map((k) => [titleOf(k), { org_id: k.conn.orgId, title_key: k.titleKey }]));
  return tx
    .execute(sql`select k.org_id, k.title_key, t.*
      from jsonb_to_recordset(${JSON.stringify([...titles.values()])}::jsonb) as k(org_id uuid, title_key text)
      cross join lateral (
        select j.id, j.location_key, j.salary_min, j.salary_max, j.salary_currency, j.salary_period,
               j.description_hash::text as description_hash
          from jobs j
         where j.org_id = k.org_id and j.status = 'active' and j.title_key = k.title_key
         limit ${TWINS_PER_TITLE + 1}) as t`)
    .then((result) => {
      const byTitle = new Map<string, ActiveTwin[]>();
      for (const row of resultRows<TwinRow>(result)) {
        const key = JSON.stringify([row.org_id, row.title_key]);
        byTitle.set(key, [...(byTitle.get(key) ?? []), twinOf(row)]);
      }
      return byTitle;
    });
}

type HistoryRow = { i: number; last_closed_at: string | Date | null; closures: number | string };

/**
 * When each job (or a job with the same fingerprint) was last taken down after being live, and how
 * often within the farming window. Closing a job that was never published doesn't count.
 */
function readHistories(tx: Database, keys: readonly FactKey[]): Promise<Map<number, RuleContext["reposting"]>> {
  const rows = keys.map((k, i) => ({
    i,
    org_id: k.conn.orgId,
    connection_id: k.conn.id,
    external_id: k.externalId,
    fingerprint: k.fingerprint,
    window_start: new Date(k.now.getTime() - POSTING_RULES.repost.farmingWindowDays * DAY).toISOString(),
  }));
  // Each step is a lookup per key that only one index can serve, so a plan made while the tables
  // were still empty stays fast as they grow: the fingerprint subquery's `offset 0` keeps the
  // organisation out of it (else the organisation's index may be chosen and scanned whole), an
  // ATS id names its connection and so its organisation, and closures are read per job.
  return tx
    .execute(sql`select k.i, max(e.created_at) as last_closed_at,
             count(*) filter (where e.created_at > k.window_start)::int as closures
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
             as k(i int, org_id uuid, connection_id uuid, external_id text, fingerprint text, window_start timestamptz)
        cross join lateral (
          select f.id from (select j.id, j.org_id from jobs j where j.fingerprint = k.fingerprint offset 0) as f
           where f.org_id = k.org_id
          union
          select j.id from jobs j where j.connection_id = k.connection_id and j.external_id = k.external_id) as j
        cross join lateral (
          select e.created_at from job_events e
           where e.job_id = j.id and e.kind = 'closed' and e.from_status = 'active' offset 0) as e
       group by k.i, k.window_start`)
    .then((result) => {
      const found = new Map<number, RuleContext["reposting"]>();
      for (const row of resultRows<HistoryRow>(result)) {
        found.set(Number(row.i), {
          isRepost: true,
          lastClosedAt: row.last_closed_at === null ? null : new Date(row.last_closed_at),
          closuresInWindow: Number(row.closures),
        });
      }
      return found;
    });
}

function connectionHosts(conn: ConnectionContext): string[] {
  if (!conn.boardBaseUrl) return [];
  try {
    return [new URL(conn.boardBaseUrl).hostname];
  } catch {
    return [];
  }
}

/**
 * Reads the facts for the keys; both statements are sent at once, so when the titles' locks were
 * requested just before on the same transaction, the reads see whatever a concurrent copy committed.
 * A job live now isn't coming onto the board, so its reposting history doesn't count.
 */
export async function readRuleFacts(tx: Database, keys: readonly FactKey[]): Promise<RuleFacts> {
  if (keys.length === 0) {
    return () => {
      throw new Error("No rule facts were read.");
    };
  }
  const [twins, histories] = await Promise.all([readTwins(tx, keys), readHistories(tx, keys)]);
  return (index, stored) => {
    const key = keys[index] as FactKey;
    const activeTwins = (twins.get(titleOf(key)) ?? []).filter((t) => t.id !== stored?.id).slice(0, TWINS_PER_TITLE);
    const reposting =
      stored?.status === "active"
        ? { isRepost: false, lastClosedAt: null, closuresInWindow: 0 }
        : (histories.get(index) ?? { isRepost: true, lastClosedAt: null, closuresInWindow: 0 });
    return {
      org: key.conn.org,
      brands: key.conn.brands,
      source: { provider: key.conn.provider, boardToken: key.conn.boardToken, boardHosts: connectionHosts(key.conn) },
      activeTwins,
      reposting,
      now: key.now,
    };
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
