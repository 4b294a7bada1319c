// The signed-in candidate's own view: their anonymous profile, the requests they received and the
// accesses they granted, and the companies they hide from.
import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequests, candidateHiddenOrgs, candidateProfiles, jobs, organisations, snapshots } from "@/db/schema";
import type { AccessStatus } from "@/db/schema/enums";
import { unreadSql } from "@/lib/access/queries";

export type OwnProfile = {
  roleFamily: string;
  seniority: string;
  yearsExperience: number;
  skills: string[];
  country: string;
  region: string;
  workplaces: string[];
  availability: string;
  discoverable: boolean;
  hiddenFrom: { orgId: string; name: string }[];
};

export type ReceivedRequest = {
  id: string;
  orgName: string;
  jobTitle: string;
  message: string | null;
  status: AccessStatus;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  accessUntil: Date | null;
  closedAt: Date | null;
  unreadMessages: number;
};

export async function getOwnProfile(db: Database, candidateId: string): Promise<OwnProfile | null> {
  const [profile] = await db
    .select({
      roleFamily: candidateProfiles.roleFamily,
      seniority: candidateProfiles.seniority,
      yearsExperience: candidateProfiles.yearsExperience,
      skills: candidateProfiles.skills,
      country: candidateProfiles.country,
      region: candidateProfiles.region,
      workplaces: candidateProfiles.workplaces,
      availability: candidateProfiles.availability,
      discoverable: candidateProfiles.discoverable,
    })
    .from(candidateProfiles)
    .where(eq(candidateProfiles.id, candidateId));
  if (!profile) return null;
  const hiddenFrom = await db
    .select({ orgId: organisations.id, name: organisations.name })
    .from(candidateHiddenOrgs)
    .innerJoin(organisations, eq(organisations.id, candidateHiddenOrgs.orgId))
    .where(eq(candidateHiddenOrgs.candidateId, candidateId))
    .orderBy(asc(organisations.name));
  return { ...profile, hiddenFrom };
}

/** Every request the candidate received, newest change first, with unread messages on open accesses. */
export async function listReceivedRequests(
  db: Database,
  candidateId: string,
  userId: string,
): Promise<ReceivedRequest[]> {
  return db
    .select({
      id: accessRequests.id,
      orgName: organisations.name,
      jobTitle: jobs.title,
      message: accessRequests.message,
      status: sql<AccessStatus>`${accessRequests.status}`,
      createdAt: accessRequests.createdAt,
      expiresAt: accessRequests.expiresAt,
      decidedAt: accessRequests.decidedAt,
      accessUntil: accessRequests.accessUntil,
      closedAt: accessRequests.closedAt,
      unreadMessages: sql<number>`case when ${accessRequests.status} = 'approved' then ${unreadSql(userId, "candidate")} else 0 end`,
    })
    .from(accessRequests)
    .innerJoin(organisations, eq(organisations.id, accessRequests.orgId))
    .innerJoin(snapshots, eq(snapshots.id, accessRequests.snapshotId))
    .innerJoin(jobs, eq(jobs.id, snapshots.jobId))
    .where(eq(accessRequests.candidateId, candidateId))
    .orderBy(desc(accessRequests.updatedAt), desc(accessRequests.id));
}
