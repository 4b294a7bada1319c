// The Access Request state machine: every change of state, with its credit movement, history row,
// `snapshot.access_changed` event and audit entry, in the caller's transaction.
import "server-only";
import { and, eq, gt, lte, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequestEvents, accessRequests, organisations } from "@/db/schema";
import type { AccessActor, AccessStatus } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit";
import { enqueueOutbound } from "@/lib/delivery/outbox";
import { env } from "@/lib/env";
import { applyMovement } from "./ledger";
import { getSnapshotById } from "./snapshot-ref";

const DAY_MS = 24 * 60 * 60 * 1000;

export type RequestRow = typeof accessRequests.$inferSelect;

type Rule = { from: AccessStatus; credits: "capture" | "release" | null; note: string };

/** Which state each state is reached from, and what happens to the held credits. */
const RULES: Record<Exclude<AccessStatus, "requested">, Rule> = {
  approved: { from: "requested", credits: "capture", note: "The candidate approved" },
  declined: { from: "requested", credits: "release", note: "The candidate declined" },
  expired: { from: "requested", credits: "release", note: "No answer in time: the request expired" },
  cancelled: { from: "requested", credits: "release", note: "The request was cancelled" },
  revoked: { from: "approved", credits: null, note: "" },
  lapsed: { from: "approved", credits: null, note: "" },
};

export type Move = {
  to: Exclude<AccessStatus, "requested">;
  actor: AccessActor;
  actorUserId: string | null;
  at: Date;
};

const anonymous = (move: Move) => (move.actor === "candidate" ? null : move.actorUserId);

function guard(move: Move): SQL {
  const { to, at } = move;
  const base = eq(accessRequests.status, RULES[to].from);
  if (to === "expired") return and(base, lte(accessRequests.expiresAt, at)) as SQL;
  if (to === "lapsed") return and(base, lte(accessRequests.accessUntil, at)) as SQL;
  if (to === "approved" || to === "declined") return and(base, gt(accessRequests.expiresAt, at)) as SQL;
  return base;
}

function changes(move: Move): Partial<RequestRow> {
  const { to, at } = move;
  if (to === "approved") {
    return { status: to, decidedAt: at, accessUntil: new Date(at.getTime() + env().access.termDays * DAY_MS) };
  }
  return { status: to, closedAt: at, ...(to === "declined" ? { decidedAt: at } : {}) };
}

export const portalUrlFor = (requestId: string) => `${env().publicUrl}/access-requests/${requestId}`;

/** Writes what every state change writes: history, the ATS event (when it has an endpoint), the audit entry. */
export async function recordChange(
  tx: Database,
  request: Pick<RequestRow, "id" | "orgId" | "snapshotId" | "candidateId" | "creditsHeld">,
  status: AccessStatus,
  actor: AccessActor,
  actorUserId: string | null,
  at: Date,
): Promise<void> {
  await tx
    .insert(accessRequestEvents)
    .values({ requestId: request.id, orgId: request.orgId, status, actor, actorUserId, createdAt: at });
  const snapshot = await getSnapshotById(tx, request.snapshotId);
  if (snapshot?.endpointUrl) {
    await enqueueOutbound(tx, [
      {
        orgId: request.orgId,
        connectionId: snapshot.connectionId,
        type: "snapshot.access_changed",
        data: {
          snapshotId: snapshot.id,
          candidateRef: snapshot.candidateRef,
          status,
          portalUrl: portalUrlFor(request.id),
        },
      },
    ]);
  }
  await recordAudit(tx, {
    orgId: request.orgId,
    actorUserId,
    action: `access_request.${status}`,
    targetType: "access_request",
    targetId: request.id,
    detail: { snapshotId: request.snapshotId, actor, credits: request.creditsHeld },
  });
}

/**
 * Moves a request to `move.to` if it is still in the state that leads there (and, for decisions,
 * unexpired). Returns the updated row, or null when the request was not in that state: nothing
 * is written then. Credit movements lock the organisation row first, like a new request does, so
 * the two never wait on each other in opposite orders.
 */
export async function moveRequest(
  tx: Database,
  scope: SQL,
  requestId: string,
  asked: Move,
): Promise<RequestRow | null> {
  // The organisation's records (history, ledger, audit) never name the candidate's account: its
  // e-mail address is identity.
  const move = { ...asked, actorUserId: anonymous(asked) };
  const rule = RULES[move.to];
  if (rule.credits) {
    await tx.execute(
      sql`select 1 from ${organisations} where ${organisations.id} = (select ${accessRequests.orgId} from ${accessRequests} where ${accessRequests.id} = ${requestId}) for update`,
    );
  }
  const [row] = await tx
    .update(accessRequests)
    .set({ ...changes(move), updatedAt: move.at })
    .where(and(eq(accessRequests.id, requestId), scope, guard(move)))
    .returning();
  if (!row) return null;
  if (rule.credits) {
    await applyMovement(tx, {
      orgId: row.orgId,
      kind: rule.credits,
      idempotencyKey: `${rule.credits}:${row.id}`,
      delta: rule.credits === "release" ? row.creditsHeld : 0,
      heldDelta: -row.creditsHeld,
      accessRequestId: row.id,
      actorUserId: move.actorUserId,
      note: rule.note,
      at: move.at,
    });
  }
  await recordChange(tx, row, move.to, move.actor, move.actorUserId, move.at);
  return row;
}
