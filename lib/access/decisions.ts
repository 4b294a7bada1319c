// The candidate's answers: approve or decline a pending request, revoke an access they granted.
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequests } from "@/db/schema";
import { explainRefusal } from "./requests";
import { moveRequest } from "./transitions";

/** `userId` is null only for demo candidates without an account. */
export type CandidateScope = { candidateId: string; userId: string | null };
export type Decision = "approved" | "declined" | "revoked";

export async function decideRequest(
  db: Database,
  who: CandidateScope,
  requestId: string,
  decision: Decision,
  at: Date,
): Promise<void> {
  const scope = eq(accessRequests.candidateId, who.candidateId);
  const moved = await db.transaction((tx) =>
    moveRequest(tx, scope, requestId, { to: decision, actor: "candidate", actorUserId: who.userId, at }),
  );
  if (!moved) await explainRefusal(db, scope, requestId);
}
