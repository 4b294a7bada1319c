// The append-only, hash-chained audit log: one chain per organisation, one for the platform.
import "server-only";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, users } from "@/db/schema";

export type AuditEntry = {
  orgId: string | null;
  actorUserId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Facts about the action. Never candidate identity, secrets or free text from outside. */
  detail?: Record<string, unknown>;
};

const GENESIS = "0".repeat(64);

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

function entryHash(
  prevHash: string,
  row: Omit<AuditEntry, "detail"> & { detail: Record<string, unknown>; createdAt: string },
) {
  const body = canonical({
    orgId: row.orgId,
    actorUserId: row.actorUserId,
    action: row.action,
    targetType: row.targetType ?? null,
    targetId: row.targetId ?? null,
    detail: row.detail,
    createdAt: row.createdAt,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

const chainOf = (orgId: string | null) => (orgId ? eq(auditLog.orgId, orgId) : isNull(auditLog.orgId));

/** Appends an entry. Runs in (or as) a transaction so the chain can't fork under concurrency. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${entry.orgId ?? "platform"}`}))`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .where(chainOf(entry.orgId))
      .orderBy(desc(auditLog.id))
      .limit(1);
    const prevHash = last?.hash ?? GENESIS;
    const createdAt = new Date().toISOString();
    const detail = entry.detail ?? {};
    const hash = entryHash(prevHash, { ...entry, detail, createdAt });
    await tx.insert(auditLog).values({
      orgId: entry.orgId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      detail,
      createdAt: new Date(createdAt),
      prevHash,
      hash,
    });
  });
}

/** Re-computes a chain; returns the id of the first entry that doesn't match, or null when intact. */
export async function verifyAuditChain(db: Database, orgId: string | null): Promise<number | null> {
  const rows = await db.select().from(auditLog).where(chainOf(orgId)).orderBy(asc(auditLog.id));
  let prev = GENESIS;
  for (const row of rows) {
    const expected = entryHash(prev, {
      orgId: row.orgId,
      actorUserId: row.actorUserId,
      action: row.action,
      targetType: row.targetType ?? undefined,
      targetId: row.targetId ?? undefined,
      detail: row.detail,
      createdAt: row.createdAt.toISOString(),
    });
    if (row.prevHash !== prev || row.hash !== expected) return row.id;
    prev = row.hash;
  }
  return null;
}

export type AuditRow = {
  id: number;
  action: string;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
};

export async function listOrgAudit(db: Database, orgId: string, limit = 100): Promise<AuditRow[]> {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: users.name,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      detail: auditLog.detail,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.orgId, orgId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
