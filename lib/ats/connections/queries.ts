// Read models for the integrations pages: explicit columns, never secrets, always scoped by organisation.
import "server-only";
import { and, desc, eq, gt, isNull, max, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, brands, connectionSecrets, inboundEvents, outboundEvents, syncRuns } from "@/db/schema";
import { webhookUrlFor } from "./urls";

export type ConnectionListItem = {
  id: string;
  name: string;
  provider: string;
  status: string;
  disabledBy: string | null;
  brandName: string | null;
  hasBoard: boolean;
  lastEventAt: Date | null;
  lastSync: { status: string; finishedAt: Date | null; error: string | null } | null;
};

export async function listConnections(db: Database, orgId: string): Promise<ConnectionListItem[]> {
  const lastEvents = db
    .select({ connectionId: inboundEvents.connectionId, at: max(inboundEvents.receivedAt).as("last_event_at") })
    .from(inboundEvents)
    .where(eq(inboundEvents.orgId, orgId))
    .groupBy(inboundEvents.connectionId)
    .as("last_events");
  const rows = await db
    .select({
      id: atsConnections.id,
      name: atsConnections.name,
      provider: atsConnections.provider,
      status: atsConnections.status,
      disabledBy: atsConnections.disabledBy,
      brandName: brands.name,
      boardToken: atsConnections.boardToken,
      lastEventAt: lastEvents.at,
    })
    .from(atsConnections)
    .leftJoin(brands, eq(brands.id, atsConnections.brandId))
    .leftJoin(lastEvents, eq(lastEvents.connectionId, atsConnections.id))
    .where(eq(atsConnections.orgId, orgId))
    .orderBy(desc(atsConnections.createdAt));
  const syncs = await latestSyncs(db, orgId);
  return rows.map(({ boardToken, ...row }) => ({
    ...row,
    hasBoard: boardToken !== null,
    lastSync: syncs.get(row.id) ?? null,
  }));
}

async function latestSyncs(db: Database, orgId: string) {
  const rows = await db
    .selectDistinctOn([syncRuns.connectionId], {
      connectionId: syncRuns.connectionId,
      status: syncRuns.status,
      finishedAt: syncRuns.finishedAt,
      error: syncRuns.error,
    })
    .from(syncRuns)
    .where(eq(syncRuns.orgId, orgId))
    .orderBy(syncRuns.connectionId, desc(syncRuns.startedAt));
  return new Map(rows.map(({ connectionId, ...sync }) => [connectionId, sync]));
}

export type ConnectionDetail = {
  id: string;
  name: string;
  provider: string;
  status: string;
  disabledBy: string | null;
  disabledReason: string | null;
  brandName: string | null;
  clientSource: string | null;
  clientField: string | null;
  fixedClientName: string | null;
  boardToken: string | null;
  boardBaseUrl: string | null;
  syncIntervalMinutes: number;
  nextSyncAt: Date | null;
  endpointUrl: string | null;
  endpointCheckedAt: Date | null;
  endpointLastStatus: number | null;
  webhookUrl: string | null;
  activeInboundSecrets: number;
  previousSecretValidUntil: Date | null;
  createdAt: Date;
  activatedAt: Date | null;
};

