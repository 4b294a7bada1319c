// The navigation's counts: what is new for a member (decisions, messages) or a candidate (requests, messages).
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequests } from "@/db/schema";
import { newDecisionSql, unreadSql } from "./queries";

export type MemberCounts = { newDecisions: number; unreadMessages: number };
export type CandidateCounts = { pendingRequests: number; unreadMessages: number };

export async function memberCounts(db: Database, orgId: string, userId: string): Promise<MemberCounts> {
  const [row] = await db
    .select({
      newDecisions: sql<number>`count(*) filter (where ${newDecisionSql(userId)})::int`,
      unreadMessages: sql<number>`coalesce(sum(${unreadSql(userId, "organisation")}) filter (where ${accessRequests.status} = 'approved'), 0)::int`,
    })
    .from(accessRequests)
    .where(eq(accessRequests.orgId, orgId));
  return { newDecisions: row?.newDecisions ?? 0, unreadMessages: row?.unreadMessages ?? 0 };
}

export async function candidateCounts(db: Database, candidateId: string, userId: string): Promise<CandidateCounts> {
  const [row] = await db
    .select({
      pendingRequests: sql<number>`count(*) filter (where ${accessRequests.status} = 'requested')::int`,
      unreadMessages: sql<number>`coalesce(sum(${unreadSql(userId, "candidate")}) filter (where ${accessRequests.status} = 'approved'), 0)::int`,
    })
    .from(accessRequests)
    .where(and(eq(accessRequests.candidateId, candidateId)));
  return { pendingRequests: row?.pendingRequests ?? 0, unreadMessages: row?.unreadMessages ?? 0 };
}
