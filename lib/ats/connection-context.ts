// Everything the inbound pipeline needs to know about a connection and its organisation, in one query.
import "server-only";
import { and, eq, gt, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { atsConnections, brands, connectionSecrets, organisations } from "@/db/schema";
import type { AtsProvider, OrgKind, OrgStanding } from "@/db/schema/enums";
import { aadFor, open } from "@/lib/crypto/secret-box";

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
};

const fixedClient = alias(brands, "fixed_client");

export async function loadConnectionContext(db: Database, connectionId: string): Promise<ConnectionContext | null> {
  const [row] = await db
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
    })
    .from(atsConnections)
    .innerJoin(organisations, eq(organisations.id, atsConnections.orgId))
    .leftJoin(brands, eq(brands.id, atsConnections.brandId))
    .leftJoin(fixedClient, eq(fixedClient.id, atsConnections.fixedClientBrandId))
    .where(eq(atsConnections.id, connectionId));
  if (!row) return null;
  const { orgKind, verification, standing, domains, ...connection } = row;
  return {
    ...connection,
    provider: connection.provider as AtsProvider,
    status: connection.status as ConnectionContext["status"],
    clientSource: connection.clientSource as ConnectionContext["clientSource"],
    org: { kind: orgKind as OrgKind, verification, standing: standing as OrgStanding, domains },
  };
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
