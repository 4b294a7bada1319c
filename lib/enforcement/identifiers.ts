// What identifies an organisation beyond its name (ban evasion, "Wigi-DNA"): email domains, its ATS
// tenant (board token, Lever site, Ashby board or account, the ATS's own job ids) and endpoint hosts.
import "server-only";
import { isIP } from "node:net";
import { and, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, bannedIdentifiers, brands, jobs, memberships, organisations, users } from "@/db/schema";
import type { IdentifierKind } from "@/db/schema/enums";
import { FREE_MAIL_DOMAINS } from "./config";

export type Identifier = { kind: IdentifierKind; value: string };
export type IdentifierMatch = Identifier & { bannedOrgId: string; bannedOrgName: string };

const JOB_IDS_PER_BAN = 5_000;

const clean = (value: string) => value.trim().toLowerCase();

/** An email address's or a bare domain's domain, unless anyone can get one (free mail). */
export function domainIdentifier(emailOrDomain: string): Identifier | null {
  const domain = clean(emailOrDomain.includes("@") ? (emailOrDomain.split("@").pop() ?? "") : emailOrDomain).replace(
    /^www\./,
    "",
  );
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) || FREE_MAIL_DOMAINS.has(domain)) return null;
  return { kind: "email_domain", value: domain };
}

/** A connection's public board: Greenhouse board token, Lever site, Ashby board name. */
export function boardIdentifier(provider: string, token: string | null | undefined): Identifier | null {
  if (!token?.trim()) return null;
  const kind = ({ greenhouse: "greenhouse_board", lever: "lever_site", ashby: "ashby_board" } as const)[
    provider as "greenhouse" | "lever" | "ashby"
  ];
  return kind ? { kind, value: clean(token) } : null;
}

/** The ATS's own job id, global within Greenhouse and Ashby (a generic sender's ids are its own choice). */
export function atsJobIdentifier(provider: string, externalId: string): Identifier | null {
  if (provider === "greenhouse") return { kind: "greenhouse_job", value: clean(externalId) };
  if (provider === "ashby") return { kind: "ashby_job", value: clean(externalId) };
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The ATS tenant a public job URL names (boards.greenhouse.io/{token}, jobs.lever.co/{site}, jobs.ashbyhq.com/{board}). */
export function tenantFromUrl(raw: string | null | undefined): Identifier | null {
  let url: URL;
  try {
    url = new URL(raw ?? "");
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const [first] = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (/^(job-)?boards(\.eu)?\.greenhouse\.io$/.test(host)) {
    const token = first === "embed" ? url.searchParams.get("for") : first;
    return token ? { kind: "greenhouse_board", value: clean(token) } : null;
  }
  if (/^jobs(\.eu)?\.lever\.co$/.test(host) && first) return { kind: "lever_site", value: clean(first) };
  if (host === "jobs.ashbyhq.com" && first) {
    const value = clean(first);
    return { kind: UUID.test(value) ? "ashby_account" : "ashby_board", value };
  }
  return null;
}

/** The host of a customer's endpoint, unless it names no one (an IP literal or localhost). */
export function hostIdentifier(raw: string | null | undefined): Identifier | null {
  try {
    const host = new URL(raw ?? "").hostname.toLowerCase().replace(/^\[|\]$/g, "");
    if (!host || isIP(host) !== 0 || host === "localhost" || host.endsWith(".localhost")) return null;
    return { kind: "endpoint_host", value: host };
  } catch {
    return null;
  }
}

export const present = (ids: readonly (Identifier | null)[]): Identifier[] => {
  const seen = new Set<string>();
  return ids.filter((id): id is Identifier => {
    if (!id || seen.has(`${id.kind}:${id.value}`)) return false;
    seen.add(`${id.kind}:${id.value}`);
    return true;
  });
};

/** Everything that identifies an organisation today: its domains, members, connections and jobs. */
export async function identifiersOf(db: Database, orgId: string): Promise<Identifier[]> {
  const [org] = await db
    .select({ domains: organisations.domains })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  const ownBrands = await db
    .select({ domains: brands.domains })
    .from(brands)
    .where(and(eq(brands.orgId, orgId), eq(brands.isClient, false)));
  const members = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId));
  const connections = await db
    .select({
      provider: atsConnections.provider,
      boardToken: atsConnections.boardToken,
      endpointUrl: atsConnections.endpointUrl,
      boardBaseUrl: atsConnections.boardBaseUrl,
    })
    .from(atsConnections)
    .where(eq(atsConnections.orgId, orgId));
  const jobRows = await db
    .select({ provider: atsConnections.provider, externalId: jobs.externalId, applyUrl: jobs.applyUrl })
    .from(jobs)
    .innerJoin(atsConnections, eq(atsConnections.id, jobs.connectionId))
    .where(
      and(
        eq(jobs.orgId, orgId),
        or(isNotNull(jobs.applyUrl), inArray(atsConnections.provider, ["greenhouse", "ashby"])),
      ),
    )
    .limit(JOB_IDS_PER_BAN);
  return present([
    ...(org?.domains ?? []).map(domainIdentifier),
    ...ownBrands.flatMap((b) => b.domains.map(domainIdentifier)),
    ...members.map((m) => domainIdentifier(m.email)),
    ...connections.flatMap((c) => [
      boardIdentifier(c.provider, c.boardToken),
      hostIdentifier(c.endpointUrl),
      hostIdentifier(c.boardBaseUrl),
    ]),
    ...jobRows.flatMap((j) => [tenantFromUrl(j.applyUrl), atsJobIdentifier(j.provider, j.externalId)]),
  ]);
}

/** Keeps a banned organisation's identifiers (in the caller's transaction). */
export async function keepBannedIdentifiers(tx: Database, orgId: string, ids: readonly Identifier[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .insert(bannedIdentifiers)
    .values(ids.map((id) => ({ ...id, orgId })))
    .onConflictDoNothing();
}

export async function forgetBannedIdentifiers(tx: Database, orgId: string): Promise<void> {
  await tx.delete(bannedIdentifiers).where(eq(bannedIdentifiers.orgId, orgId));
}

/** Which of these identifiers belong to a banned organisation other than `orgId`. */
export async function findBanned(
  db: Database,
  ids: readonly Identifier[],
  orgId: string | null,
): Promise<IdentifierMatch[]> {
  if (ids.length === 0) return [];
  const pairs = sql.join(
    ids.map((id) => sql`(${id.kind}::text, ${id.value}::text)`),
    sql`, `,
  );
  return db
    .select({
      kind: sql<IdentifierKind>`${bannedIdentifiers.kind}`,
      value: bannedIdentifiers.value,
      bannedOrgId: bannedIdentifiers.orgId,
      bannedOrgName: organisations.name,
    })
    .from(bannedIdentifiers)
    .innerJoin(organisations, eq(organisations.id, bannedIdentifiers.orgId))
    .where(
      and(
        sql`(${bannedIdentifiers.kind}, ${bannedIdentifiers.value}) in (${pairs})`,
        orgId ? ne(bannedIdentifiers.orgId, orgId) : undefined,
      ),
    );
}

export async function listBannedIdentifiers(db: Database, orgId: string): Promise<Identifier[]> {
  return db
    .select({ kind: sql<IdentifierKind>`${bannedIdentifiers.kind}`, value: bannedIdentifiers.value })
    .from(bannedIdentifiers)
    .where(eq(bannedIdentifiers.orgId, orgId))
    .orderBy(bannedIdentifiers.kind, bannedIdentifiers.value);
}
