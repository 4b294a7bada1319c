// The append-only, hash-chained audit log: one chain per organisation, one for the platform.
// `recordAudit` is one statement: cheap inside the caller's transaction, atomic on its own.
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { chainOf, entryBody, GENESIS } from "./chain";

export type { AuditAction } from "./catalogue";
export { AUDIT_ACTIONS, actionLabel } from "./catalogue";
export type { AuditFilter, AuditPage, AuditRow } from "./queries";
export { auditCsv, auditFilterOptions, enforcementNotices, listAudit, listOrgAudit } from "./queries";
export { verifyAuditChain } from "./verify";

export type AuditEntry = {
  orgId: string | null;
  actorUserId: string | null;
  /** A stable code from `AUDIT_ACTIONS` (lib/audit/catalogue.ts): add yours there. */
  action: string;
  targetType?: string;
  targetId?: string;
  /** Facts about the action. Never candidate identity, secrets or free text from outside. */
  detail?: Record<string, unknown>;
};

const lower = (id: string | null | undefined) => (id ? id.toLowerCase() : null);

/**
 * Appends an entry to its chain, in the caller's transaction when given one. The chain's head row is
 * locked by the same statement that reads its hash, so concurrent appends queue and the chain never
 * forks; the lock is held until the caller commits.
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  const orgId = lower(entry.orgId);
  const fields = {
    orgId,
    actorUserId: lower(entry.actorUserId),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    detail: JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>,
    createdAt: new Date().toISOString(),
  };
  const body = entryBody(fields);
  await db.execute(sql`
    with head as (
      insert into audit_heads as h (chain, entries, prev_hash, hash)
      values (${chainOf(orgId)}, 1, ${GENESIS}::text,
              encode(sha256(convert_to(${GENESIS}::text || chr(10) || ${body}::text, 'UTF8')), 'hex'))
      on conflict (chain) do update
        set entries = h.entries + 1,
            prev_hash = h.hash,
            hash = encode(sha256(convert_to(h.hash || chr(10) || ${body}::text, 'UTF8')), 'hex')
      returning prev_hash, hash
    )
    insert into audit_log (org_id, actor_user_id, action, target_type, target_id, detail, created_at, prev_hash, hash)
    select ${fields.orgId}::uuid, ${fields.actorUserId}::uuid, ${fields.action}::text, ${fields.targetType}::text,
           ${fields.targetId}::text, ${JSON.stringify(fields.detail)}::jsonb, ${fields.createdAt}::timestamptz,
           head.prev_hash, head.hash
      from head`);
}
