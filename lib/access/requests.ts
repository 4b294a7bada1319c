// Sending and cancelling Access Requests (the employer's side).
import "server-only";
import { and, count, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequests, candidateHiddenOrgs, candidateProfiles, organisations } from "@/db/schema";
import { recordActivity } from "@/lib/enforcement";
import { type AccessSettings, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { contactDetailsProblem } from "./contact-filter";
import { applyMovement } from "./ledger";
import { getOrgSnapshot } from "./snapshot-ref";
import { moveRequest, recordChange } from "./transitions";

const DAY_MS = 24 * 60 * 60 * 1000;

export type Requester = { orgId: string; userId: string };
export type NewRequest = { snapshotId: string; message: string | null; idempotencyKey: string };
export type Sent = { requestId: string; duplicate: boolean };

async function byKey(db: Database, orgId: string, key: string): Promise<string | null> {
  const [row] = await db
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(and(eq(accessRequests.orgId, orgId), eq(accessRequests.idempotencyKey, key)));
  return row?.id ?? null;
}

/** The candidate may still be asked by this organisation: discoverable, not erased, not hiding from it. */
async function candidateReachable(tx: Database, candidateId: string, orgId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: candidateProfiles.id, hiddenFrom: candidateHiddenOrgs.orgId })
    .from(candidateProfiles)
    .leftJoin(
      candidateHiddenOrgs,
      and(eq(candidateHiddenOrgs.candidateId, candidateProfiles.id), eq(candidateHiddenOrgs.orgId, orgId)),
    )
    .where(
      and(
        eq(candidateProfiles.id, candidateId),
        eq(candidateProfiles.discoverable, true),
        isNull(candidateProfiles.erasedAt),
      ),
    );
  return Boolean(row && !row.hiddenFrom);
}

class Duplicate extends Error {
  constructor(readonly requestId: string) {
    super("duplicate request");
  }
}

/**
 * Sends a request and holds its credits, in one transaction that starts by locking the organisation
 * row (the hold), so the one-open-request rule and the daily cap are counted without races. A repeat
 * of the same idempotency key answers with the first request.
 */
export async function requestAccess(
  db: Database,
  who: Requester,
  input: NewRequest,
  at: Date,
  settings: AccessSettings = env().access,
): Promise<Sent> {
  const problem = input.message ? contactDetailsProblem(input.message) : null;
  if (problem) throw new AppError("invalid_input", problem, { fieldErrors: { message: [problem] } });
  const earlier = await byKey(db, who.orgId, input.idempotencyKey);
  if (earlier) return { requestId: earlier, duplicate: true };
  const snapshot = await getOrgSnapshot(db, who.orgId, input.snapshotId);
  if (!snapshot) throw new AppError("not_found");
  // Trust & safety's harvesting signal: too many requests by one recruiter in an hour are refused.
  const activity = await recordActivity(db, { kind: "access_request", orgId: who.orgId, userId: who.userId }, at);
  if (!activity.allowed) throw new AppError("rate_limited");
  const { cost, requestDays, dailyCap } = settings;
  try {
    const requestId = await db.transaction(async (tx) => {
      const [org] = await tx
        .select({ standing: organisations.standing })
        .from(organisations)
        .where(eq(organisations.id, who.orgId))
        .for("update");
      if (org?.standing !== "active") throw new AppError("not_found");
      const repeated = await byKey(tx, who.orgId, input.idempotencyKey);
      if (repeated) throw new Duplicate(repeated);
      if (!(await candidateReachable(tx, snapshot.candidateId, who.orgId))) throw new AppError("not_found");
      const [open] = await tx
        .select({ id: accessRequests.id })
        .from(accessRequests)
        .where(
          and(
            eq(accessRequests.orgId, who.orgId),
            eq(accessRequests.candidateId, snapshot.candidateId),
            inArray(accessRequests.status, ["requested", "approved"]),
          ),
        );
      if (open) throw new AppError("already_requested", undefined, { requestId: open.id });
      const [today] = await tx
        .select({ n: count() })
        .from(accessRequests)
        .where(
          and(eq(accessRequests.orgId, who.orgId), gte(accessRequests.createdAt, new Date(at.getTime() - DAY_MS))),
        );
      if ((today?.n ?? 0) >= dailyCap) throw new AppError("daily_cap_reached");
      const [row] = await tx
        .insert(accessRequests)
        .values({
          orgId: who.orgId,
          snapshotId: snapshot.id,
          candidateId: snapshot.candidateId,
          requestedBy: who.userId,
          idempotencyKey: input.idempotencyKey,
          message: input.message,
          creditsHeld: cost,
          createdAt: at,
          updatedAt: at,
          expiresAt: new Date(at.getTime() + requestDays * DAY_MS),
        })
        .returning();
      if (!row) throw new Error("access request not inserted");
      await applyMovement(tx, {
        orgId: who.orgId,
        kind: "hold",
        idempotencyKey: `hold:${row.id}`,
        delta: -cost,
        heldDelta: cost,
        accessRequestId: row.id,
        actorUserId: who.userId,
        at,
      });
      await recordChange(tx, row, "requested", "organisation", who.userId, at);
      return row.id;
    });
    return { requestId, duplicate: false };
  } catch (error) {
    if (error instanceof Duplicate) return { requestId: error.requestId, duplicate: true };
    throw error;
  }
}

/** The employer withdraws a pending request; its credits go back to the balance. */
export async function cancelRequest(db: Database, who: Requester, requestId: string, at: Date): Promise<void> {
  const moved = await db.transaction((tx) =>
    moveRequest(tx, eq(accessRequests.orgId, who.orgId), requestId, {
      to: "cancelled",
      actor: "organisation",
      actorUserId: who.userId,
      at,
    }),
  );
  if (!moved) await explainRefusal(db, eq(accessRequests.orgId, who.orgId), requestId);
}

/** A move found nothing to do: the request isn't the caller's (not found), or is past that state. */
export async function explainRefusal(db: Database, scope: ReturnType<typeof eq>, requestId: string): Promise<never> {
  const [row] = await db
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(and(eq(accessRequests.id, requestId), scope));
  throw new AppError(row ? "request_closed" : "not_found");
}
