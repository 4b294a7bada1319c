// Everything the inbound pipeline needs to know about a connection and its organisation, in one query.
import "server-only";
import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { atsConnections, brands, connectionSecrets, organisations } from "@/db/schema";
import type { AtsProvider, OrgKind, OrgStanding } from "@/db/schema/enums";
import { aadFor, open } from "@/lib/crypto/secret-box";
import type { RuleBrand } from "@/lib/posting-rules";

export type ConnectionContext = {
  id: string;
  orgId: string;
  provider: AtsProvider;
  status: "draft" | "active" | "disabled";
  brandName: string | null;
  clientSource: "field" | "department" | "fixed" | null;
  clientField: string | null;
  fixedClientName: string | null;
  boardToken: string | null;
  boardBaseUrl: string | null;
  endpointUrl: string | null;
  rateLimitPerMinute: number;
  org: { kind: OrgKind; verification: string; standing: OrgStanding; domains: string[] };
  /** The organisation's brands (and an agency's clients), for the posting rules. */
  brands: RuleBrand[];
};

const fixedClient = alias(brands, "fixed_client");

/** An inbound signing secret, decrypted, and when it stops being valid (after a rotation). */
export type InboundSecret = { secret: string; expiresAt: Date | null };

/** A connection as the webhook endpoint sees it: with its inbound secrets, newest first. */
export type InboundConnection = ConnectionContext & { inboundSecrets: InboundSecret[] };

/** The connection's inbound secrets valid at `at`, newest first. */
export const secretsValidAt = (conn: InboundConnection, at: Date) =>
  conn.inboundSecrets.filter((s) => !s.expiresAt || s.expiresAt > at).map((s) => s.secret);

type StoredSecret = { id: string; enc: string; expiresAt: string | null };

const brandsColumn = sql<RuleBrand[]>`(
  select coalesce(json_agg(json_build_object(
           'id', b.id, 'name', b.name, 'nameKey', b.name_key, 'isClient', b.is_client,
           'verified', b.verified, 'domains', b.domains)), '[]'::json)
    from ${brands} b
   where b.org_id = ${atsConnections.orgId})`;

/** The encrypted inbound secrets still valid at `at`, newest first, as one JSON column of the same query. */
function inboundSecretsColumn(at: Date) {
  return sql<StoredSecret[]>`(
    select coalesce(json_agg(json_build_object('id', s.id, 'enc', s.secret_enc, 'expiresAt', s.expires_at)
                             order by s.created_at desc), '[]'::json)
      from ${connectionSecrets} s
     where s.connection_id = ${atsConnections.id} and s.purpose = 'inbound'
       and (s.expires_at is null or s.expires_at > ${at.toISOString()}::timestamptz))`;
}

/**
 * Connections and their organisations, by id. With `inboundSecretsAt`, also their inbound secrets
 * valid at that time or later, decrypted: the webhook endpoint gets everything in one round trip.
 */
export function loadConnectionContexts(
  db: Database,
  connectionIds: readonly string[],
  options: { inboundSecretsAt?: Date } = {},
): Promise<Map<string, InboundConnection>> {
  return rowsById(db, connectionIds, options.inboundSecretsAt, contextOf);
}

/** A context and the version it was read at (see `contextVersions`). */
export type VersionedContext = { conn: InboundConnection; version: string };

/** As `loadConnectionContexts` with inbound secrets, each with its version. */
export function loadVersionedContexts(
  db: Database,
  connectionIds: readonly string[],
  inboundSecretsAt: Date,
): Promise<Map<string, VersionedContext>> {
  return rowsById(db, connectionIds, inboundSecretsAt, (row) => ({ conn: contextOf(row), version: versionOf(row) }));
}

/**
 * The contexts' current versions, without decrypting anything: a context read earlier is still
 * current when its version is unchanged (same connection, organisation, brands and valid secrets).
 */
