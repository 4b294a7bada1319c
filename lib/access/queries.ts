// Reading Access Requests: the organisation's list and one request, with what is new to the reader.
import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessReadMarks, accessRequestEvents, accessRequests, jobs, snapshots, users } from "@/db/schema";
import type { AccessActor, AccessStatus } from "@/db/schema/enums";
import { candidateLabel, type SnapshotCard, snapshotCard } from "./snapshot-card";

export type OrgRequestRow = {
  id: string;
  status: AccessStatus;
  candidate: string;
  snapshotId: string;
  jobId: string;
  jobTitle: string;
  requestedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  accessUntil: Date | null;
  closedAt: Date | null;
  /** Decided or closed by the candidate or the sweep since this reader last opened it. */
  newDecision: boolean;
  unreadMessages: number;
};

export type RequestEvent = { status: AccessStatus; actor: AccessActor; actorName: string | null; createdAt: Date };
export type OrgRequestDetail = OrgRequestRow & { message: string | null; card: SnapshotCard; history: RequestEvent[] };

/** The reader's last look at each request: its read mark, else the moment the request was sent. */
const seenAt = (userId: string) =>
  sql`coalesce((select ${accessReadMarks.readAt} from ${accessReadMarks} where ${accessReadMarks.requestId} = ${accessRequests.id} and ${accessReadMarks.userId} = ${userId}), ${accessRequests.createdAt})`;

export const newDecisionSql = (userId: string) =>
  sql<boolean>`exists (select 1 from ${accessRequestEvents} e where e.request_id = ${accessRequests.id} and e.actor <> 'organisation' and e.created_at > ${seenAt(userId)})`;

export const unreadSql = (userId: string, from: "organisation" | "candidate") =>
  sql<number>`(select count(*)::int from access_messages m where m.request_id = ${accessRequests.id} and m.sender <> ${from} and m.created_at > coalesce((select ${accessReadMarks.readAt} from ${accessReadMarks} where ${accessReadMarks.requestId} = ${accessRequests.id} and ${accessReadMarks.userId} = ${userId}), '-infinity'::timestamptz))`;

function orgColumns(userId: string) {
  return {
    id: accessRequests.id,
    status: sql<AccessStatus>`${accessRequests.status}`,
    candidateRef: snapshots.candidateRef,
    snapshotId: accessRequests.snapshotId,
    jobId: snapshots.jobId,
    jobTitle: jobs.title,
    requestedBy: users.name,
    createdAt: accessRequests.createdAt,
    expiresAt: accessRequests.expiresAt,
    decidedAt: accessRequests.decidedAt,
    accessUntil: accessRequests.accessUntil,
    closedAt: accessRequests.closedAt,
    newDecision: newDecisionSql(userId),
    unreadMessages: sql<number>`case when ${accessRequests.status} = 'approved' then ${unreadSql(userId, "organisation")} else 0 end`,
  };
}

function orgQuery(db: Database, userId: string) {
  return db
    .select(orgColumns(userId))
    .from(accessRequests)
    .innerJoin(snapshots, eq(snapshots.id, accessRequests.snapshotId))
    .innerJoin(jobs, eq(jobs.id, snapshots.jobId))
    .leftJoin(users, eq(users.id, accessRequests.requestedBy));
}

function toRow<T extends { candidateRef: string }>({
  candidateRef,
  ...row
}: T): Omit<T, "candidateRef"> & { candidate: string } {
  return { ...row, candidate: candidateLabel(candidateRef) };
}

export async function listOrgRequests(
  db: Database,
  orgId: string,
  userId: string,
  options: { status?: AccessStatus; limit?: number } = {},
): Promise<OrgRequestRow[]> {
  const rows = await orgQuery(db, userId)
    .where(and(eq(accessRequests.orgId, orgId), options.status ? eq(accessRequests.status, options.status) : undefined))
    .orderBy(desc(accessRequests.updatedAt), desc(accessRequests.id))
    .limit(options.limit ?? 200);
  return rows.map(toRow);
}

export async function getOrgRequest(
  db: Database,
  orgId: string,
  userId: string,
  requestId: string,
): Promise<OrgRequestDetail | null> {
  const [row] = await db
    .select({ ...orgColumns(userId), message: accessRequests.message, fields: snapshots.fields })
    .from(accessRequests)
    .innerJoin(snapshots, eq(snapshots.id, accessRequests.snapshotId))
    .innerJoin(jobs, eq(jobs.id, snapshots.jobId))
    .leftJoin(users, eq(users.id, accessRequests.requestedBy))
    .where(and(eq(accessRequests.id, requestId), eq(accessRequests.orgId, orgId)));
  if (!row) return null;
  const { fields, ...rest } = row;
  return { ...toRow(rest), card: snapshotCard(fields), history: await requestHistory(db, requestId) };
}

export async function requestHistory(db: Database, requestId: string): Promise<RequestEvent[]> {
  return db
    .select({
      status: sql<AccessStatus>`${accessRequestEvents.status}`,
      actor: sql<AccessActor>`${accessRequestEvents.actor}`,
      actorName: users.name,
      createdAt: accessRequestEvents.createdAt,
    })
    .from(accessRequestEvents)
    .leftJoin(users, eq(users.id, accessRequestEvents.actorUserId))
    .where(eq(accessRequestEvents.requestId, requestId))
    .orderBy(asc(accessRequestEvents.createdAt), asc(accessRequestEvents.id));
}

/** The organisation's open or approved request for the candidate behind a Snapshot (for "Request access"). */
export async function findOpenRequestForSnapshot(db: Database, orgId: string, snapshotId: string) {
  const [row] = await db
    .select({ id: accessRequests.id, status: sql<AccessStatus>`${accessRequests.status}` })
    .from(accessRequests)
    .innerJoin(snapshots, eq(snapshots.candidateId, accessRequests.candidateId))
    .where(
      and(
        eq(snapshots.id, snapshotId),
        eq(snapshots.orgId, orgId),
        eq(accessRequests.orgId, orgId),
        sql`${accessRequests.status} in ('requested', 'approved')`,
      ),
    );
  return row ?? null;
}

/** Marks a request as read by this person (its decision and messages up to now). */
export async function markRead(db: Database, userId: string, requestId: string, at: Date): Promise<void> {
  await db
    .insert(accessReadMarks)
    .values({ userId, requestId, readAt: at })
    .onConflictDoUpdate({
      target: [accessReadMarks.userId, accessReadMarks.requestId],
      set: { readAt: sql`greatest(${accessReadMarks.readAt}, excluded.read_at)` },
    });
}
