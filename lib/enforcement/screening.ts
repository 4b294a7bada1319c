// Ban evasion: a new organisation or connection that reuses a banned organisation's identifier is
// held for review (suspended / disabled by trust & safety) and flagged with the match.
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, organisations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { dayOf, raiseFlag } from "./flags";
import {
  boardIdentifier,
  domainIdentifier,
  findBanned,
  hostIdentifier,
  type Identifier,
  type IdentifierMatch,
  present,
} from "./identifiers";
import { IDENTIFIER_WORDS } from "./labels";

export type Screening = { held: boolean; matches: IdentifierMatch[] };

const identifierWords = (kind: string) => (IDENTIFIER_WORDS[kind] ?? kind).toLowerCase();

function describeMatches(matches: readonly IdentifierMatch[]): string {
  const [first] = matches;
  const more = matches.length > 1 ? ` and ${matches.length - 1} more` : "";
  return first
    ? `the ${identifierWords(first.kind)} ${first.value} of banned organisation ${first.bannedOrgName}${more}`
    : "";
}

const evidenceOf = (matches: readonly IdentifierMatch[]) => ({
  matches: matches.map((m) => ({
    kind: m.kind,
    value: m.value,
    bannedOrgId: m.bannedOrgId,
    bannedOrgName: m.bannedOrgName,
  })),
});

/**
 * For sign-up (accounts): call in the transaction that creates the organisation, with the domains it
 * claims and its first member's email. A match suspends it as "held for review" and flags it.
 */
export async function screenNewOrganisation(
  tx: Database,
  input: { orgId: string; domains: readonly string[]; actorUserId?: string | null },
  now = new Date(),
): Promise<Screening> {
  const matches = await findBanned(tx, present(input.domains.map(domainIdentifier)), input.orgId);
  if (matches.length === 0) return { held: false, matches };
  const reason = `Held for review: it shares ${describeMatches(matches)}.`;
  await tx
    .update(organisations)
    .set({ standing: "suspended", standingReason: reason, standingChangedAt: now })
    .where(eq(organisations.id, input.orgId));
  await recordAudit(tx, {
    orgId: input.orgId,
    actorUserId: null,
    action: "enforcement.org_held",
    targetType: "organisation",
    targetId: input.orgId,
    detail: { reason, ...evidenceOf(matches) },
  });
  await raiseFlag(tx, {
    kind: "ban_evasion",
    source: "signal",
    orgId: input.orgId,
    subjectType: "organisation",
    subjectId: input.orgId,
    summary: `A new organisation reuses ${describeMatches(matches)}.`,
    evidence: evidenceOf(matches),
    dedupeKey: `ban_evasion:organisation:${input.orgId}:${dayOf(now)}`,
  });
  return { held: true, matches };
}

/** Holds a connection whose identifiers match a banned organisation's (disabled by trust & safety), and flags it. */
export async function screenConnectionIdentifiers(
  tx: Database,
  input: { orgId: string; connectionId: string; identifiers: readonly Identifier[] },
  now = new Date(),
): Promise<Screening> {
  const matches = await findBanned(tx, input.identifiers, input.orgId);
  if (matches.length === 0) return { held: false, matches };
  const reason = `Held for review: it uses ${describeMatches(matches)}.`;
  const held = await tx
    .update(atsConnections)
    .set({ status: "disabled", disabledBy: "trust_safety", disabledReason: reason, updatedAt: now })
    .where(eq(atsConnections.id, input.connectionId))
    .returning({ id: atsConnections.id });
  if (held.length > 0) {
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: null,
      action: "enforcement.connection_held",
      targetType: "connection",
      targetId: input.connectionId,
      detail: { reason, ...evidenceOf(matches) },
    });
  }
  await raiseFlag(tx, {
    kind: "ban_evasion",
    source: "signal",
    orgId: input.orgId,
    subjectType: "connection",
    subjectId: input.connectionId,
    summary: `A connection uses ${describeMatches(matches)}.`,
    evidence: evidenceOf(matches),
    dedupeKey: `ban_evasion:connection:${input.connectionId}:${dayOf(now)}`,
  });
  return { held: true, matches };
}

/** Screens a connection's own settings: its board (token / site / board name and base URL) and endpoint URL. */
export function screenConnectionSettings(
  tx: Database,
  input: {
    orgId: string;
    connectionId: string;
    provider: string;
    boardToken?: string | null;
    boardBaseUrl?: string | null;
    endpointUrl?: string | null;
  },
): Promise<Screening> {
  const identifiers = present([
    boardIdentifier(input.provider, input.boardToken),
    hostIdentifier(input.boardBaseUrl),
    hostIdentifier(input.endpointUrl),
  ]);
  return screenConnectionIdentifiers(tx, { orgId: input.orgId, connectionId: input.connectionId, identifiers });
}
