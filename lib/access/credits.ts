// An organisation's credits: the balance, what open requests hold, the ledger, and grants by trust & safety.
import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { creditLedger, organisations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { applyMovement, findMovement } from "./ledger";

export type CreditLedgerRow = {
  id: string;
  kind: string;
  delta: number;
  heldDelta: number;
  balanceAfter: number;
  heldAfter: number;
  accessRequestId: string | null;
  note: string | null;
  createdAt: Date;
};

export type Credits = { balance: number; held: number; ledger: CreditLedgerRow[] };

export async function getCredits(db: Database, orgId: string, limit = 200): Promise<Credits> {
  const [org] = await db
    .select({ balance: organisations.creditBalance, held: organisations.creditsHeld })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  const ledger = await db
    .select({
      id: creditLedger.id,
      kind: creditLedger.kind,
      delta: creditLedger.delta,
      heldDelta: creditLedger.heldDelta,
      balanceAfter: creditLedger.balanceAfter,
      heldAfter: creditLedger.heldAfter,
      accessRequestId: creditLedger.accessRequestId,
      note: creditLedger.note,
      createdAt: creditLedger.createdAt,
    })
    .from(creditLedger)
    .where(eq(creditLedger.orgId, orgId))
    .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id))
    .limit(limit);
  return { balance: org?.balance ?? 0, held: org?.held ?? 0, ledger };
}

export type Grant = {
  orgId: string;
  amount: number;
  idempotencyKey: string;
  actorUserId: string | null;
  note: string;
  /** When it happened, for the demo's history; now if not given. */
  at?: Date;
};

/** Adds credits to an organisation (trust & safety, or the demo seed). Repeating a key changes nothing. */
export async function grantCredits(db: Database, grant: Grant): Promise<{ balance: number; duplicate: boolean }> {
  if (!Number.isInteger(grant.amount) || grant.amount <= 0 || grant.amount > 1_000_000) {
    throw new AppError("invalid_input", "Grant a whole number of credits between 1 and 1,000,000.");
  }
  const key = `grant:${grant.idempotencyKey}`;
  const earlier = await findMovement(db, grant.orgId, key);
  if (earlier) return { balance: earlier.balanceAfter, duplicate: true };
  try {
    return await db.transaction(async (tx) => {
      const after = await applyMovement(tx, {
        orgId: grant.orgId,
        kind: "grant",
        idempotencyKey: key,
        delta: grant.amount,
        heldDelta: 0,
        actorUserId: grant.actorUserId,
        note: grant.note,
        at: grant.at,
      });
      await recordAudit(tx, {
        orgId: grant.orgId,
        actorUserId: grant.actorUserId,
        action: "credits.granted",
        targetType: "organisation",
        targetId: grant.orgId,
        detail: { amount: grant.amount, balance: after.balance },
      });
      return { balance: after.balance, duplicate: false };
    });
  } catch (error) {
    const raced = await findMovement(db, grant.orgId, key);
    if (raced) return { balance: raced.balanceAfter, duplicate: true };
    throw error;
  }
}
