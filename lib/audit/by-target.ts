// Reading the audit log by what an entry is about (for example every view of one candidate's
// identity, which that candidate may see), across organisations' chains.
import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, organisations } from "@/db/schema";

export type TargetEntry = {
  id: number;
  action: string;
  orgName: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
};

export async function listAuditByTarget(
  db: Database,
  target: { type: string; id: string },
  actions: readonly string[],
  limit = 200,
): Promise<TargetEntry[]> {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      orgName: organisations.name,
      detail: auditLog.detail,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(organisations, eq(organisations.id, auditLog.orgId))
    .where(
      and(
        eq(auditLog.targetType, target.type),
        eq(auditLog.targetId, target.id),
        inArray(auditLog.action, [...actions]),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
