// In-portal conversations of an approved access: between the organisation's members and the
// candidate, never sent to an ATS or by e-mail. Open while the access is approved and within its
// term; closed (no new messages, and hidden from the organisation) once it is revoked or lapses.
import "server-only";
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessMessages, accessRequests, organisations, users } from "@/db/schema";
import { contactDetailsProblem } from "@/lib/access/contact-filter";
import { markRead } from "@/lib/access/queries";
import { aadFor, open, seal } from "@/lib/crypto/secret-box";
import { screenMessage } from "@/lib/enforcement";
import { AppError } from "@/lib/errors";

export type Participant =
  | { kind: "organisation"; orgId: string; userId: string }
  | { kind: "candidate"; candidateId: string; userId: string };

export type Message = { id: string; mine: boolean; from: string; body: string; createdAt: Date };

export const MESSAGE_MAX = 4000;

const scopeOf = (who: Participant): SQL =>
  who.kind === "organisation" ? eq(accessRequests.orgId, who.orgId) : eq(accessRequests.candidateId, who.candidateId);

const openAt = (at: Date) => and(eq(accessRequests.status, "approved"), gt(accessRequests.accessUntil, at)) as SQL;

const aad = (id: string) => aadFor("access_messages", "body", id);

/** Whether the participant's conversation on this request accepts messages now; null if it isn't theirs. */
export async function conversationState(
  db: Database,
  who: Participant,
  requestId: string,
  at: Date,
): Promise<"open" | "closed" | null> {
  const [row] = await db
    .select({ status: accessRequests.status, accessUntil: accessRequests.accessUntil })
    .from(accessRequests)
    .where(and(eq(accessRequests.id, requestId), scopeOf(who)));
  if (!row) return null;
  return row.status === "approved" && row.accessUntil && row.accessUntil > at ? "open" : "closed";
}

export async function sendMessage(
  db: Database,
  who: Participant,
  requestId: string,
  text: string,
  at: Date,
): Promise<{ id: string }> {
  const body = text.trim();
  const problem = body.length === 0 ? "Write a message first." : contactDetailsProblem(body);
  if (problem && who.kind === "organisation") {
    // Trust & safety counts attempts to take the talk elsewhere, also those refused here.
    await db.transaction((tx) => screenMessage(tx, { orgId: who.orgId, userId: who.userId, text: body }, at));
  }
  if (problem || body.length > MESSAGE_MAX) {
    const message = problem ?? `Keep a message under ${MESSAGE_MAX} characters.`;
    throw new AppError("invalid_input", message, { fieldErrors: { body: [message] } });
  }
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select({ id: accessRequests.id, orgId: accessRequests.orgId })
      .from(accessRequests)
      .where(and(eq(accessRequests.id, requestId), scopeOf(who), openAt(at)))
      .for("share");
    if (!request) {
      const state = await conversationState(tx, who, requestId, at);
      throw new AppError(state ? "request_closed" : "not_found", state ? "This conversation is closed." : undefined);
    }
    const id = crypto.randomUUID();
    await tx.insert(accessMessages).values({
      id,
      requestId,
      orgId: request.orgId,
      sender: who.kind,
      // The organisation's rows never name the candidate's account (its e-mail is identity).
      senderUserId: who.kind === "organisation" ? who.userId : null,
      bodyEnc: seal(body, aad(id)),
      createdAt: at,
    });
    if (who.kind === "organisation")
      await screenMessage(tx, { orgId: who.orgId, userId: who.userId, messageId: id, text: body }, at);
    await markRead(tx, who.userId, requestId, at);
    return { id };
  });
}

/**
 * The conversation as this participant may read it, oldest first. The organisation reads it only
 * while the access is open; the candidate keeps their history. Reading marks it read.
 */
export async function readConversation(
  db: Database,
  who: Participant,
  requestId: string,
  at: Date,
): Promise<Message[]> {
  const state = await conversationState(db, who, requestId, at);
  if (state === null || (state === "closed" && who.kind === "organisation")) return [];
  const rows = await db
    .select({
      id: accessMessages.id,
      sender: accessMessages.sender,
      senderName: users.name,
      orgName: organisations.name,
      bodyEnc: accessMessages.bodyEnc,
      createdAt: accessMessages.createdAt,
    })
    .from(accessMessages)
    .innerJoin(organisations, eq(organisations.id, accessMessages.orgId))
    .leftJoin(users, eq(users.id, accessMessages.senderUserId))
    .where(eq(accessMessages.requestId, requestId))
    .orderBy(asc(accessMessages.createdAt), asc(accessMessages.id));
  await markRead(db, who.userId, requestId, at);
  return rows.map((r) => ({
    id: r.id,
    mine: r.sender === who.kind,
    from: r.sender === "candidate" ? "The candidate" : `${r.senderName ?? "A member"}, ${r.orgName}`,
    body: open(r.bodyEnc, aad(r.id)),
    createdAt: r.createdAt,
  }));
}
