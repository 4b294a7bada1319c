// Cheap counts trust & safety's abuse signals read ("many requests, few approvals", bulk harvesting);
// the thresholds and the flagging live in lib/enforcement.
import "server-only";
import { and, count, eq, gte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequestEvents, auditLog } from "@/db/schema";

export type AccessActivity = {
  sent: number;
  approved: number;
  declined: number;
  expired: number;
  identityViews: number;
};

/** What an organisation did with Access Requests since `since`, and how often it opened identities. */
export async function accessActivity(db: Database, orgId: string, since: Date): Promise<AccessActivity> {
  const [events] = await db
    .select({
      sent: sql<number>`count(*) filter (where ${accessRequestEvents.status} = 'requested')::int`,
      approved: sql<number>`count(*) filter (where ${accessRequestEvents.status} = 'approved')::int`,
      declined: sql<number>`count(*) filter (where ${accessRequestEvents.status} = 'declined')::int`,
      expired: sql<number>`count(*) filter (where ${accessRequestEvents.status} = 'expired')::int`,
    })
    .from(accessRequestEvents)
    .where(and(eq(accessRequestEvents.orgId, orgId), gte(accessRequestEvents.createdAt, since)));
  const [views] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "identity.viewed"), gte(auditLog.createdAt, since)));
  return {
    sent: events?.sent ?? 0,
    approved: events?.approved ?? 0,
    declined: events?.declined ?? 0,
    expired: events?.expired ?? 0,
    identityViews: views?.n ?? 0,
  };
}
