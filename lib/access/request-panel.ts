// What the "Request access" panel on a Snapshot's page needs: the organisation's open request for
// that candidate (if any), its balance, the cost, and a fresh idempotency key for the form.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { getCredits } from "./credits";
import { findOpenRequestForSnapshot } from "./queries";

export type RequestPanelState = {
  snapshotId: string;
  open: { id: string; status: "requested" | "approved" } | null;
  balance: number;
  cost: number;
  idempotencyKey: string;
};

export async function requestPanelState(db: Database, orgId: string, snapshotId: string): Promise<RequestPanelState> {
  const [open, credits] = await Promise.all([
    findOpenRequestForSnapshot(db, orgId, snapshotId),
    getCredits(db, orgId, 0),
  ]);
  return {
    snapshotId,
    open: open ? { id: open.id, status: open.status === "approved" ? "approved" : "requested" } : null,
    balance: credits.balance,
    cost: env().access.cost,
    idempotencyKey: randomUUID(),
  };
}
