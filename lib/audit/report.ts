// `audit:verify` and `audit:checkpoint`: check every chain (against its rows, its head and the signed
// checkpoints), describe the result in sentences, and append a checkpoint when everything holds.
import "server-only";
import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { organisations } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { PLATFORM_CHAIN } from "./chain";
import { appendCheckpoint, type ChainHead, readCheckpoints } from "./checkpoint";
import { type ChainResult, verifyChains } from "./verify";

export type AuditCheck = { ok: boolean; lines: string[]; results: ChainResult[] };

async function chainNames(db: Database, results: readonly ChainResult[]) {
  const ids = results.map((r) => r.chain).filter(isUuid);
  const rows = ids.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, ids))
    : [];
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (chain: string) =>
    chain === PLATFORM_CHAIN ? "the platform chain" : `${names.get(chain) ?? "a deleted organisation"} (${chain})`;
}

/** Verifies every chain against the checkpoint file; `ok` only when every chain and checkpoint line holds. */
export async function checkAudit(db: Database, file?: string): Promise<AuditCheck> {
  const checkpoints = readCheckpoints(file);
  const results = await verifyChains(db, checkpoints.checkpoints);
  const name = await chainNames(db, results);
  const lines = results.map(({ chain, head, problem }) =>
    problem
      ? `BROKEN ${name(chain)}: entry #${problem.position}${problem.entryId ? ` (id ${problem.entryId}, ${problem.action}, ${problem.createdAt})` : ""}: ${problem.reason}.`
      : `ok     ${name(chain)}: ${head.entries} ${head.entries === 1 ? "entry" : "entries"}.`,
  );
  lines.push(
    checkpoints.checkpoints.length > 0
      ? `Compared with ${checkpoints.checkpoints.length} signed checkpoint(s) in ${checkpoints.path}.`
      : `No checkpoint in ${checkpoints.path} yet: run npm run audit:checkpoint so a rewritten chain can be caught.`,
    ...checkpoints.problems.map((p) => `BROKEN checkpoint file: ${p}.`),
  );
  const ok = results.every((r) => r.problem === null) && checkpoints.problems.length === 0;
  return { ok, lines, results };
}

/** Verifies, then (only if everything holds) appends a signed checkpoint of every chain's head. */
export async function checkpointAudit(db: Database, file?: string): Promise<AuditCheck> {
  const check = await checkAudit(db, file);
  if (!check.ok) return { ...check, lines: [...check.lines, "No checkpoint written: the audit log doesn't verify."] };
  const heads: Record<string, ChainHead> = Object.fromEntries(check.results.map((r) => [r.chain, r.head]));
  const written = appendCheckpoint(heads, file);
  return {
    ...check,
    lines: [...check.lines, `Checkpoint of ${check.results.length} chain(s) written at ${written.writtenAt}.`],
  };
}
