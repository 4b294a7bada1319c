// The credit ledger's movements. The organisation row carries the balance and the held credits,
// each with `CHECK (>= 0)`: a hold that would overdraw fails in the database, whatever the concurrency.
// Every movement has an idempotency key, unique per organisation, so it happens at most once.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { creditLedger, organisations } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type Movement = {
  orgId: string;
  kind: "grant" | "hold" | "capture" | "release" | "adjustment";
  idempotencyKey: string;
  /** Change to the free balance. */
  delta: number;
  /** Change to the held credits. */
  heldDelta: number;
  accessRequestId?: string | null;
  actorUserId?: string | null;
  note?: string | null;
  /** When it happened (the request's clock); the database's time if not given. */
  at?: Date;
};

const CHECK_VIOLATION = "23514";

export function isCheckViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const {
      code,
      constraint_name,
      constraint: c,
    } = e as { code?: string; constraint_name?: string; constraint?: string };
    if (code === CHECK_VIOLATION) return !constraint || (constraint_name ?? c) === constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Applies a movement inside the caller's transaction: one update of the organisation row (which
 * also locks it, so movements of one organisation queue up) and one ledger row. A hold beyond the
 * balance raises `insufficient_credits`; nothing is written.
 */
export async function applyMovement(tx: Database, m: Movement): Promise<{ balance: number; held: number }> {
  let row: { balance: number; held: number } | undefined;
  try {
    [row] = await tx
      .update(organisations)
      .set({
        creditBalance: sql`${organisations.creditBalance} + ${m.delta}`,
        creditsHeld: sql`${organisations.creditsHeld} + ${m.heldDelta}`,
      })
      .where(eq(organisations.id, m.orgId))
      .returning({ balance: organisations.creditBalance, held: organisations.creditsHeld });
  } catch (error) {
    if (isCheckViolation(error, "organisations_credit_balance")) throw new AppError("insufficient_credits");
    throw error;
  }
  if (!row) throw new AppError("not_found");
  await tx.insert(creditLedger).values({
    orgId: m.orgId,
    kind: m.kind,
    idempotencyKey: m.idempotencyKey,
    delta: m.delta,
    heldDelta: m.heldDelta,
    balanceAfter: row.balance,
    heldAfter: row.held,
    accessRequestId: m.accessRequestId ?? null,
    actorUserId: m.actorUserId ?? null,
    note: m.note ?? null,
    ...(m.at ? { createdAt: m.at } : {}),
  });
  return row;
}

export async function findMovement(db: Database, orgId: string, idempotencyKey: string) {
  const [row] = await db
    .select({ id: creditLedger.id, balanceAfter: creditLedger.balanceAfter, heldAfter: creditLedger.heldAfter })
    .from(creditLedger)
    .where(and(eq(creditLedger.orgId, orgId), eq(creditLedger.idempotencyKey, idempotencyKey)));
  return row ?? null;
}
