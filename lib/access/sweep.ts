// The scheduled sweep: pending requests past their expiry expire (credits released), approved
// accesses past their term lapse. One replica sweeps at a time (a transaction-scoped advisory lock
// that the others don't wait for), and each change is guarded by the state it leaves, so it happens once.
import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { resultRows } from "@/db/client";
import { accessRequests } from "@/db/schema";
import { log } from "@/lib/log";
import { moveRequest } from "./transitions";

const SWEEP_LOCK = 727_120;
const BATCH = 100;

export type SweepResult = { ran: boolean; expired: number; lapsed: number };

async function due(tx: Database, to: "expired" | "lapsed", at: Date): Promise<string[]> {
  const rows = await tx
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(
      to === "expired"
        ? and(eq(accessRequests.status, "requested"), lte(accessRequests.expiresAt, at))
        : and(eq(accessRequests.status, "approved"), lte(accessRequests.accessUntil, at)),
    )
    .orderBy(asc(to === "expired" ? accessRequests.expiresAt : accessRequests.accessUntil))
    .limit(BATCH);
  return rows.map((r) => r.id);
}

async function sweepBatch(db: Database, at: Date): Promise<SweepResult> {
  return db.transaction(async (tx) => {
    const [lock] = resultRows<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as locked`),
    );
    if (!lock?.locked) return { ran: false, expired: 0, lapsed: 0 };
    const result = { ran: true, expired: 0, lapsed: 0 };
    for (const to of ["expired", "lapsed"] as const) {
      for (const id of await due(tx, to, at)) {
        const moved = await moveRequest(tx, sql`true`, id, { to, actor: "system", actorUserId: null, at });
        if (moved) result[to] += 1;
      }
    }
    return result;
  });
}

/** Sweeps until nothing is due. `ran` is false when another replica held the sweep. */
export async function sweepAccess(db: Database, at: Date): Promise<SweepResult> {
  const total: SweepResult = { ran: false, expired: 0, lapsed: 0 };
  for (;;) {
    const batch = await sweepBatch(db, at);
    if (!batch.ran) return total;
    total.ran = true;
    total.expired += batch.expired;
    total.lapsed += batch.lapsed;
    if (batch.expired + batch.lapsed < BATCH) break;
  }
  if (total.expired + total.lapsed > 0) log.info("access.swept", { expired: total.expired, lapsed: total.lapsed });
  return total;
}
