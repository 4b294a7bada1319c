// Trust & safety and organisations: the console's list, and verify / suspend / ban / lift, each with
// a reason, by a named admin, audited on the organisation's chain in the same transaction.
import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, flags, jobs, memberships, organisations } from "@/db/schema";
import type { OrgStanding } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { closeFlag } from "./flags";
import { forgetBannedIdentifiers, identifiersOf, keepBannedIdentifiers } from "./identifiers";

export type AdminOrgRow = {
  id: string;
  name: string;
  kind: string;
  verification: string;
  standing: string;
  standingReason: string | null;
  members: number;
  connections: number;
  activeJobs: number;
  openFlags: number;
};

/** Drizzle leaves columns unqualified in a one-table select, so the subqueries name the outer row explicitly. */
const ORG_ID = sql.raw(`"organisations"."id"`);
const countOf = (table: typeof memberships | typeof atsConnections | typeof jobs | typeof flags, where = sql`true`) =>
  sql<number>`(select count(*)::int from ${table} where ${table.orgId} = ${ORG_ID} and ${where})`;

export async function listOrganisationsForAdmin(db: Database): Promise<AdminOrgRow[]> {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      verification: organisations.verification,
      standing: organisations.standing,
      standingReason: organisations.standingReason,
      members: countOf(memberships),
      connections: countOf(atsConnections),
      activeJobs: countOf(jobs, sql`${jobs.status} = 'active'`),
      openFlags: countOf(flags, sql`${flags.status} = 'open'`),
    })
    .from(organisations)
    .orderBy(asc(organisations.name));
}

export const ORG_ACTIONS = ["verify", "suspend", "ban", "lift"] as const;
export type OrgAction = (typeof ORG_ACTIONS)[number];

type OrgState = { standing: OrgStanding; verification: string };

/** Which actions apply to an organisation as it stands, and what each leads to. */
function transition(action: OrgAction, from: OrgState): Partial<OrgState> {
  if (action === "verify") {
    if (from.verification === "verified") throw new AppError("conflict", "The organisation is verified already.");
    return { verification: "verified" };
  }
  if (action === "suspend") {
    if (from.standing !== "active") throw new AppError("conflict", `The organisation is ${from.standing}, not active.`);
    return { standing: "suspended" };
  }
  if (action === "ban") {
    if (from.standing === "banned") throw new AppError("conflict", "The organisation is banned already.");
    return { standing: "banned" };
  }
  if (from.standing === "active") throw new AppError("conflict", "The organisation is in good standing already.");
  return { standing: "active" };
}

const AUDIT_CODES: Record<OrgAction, string> = {
  verify: "enforcement.org_verified",
  suspend: "enforcement.org_suspended",
  ban: "enforcement.org_banned",
  lift: "enforcement.org_reinstated",
};

export type OrgEnforcement = { orgId: string; action: OrgAction; reason: string; flagId?: string };

/**
 * Applies at once everywhere: authorisation re-reads the standing on every request (a suspended
 * organisation's members can only read its audit log; a banned one's are signed out at their next
 * request), webhooks of a suspended or banned organisation get 403, and matching reads it too.
 * A ban keeps the organisation's identifiers so a new account reusing one is held for review.
 */
export async function enforceOrganisation(db: Database, adminUserId: string, input: OrgEnforcement): Promise<OrgState> {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ standing: organisations.standing, verification: organisations.verification })
      .from(organisations)
      .where(eq(organisations.id, input.orgId))
      .for("update");
    if (!org) throw new AppError("not_found");
    const from = { standing: org.standing as OrgStanding, verification: org.verification };
    const change = transition(input.action, from);
    const now = new Date();
    await tx
      .update(organisations)
      .set(
        change.standing
          ? {
              standing: change.standing,
              standingReason: change.standing === "active" ? null : input.reason,
              standingChangedAt: now,
            }
          : { verification: change.verification },
      )
      .where(eq(organisations.id, input.orgId));
    if (input.action === "ban") await keepBannedIdentifiers(tx, input.orgId, await identifiersOf(tx, input.orgId));
    if (input.action === "lift" && from.standing === "banned") await forgetBannedIdentifiers(tx, input.orgId);
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: adminUserId,
      action: AUDIT_CODES[input.action],
      targetType: "organisation",
      targetId: input.orgId,
      detail: { reason: input.reason, from, to: { ...from, ...change } },
    });
    if (input.flagId) await closeFlag(tx, adminUserId, input.flagId, "resolved", input.reason);
    return { ...from, ...change };
  });
}