export async function getConnection(
  db: Database,
  orgId: string,
  connectionId: string,
): Promise<ConnectionDetail | null> {
  const [row] = await db
    .select({
      id: atsConnections.id,
      name: atsConnections.name,
      provider: atsConnections.provider,
      status: atsConnections.status,
      disabledBy: atsConnections.disabledBy,
      disabledReason: atsConnections.disabledReason,
      brandName: brands.name,
      clientSource: atsConnections.clientSource,
      clientField: atsConnections.clientField,
      fixedClientName: sql<
        string | null
      >`(select name from ${brands} where ${brands.id} = ${atsConnections.fixedClientBrandId})`,
      boardToken: atsConnections.boardToken,
      boardBaseUrl: atsConnections.boardBaseUrl,
      syncIntervalMinutes: atsConnections.syncIntervalMinutes,
      nextSyncAt: atsConnections.nextSyncAt,
      endpointUrl: atsConnections.endpointUrl,
      endpointCheckedAt: atsConnections.endpointCheckedAt,
      endpointLastStatus: atsConnections.endpointLastStatus,
      createdAt: atsConnections.createdAt,
      activatedAt: atsConnections.activatedAt,
    })
    .from(atsConnections)
    .leftJoin(brands, eq(brands.id, atsConnections.brandId))
    .where(and(eq(atsConnections.id, connectionId), eq(atsConnections.orgId, orgId)));
  if (!row) return null;
  const now = new Date();
  const secrets = await db
    .select({ expiresAt: connectionSecrets.expiresAt })
    .from(connectionSecrets)
    .where(
      and(
        eq(connectionSecrets.connectionId, connectionId),
        eq(connectionSecrets.purpose, "inbound"),
        or(isNull(connectionSecrets.expiresAt), gt(connectionSecrets.expiresAt, now)),
      ),
    );
  const expiring = secrets.map((s) => s.expiresAt).filter((d): d is Date => d !== null);
  return {
    ...row,
    webhookUrl: row.provider === "lever" ? null : webhookUrlFor(row.id),
    activeInboundSecrets: secrets.length,
    previousSecretValidUntil: expiring.length ? new Date(Math.max(...expiring.map((d) => d.getTime()))) : null,
  };
}

export type InboundEventRow = {
  id: string;
  deliveryId: string;
  eventType: string;
  outcome: string;
  receivedAt: Date;
  jobs: { externalId: string; jobId: string; status: string; violations: { code: string; message: string }[] }[];
};

export async function listInboundEvents(
  db: Database,
  orgId: string,
  connectionId: string,
  limit = 50,
): Promise<InboundEventRow[]> {
  const rows = await db
    .select({
      id: inboundEvents.id,
      deliveryId: inboundEvents.deliveryId,
      eventType: inboundEvents.eventType,
      outcome: inboundEvents.outcome,
      receivedAt: inboundEvents.receivedAt,
      response: inboundEvents.response,
    })
    .from(inboundEvents)
    .where(and(eq(inboundEvents.connectionId, connectionId), eq(inboundEvents.orgId, orgId)))
    .orderBy(desc(inboundEvents.receivedAt))
    .limit(limit);
  return rows.map(({ response, ...row }) => ({
    ...row,
    jobs: (response as { jobs?: InboundEventRow["jobs"] }).jobs ?? [],
  }));
}

export type SyncRunRow = {
  id: string;
  trigger: string;
  status: string;
  pagesFetched: number;
  jobsSeen: number;
  jobsChanged: number;
  jobsClosed: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

export async function listSyncRuns(
  db: Database,
  orgId: string,
  connectionId: string,
  limit = 20,
): Promise<SyncRunRow[]> {
  return db
    .select({
      id: syncRuns.id,
      trigger: syncRuns.trigger,
      status: syncRuns.status,
      pagesFetched: syncRuns.pagesFetched,
      jobsSeen: syncRuns.jobsSeen,
      jobsChanged: syncRuns.jobsChanged,
      jobsClosed: syncRuns.jobsClosed,
      error: syncRuns.error,
      startedAt: syncRuns.startedAt,
      finishedAt: syncRuns.finishedAt,
    })
    .from(syncRuns)
    .where(and(eq(syncRuns.connectionId, connectionId), eq(syncRuns.orgId, orgId)))
    .orderBy(desc(syncRuns.startedAt))
    .limit(limit);
}

export type OutboundEventRow = {
  id: string;
  type: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

export async function listOutboundEvents(
  db: Database,
  orgId: string,
  connectionId: string,
  limit = 50,
): Promise<OutboundEventRow[]> {
  return db
    .select({
      id: outboundEvents.id,
      type: outboundEvents.type,
      status: outboundEvents.status,
      attempts: outboundEvents.attempts,
      lastStatus: outboundEvents.lastStatus,
      lastError: outboundEvents.lastError,
      createdAt: outboundEvents.createdAt,
      deliveredAt: outboundEvents.deliveredAt,
    })
    .from(outboundEvents)
    .where(and(eq(outboundEvents.connectionId, connectionId), eq(outboundEvents.orgId, orgId)))
    .orderBy(desc(outboundEvents.createdAt))
    .limit(limit);
}