export function contextVersions(
  db: Database,
  connectionIds: readonly string[],
  inboundSecretsAt: Date,
): Promise<Map<string, string>> {
  return rowsById(db, connectionIds, inboundSecretsAt, versionOf);
}

type ConnectionRow = Awaited<ReturnType<typeof connectionRows>>[number];

/** A context's version: its stored row as read, secrets still encrypted. */
const versionOf = (row: ConnectionRow) => JSON.stringify(row);

async function rowsById<T>(
  db: Database,
  connectionIds: readonly string[],
  secretsAt: Date | undefined,
  map: (row: ConnectionRow) => T,
): Promise<Map<string, T>> {
  const rows = await connectionRows(db, connectionIds, secretsAt);
  return new Map(rows.map((row) => [row.id, map(row)]));
}

function connectionRows(db: Database, connectionIds: readonly string[], secretsAt: Date | undefined) {
  return db
    .select({
      id: atsConnections.id,
      orgId: atsConnections.orgId,
      provider: atsConnections.provider,
      status: atsConnections.status,
      brandName: brands.name,
      clientSource: atsConnections.clientSource,
      clientField: atsConnections.clientField,
      fixedClientName: fixedClient.name,
      boardToken: atsConnections.boardToken,
      boardBaseUrl: atsConnections.boardBaseUrl,
      endpointUrl: atsConnections.endpointUrl,
      rateLimitPerMinute: atsConnections.rateLimitPerMinute,
      orgKind: organisations.kind,
      verification: organisations.verification,
      standing: organisations.standing,
      domains: organisations.domains,
      secrets: secretsAt ? inboundSecretsColumn(secretsAt) : sql<StoredSecret[]>`'[]'::json`,
      brands: brandsColumn,
    })
    .from(atsConnections)
    .innerJoin(organisations, eq(organisations.id, atsConnections.orgId))
    .leftJoin(brands, eq(brands.id, atsConnections.brandId))
    .leftJoin(fixedClient, eq(fixedClient.id, atsConnections.fixedClientBrandId))
    .where(inArray(atsConnections.id, [...connectionIds]));
}

function contextOf(row: ConnectionRow): InboundConnection {
  const { orgKind, verification, standing, domains, secrets, ...connection } = row;
  return {
    ...connection,
    inboundSecrets: secrets.map((s) => ({
      secret: open(s.enc, secretAad(s.id)),
      expiresAt: s.expiresAt ? new Date(s.expiresAt) : null,
    })),
    provider: connection.provider as AtsProvider,
    status: connection.status as ConnectionContext["status"],
    clientSource: connection.clientSource as ConnectionContext["clientSource"],
    org: { kind: orgKind as OrgKind, verification, standing: standing as OrgStanding, domains },
  };
}

/** One connection and its organisation (see `loadConnectionContexts`). */
export async function loadConnectionContext(
  db: Database,
  connectionId: string,
  options: { inboundSecretsAt?: Date } = {},
): Promise<InboundConnection | null> {
  return (await loadConnectionContexts(db, [connectionId], options)).get(connectionId) ?? null;
}

export const secretAad = (secretId: string) => aadFor("connection_secrets", "secret_enc", secretId);

/** The connection's currently valid secrets for one purpose, newest first, decrypted. */
export async function currentSecrets(
  db: Database,
  connectionId: string,
  purpose: "inbound" | "outbound",
  now = new Date(),
) {
  const rows = await db
    .select({
      id: connectionSecrets.id,
      secretEnc: connectionSecrets.secretEnc,
      createdAt: connectionSecrets.createdAt,
    })
    .from(connectionSecrets)
    .where(
      and(
        eq(connectionSecrets.connectionId, connectionId),
        eq(connectionSecrets.purpose, purpose),
        or(isNull(connectionSecrets.expiresAt), gt(connectionSecrets.expiresAt, now)),
      ),
    );
  return rows
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((r) => open(r.secretEnc, secretAad(r.id)));
}
