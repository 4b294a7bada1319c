// The profile viewer's read: identity and the full profile, only for a member of an organisation in
// good standing that holds an approved, unexpired, unrevoked Access Request for the candidate behind
// the Snapshot; the view is audited in the same transaction. Anything else reads as "not found".
import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequests, candidateProfiles, organisations, snapshots } from "@/db/schema";
import type { MemberRole } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit";
import { type CandidateIdentity, readIdentity } from "./store";
import { taintIdentity } from "./taint";

export type Viewer = { userId: string; orgId: string; role: MemberRole };
export type ViewRequest = { ip: string; userAgent: string };

export type ProfileView = {
  snapshotId: string;
  requestId: string;
  accessUntil: Date;
  identity: CandidateIdentity;
  profile: {
    roleFamily: string;
    seniority: string;
    yearsExperience: number;
    skills: string[];
    country: string;
    region: string;
    workplaces: string[];
    availability: string;
    salary: { amount: number; currency: string; period: string } | null;
  };
};

async function grantedAccess(tx: Database, viewer: Viewer, snapshotId: string, at: Date) {
  const [row] = await tx
    .select({
      requestId: accessRequests.id,
      candidateId: accessRequests.candidateId,
      accessUntil: accessRequests.accessUntil,
    })
    .from(snapshots)
    .innerJoin(organisations, eq(organisations.id, snapshots.orgId))
    .innerJoin(
      accessRequests,
      and(eq(accessRequests.orgId, snapshots.orgId), eq(accessRequests.candidateId, snapshots.candidateId)),
    )
    .innerJoin(candidateProfiles, eq(candidateProfiles.id, snapshots.candidateId))
    .where(
      and(
        eq(snapshots.id, snapshotId),
        eq(snapshots.orgId, viewer.orgId),
        eq(organisations.standing, "active"),
        eq(accessRequests.status, "approved"),
        gt(accessRequests.accessUntil, at),
        isNull(candidateProfiles.erasedAt),
      ),
    )
    // A revoke waits for this view to finish; a view after the revoke sees it.
    .for("share", { of: accessRequests });
  return row ?? null;
}

async function fullProfile(tx: Database, candidateId: string): Promise<ProfileView["profile"] | null> {
  const [p] = await tx.select().from(candidateProfiles).where(eq(candidateProfiles.id, candidateId));
  if (!p) return null;
  return {
    roleFamily: p.roleFamily,
    seniority: p.seniority,
    yearsExperience: p.yearsExperience,
    skills: p.skills,
    country: p.country,
    region: p.region,
    workplaces: p.workplaces,
    availability: p.availability,
    salary:
      p.salaryAmount && p.salaryCurrency && p.salaryPeriod
        ? { amount: p.salaryAmount, currency: p.salaryCurrency, period: p.salaryPeriod }
        : null,
  };
}

function taintView(view: ProfileView): void {
  const { identity } = view;
  taintIdentity(
    view,
    [
      view,
      identity,
      identity.links,
      identity.employment,
      identity.education,
      ...identity.employment,
      ...identity.education,
    ],
    [
      identity.fullName,
      identity.email,
      identity.phone,
      ...identity.links,
      ...identity.employment.map((e) => e.employer),
      ...identity.education.map((e) => e.school),
    ],
  );
}

export async function viewCandidateProfile(
  db: Database,
  viewer: Viewer,
  snapshotId: string,
  request: ViewRequest,
  at: Date,
): Promise<ProfileView | null> {
  return db.transaction(async (tx) => {
    const access = await grantedAccess(tx, viewer, snapshotId, at);
    if (!access?.accessUntil) return null;
    const [identity, profile] = [await readIdentity(tx, access.candidateId), await fullProfile(tx, access.candidateId)];
    if (!identity || !profile) return null;
    await recordAudit(tx, {
      orgId: viewer.orgId,
      actorUserId: viewer.userId,
      action: "identity.viewed",
      targetType: "candidate",
      targetId: access.candidateId,
      detail: {
        snapshotId,
        accessRequestId: access.requestId,
        role: viewer.role,
        ip: request.ip.slice(0, 64),
        userAgent: request.userAgent.slice(0, 300),
      },
    });
    const view: ProfileView = {
      snapshotId,
      requestId: access.requestId,
      accessUntil: access.accessUntil,
      identity,
      profile,
    };
    taintView(view);
    return view;
  });
}
