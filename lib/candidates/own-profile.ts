// The signed-in candidate's own anonymous profile and the companies they hide from.
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequests, candidateHiddenOrgs, candidateProfiles, organisations } from "@/db/schema";

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
  requests: { id: string; orgName: string; status: string; createdAt: Date }[];
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
  const [hiddenFrom, requests] = await Promise.all([
    db
      .select({ orgId: organisations.id, name: organisations.name })
      .from(candidateHiddenOrgs)
      .innerJoin(organisations, eq(organisations.id, candidateHiddenOrgs.orgId))
      .where(eq(candidateHiddenOrgs.candidateId, candidateId))
      .orderBy(asc(organisations.name)),
    db
      .select({
        id: accessRequests.id,
        orgName: organisations.name,
        status: accessRequests.status,
        createdAt: accessRequests.createdAt,
      })
      .from(accessRequests)
      .innerJoin(organisations, eq(organisations.id, accessRequests.orgId))
      .where(eq(accessRequests.candidateId, candidateId)),
  ]);
  return { ...profile, hiddenFrom, requests };
}
