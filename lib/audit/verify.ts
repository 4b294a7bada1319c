// Re-computes every chain from its rows and compares it with its head row and the signed checkpoints.
import "server-only";
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "@/db/client";
import { chainOf, entryBody, entryHash, GENESIS, PLATFORM_CHAIN, UTC_TEXT_FORMAT } from "./chain";
import type { ChainHead, Checkpoint } from "./checkpoint";

export type ChainProblem = {
  /** 1-based position of the first entry that doesn't hold. */
  position: number;
  entryId: number | null;
  action: string | null;
  createdAt: string | null;
  reason: string;
};
export type ChainResult = { chain: string; head: ChainHead; problem: ChainProblem | null };

type Row = {
  id: number;
  org_id: string | null;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: Record<string, unknown> | string;
  created_at: string;
  prev_hash: string;
  hash: string;
};

const PAGE = 2_000;

function readPage(db: Database, chain: string, afterId: number) {
  const where = chain === PLATFORM_CHAIN ? sql`org_id is null` : sql`org_id = ${chain}::uuid`;
  return db
    .execute(sql`
      select id::int as id, org_id, actor_user_id, action, target_type, target_id, detail,
             to_char(created_at at time zone 'UTC', ${sql.raw(UTC_TEXT_FORMAT)}) as created_at, prev_hash, hash
        from audit_log where ${where} and id > ${afterId} order by id limit ${PAGE}`)
    .then((r) => resultRows<Row>(r));
}

const problemAt = (position: number, row: Row | undefined, reason: string): ChainProblem => ({
  position,
  entryId: row?.id ?? null,
  action: row?.action ?? null,
  createdAt: row?.created_at ?? null,
  reason,
});

/** Walks one chain: the first entry whose link or hash is wrong, and the hashes at the positions asked for. */
async function walk(db: Database, chain: string, positions: ReadonlySet<number>) {
  const hashes = new Map<number, { hash: string; row: Row }>();
  let prev = GENESIS;
  let count = 0;
  let lastId: number | null = null;
  let broken: ChainProblem | null = null;
  for (let page = await readPage(db, chain, 0); page.length > 0; page = await readPage(db, chain, lastId ?? 0)) {
    for (const row of page) {
      count += 1;
      lastId = row.id;
      const detail = typeof row.detail === "string" ? JSON.parse(row.detail) : row.detail;
      const body = entryBody({
        orgId: row.org_id,
        actorUserId: row.actor_user_id,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        detail,
        createdAt: row.created_at,
      });
      if (!broken && row.prev_hash !== prev)
        broken = problemAt(count, row, "its link to the entry before it is broken");
      else if (!broken && row.hash !== entryHash(prev, body))
        broken = problemAt(count, row, "its content no longer matches its hash");
      if (positions.has(count)) hashes.set(count, { hash: row.hash, row });
      prev = row.hash;
    }
  }
  return { head: { entries: count, lastId, hash: prev }, broken, hashes };
}

function againstCheckpoints(
  chain: string,
  walked: Awaited<ReturnType<typeof walk>>,
  checkpoints: readonly Checkpoint[],
): ChainProblem | null {
  let lastGood: Checkpoint | null = null;
  for (const checkpoint of [...checkpoints].sort(
    (a, b) => (a.chains[chain]?.entries ?? 0) - (b.chains[chain]?.entries ?? 0),
  )) {
    const signed = checkpoint.chains[chain];
    if (!signed || signed.entries === 0) continue;
    if (walked.head.entries < signed.entries) {
      return problemAt(
        walked.head.entries + 1,
        undefined,
        `entries are missing: the checkpoint of ${checkpoint.writtenAt} signed ${signed.entries}, the log has ${walked.head.entries}`,
      );
    }
    const found = walked.hashes.get(signed.entries);
    if (found?.hash !== signed.hash) {
      const since = lastGood
        ? ` (entries up to #${lastGood.chains[chain]?.entries} still match the checkpoint of ${lastGood.writtenAt})`
        : "";
      return problemAt(
        signed.entries,
        found?.row,
        `the chain was rewritten at or before this entry: it doesn't match the checkpoint of ${checkpoint.writtenAt}${since}`,
      );
    }
    lastGood = checkpoint;
  }
  return null;
}

function againstHead(walked: Awaited<ReturnType<typeof walk>>, stored: { entries: number; hash: string } | undefined) {
  if (!stored) return walked.head.entries === 0 ? null : problemAt(1, undefined, "the chain has no head row");
  if (stored.entries === walked.head.entries && stored.hash === walked.head.hash) return null;
  return problemAt(
    Math.min(stored.entries, walked.head.entries) + 1,
    undefined,
    `the head row says ${stored.entries} entries, the log has ${walked.head.entries}: entries were removed or added around the chain`,
  );
}

const earliest = (...problems: (ChainProblem | null)[]) =>
  problems.filter((p): p is ChainProblem => p !== null).sort((a, b) => a.position - b.position)[0] ?? null;

async function chainsToCheck(db: Database, checkpoints: readonly Checkpoint[]) {
  const heads = resultRows<{ chain: string; entries: number; hash: string }>(
    await db.execute(sql`select chain, entries::int as entries, hash from audit_heads`),
  );
  const logged = resultRows<{ chain: string }>(
    await db.execute(sql`select distinct coalesce(org_id::text, ${PLATFORM_CHAIN}) as chain from audit_log`),
  );
  const names = new Set([...heads.map((h) => h.chain), ...logged.map((l) => l.chain)]);
  for (const checkpoint of checkpoints) for (const chain of Object.keys(checkpoint.chains)) names.add(chain);
  return { names: [...names].sort(), heads: new Map(heads.map((h) => [h.chain, h])) };
}

/** Checks every chain; the platform chain first, then organisations by id. */
export async function verifyChains(db: Database, checkpoints: readonly Checkpoint[] = []): Promise<ChainResult[]> {
  const { names, heads } = await chainsToCheck(db, checkpoints);
  const ordered = [PLATFORM_CHAIN, ...names.filter((n) => n !== PLATFORM_CHAIN)].filter((n) => names.includes(n));
  const results: ChainResult[] = [];
  for (const chain of ordered) {
    const positions = new Set(checkpoints.flatMap((c) => (c.chains[chain] ? [c.chains[chain].entries] : [])));
    const walked = await walk(db, chain, positions);
    const problem = earliest(
      walked.broken,
      againstCheckpoints(chain, walked, checkpoints),
      againstHead(walked, heads.get(chain)),
    );
    results.push({ chain, head: walked.head, problem });
  }
  return results;
}

/** One chain's first broken entry id (or its position's id), or null when it holds. */
export async function verifyAuditChain(db: Database, orgId: string | null): Promise<number | null> {
  const walked = await walk(db, chainOf(orgId), new Set());
  return walked.broken?.entryId ?? null;
}
