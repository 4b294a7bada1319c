// Reading an organisation's credits: the balance and its ledger.
import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { creditLedger, organisations } from "@/db/schema";

export type CreditLedgerRow = {
  id: string;
  kind: string;
  delta: number;
  balanceAfter: number;
  note: string | null;
  createdAt: Date;
};

export async function getCredits(db: Database, orgId: string): Promise<{ balance: number; ledger: CreditLedgerRow[] }> {
  const [org] = await db
    .select({ balance: organisations.creditBalance })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  const ledger = await db
    .select({
      id: creditLedger.id,
      kind: creditLedger.kind,
      delta: creditLedger.delta,
      balanceAfter: creditLedger.balanceAfter,
      note: creditLedger.note,
      createdAt: creditLedger.createdAt,
    })
    .from(creditLedger)
    .where(eq(creditLedger.orgId, orgId))
    .orderBy(desc(creditLedger.createdAt))
    .limit(200);
  return { balance: org?.balance ?? 0, ledger };
}
