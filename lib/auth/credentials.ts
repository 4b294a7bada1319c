// Email + password verification with throttling per account and per IP, counted in PostgreSQL.
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, organisations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import { giveBack, hit, type Window } from "@/lib/rate-limit";
import { verifyPassword } from "./password";

export const SIGN_IN_LIMITS = {
  perAccount: { limit: 10, windowSeconds: 15 * 60 },
  perIp: { limit: 50, windowSeconds: 15 * 60 },
} as const;

export type CredentialsResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function windows(email: string, ip: string): Window[] {
  return [
    { key: `signin:account:${email}`, ...SIGN_IN_LIMITS.perAccount },
    { key: `signin:ip:${ip}`, ...SIGN_IN_LIMITS.perIp },
  ];
}

async function findAccount(db: Database, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      orgId: memberships.orgId,
      standing: organisations.standing,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(users.email, email))
    .limit(1);
  return row;
}

/**
 * Every attempt is counted before the password is checked (an atomic increment), so parallel
 * guesses can't all slip past the limit. A successful sign-in gives its attempt back.
 */
export async function verifyCredentials(
  db: Database,
  input: { email: string; password: string; ip: string },
): Promise<CredentialsResult> {
  const email = normaliseEmail(input.email);
  const limits = windows(email, input.ip);
  const states = await Promise.all(limits.map((w) => hit(db, w)));
  const blocked = states.find((s) => !s.allowed);
  if (blocked) {
    log.warn("auth.sign_in_throttled", { ip: input.ip });
    return { ok: false, reason: "throttled", retryAfterSeconds: blocked.retryAfterSeconds };
  }

  const account = await findAccount(db, email);
  const passwordOk = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !passwordOk || account.standing === "banned") {
    log.info("auth.sign_in_failed", { ip: input.ip, banned: account?.standing === "banned" });
    return { ok: false, reason: "invalid" };
  }

  await Promise.all(limits.map((w) => giveBack(db, w)));
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, account.id));
  await recordAudit(db, { orgId: account.orgId, actorUserId: account.id, action: "auth.signed_in" });
  return { ok: true, userId: account.id };
}
