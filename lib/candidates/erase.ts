// "Delete my data" (GDPR Art. 17). In one transaction: open requests are cancelled (credits back to
// the organisation) and granted accesses revoked, conversations and the hidden-from list deleted, the
// identity erased and the account removed. The anonymous profile stays only as a tombstone (not
// discoverable, `erased_at` set, `updated_at` bumped) so the Snapshots side withdraws every Snapshot
// at every ATS; `purgeErasedProfiles` deletes it after the grace period. The audit log keeps that it
// happened, with counts, never the data; the account row stays with its e-mail and name replaced,
// since audit entries name their actor.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessMessages, accessRequests, candidateHiddenOrgs, candidateProfiles, users } from "@/db/schema";
import { moveRequest } from "@/lib/access/transitions";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { eraseIdentity } from "@/lib/identity";

/**
 * The account goes, but its row stays (audit entries name their actor, and the log is append-only):
 * the e-mail address and name are replaced and the password can never match.
 */
async function closeAccount(tx: Database, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ email: `erased-${randomUUID()}@erased.invalid`, name: null, passwordHash: "!erased", lastSignInAt: null })
    .where(eq(users.id, userId));
}

/** How long an erased profile's tombstone waits for its Snapshots to be withdrawn before it is deleted. */
export const ERASED_GRACE_DAYS = 7;

export type Erased = { cancelled: number; revoked: number };

export async function eraseCandidate(
  db: Database,
  who: { candidateId: string; userId: string },
  at: Date,
): Promise<Erased> {
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .update(candidateProfiles)
      .set({
        discoverable: false,
        erasedAt: at,
        userId: null,
        salaryAmount: null,
        salaryCurrency: null,
        salaryPeriod: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(candidateProfiles.id, who.candidateId), sql`${candidateProfiles.erasedAt} is null`))
      .returning({ id: candidateProfiles.id });
    if (!profile) throw new AppError("not_found");
    const open = await tx
      .select({ id: accessRequests.id, status: accessRequests.status })
      .from(accessRequests)
      .where(
        and(eq(accessRequests.candidateId, who.candidateId), inArray(accessRequests.status, ["requested", "approved"])),
      );
    const result: Erased = { cancelled: 0, revoked: 0 };
    const scope = eq(accessRequests.candidateId, who.candidateId);
    for (const request of open) {
      const to = request.status === "requested" ? "cancelled" : "revoked";
      const moved = await moveRequest(tx, scope, request.id, { to, actor: "candidate", actorUserId: null, at });
      if (moved) result[to === "cancelled" ? "cancelled" : "revoked"] += 1;
    }
    const mine = tx.select({ id: accessRequests.id }).from(accessRequests).where(scope);
    await tx.delete(accessMessages).where(inArray(accessMessages.requestId, mine));
    await tx.delete(candidateHiddenOrgs).where(eq(candidateHiddenOrgs.candidateId, who.candidateId));
    await eraseIdentity(tx, who.candidateId);
    await closeAccount(tx, who.userId);
    await recordAudit(tx, {
      orgId: null,
      actorUserId: null,
      action: "candidate.erased",
      targetType: "candidate",
      targetId: who.candidateId,
      detail: { ...result },
    });
    return result;
  });
}

/** Deletes erased profiles whose grace period is over (their Snapshots and requests go with them). */
export async function purgeErasedProfiles(db: Database, at: Date): Promise<number> {
  const cutoff = new Date(at.getTime() - ERASED_GRACE_DAYS * 24 * 60 * 60 * 1000);
  const gone = await db
    .delete(candidateProfiles)
    .where(lte(candidateProfiles.erasedAt, cutoff))
    .returning({ id: candidateProfiles.id });
  return gone.length;
}
