// Who is acting: re-read from the database on every request, so role and standing changes apply at once.
import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { type Database, getDb } from "@/db/client";
import { candidateProfiles, memberships, organisations, users } from "@/db/schema";
import type { MemberRole, OrgKind, OrgStanding } from "@/db/schema/enums";
import { auth } from "./config";

export type OrgSummary = {
  id: string;
  name: string;
  kind: OrgKind;
  standing: OrgStanding;
  verification: string;
  standingReason: string | null;
};
export type MemberActor = {
  kind: "member";
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  org: OrgSummary;
};
export type CandidateActor = { kind: "candidate"; userId: string; email: string; candidateId: string };
export type AdminActor = { kind: "admin"; userId: string; name: string; email: string };
export type Actor = MemberActor | CandidateActor | AdminActor;

/** Resolves a user id to an actor, or null when the account can't act (unknown, or its organisation is banned). */
export async function loadActor(db: Database, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      platformRole: users.platformRole,
      role: memberships.role,
      orgId: organisations.id,
      orgName: organisations.name,
      orgKind: organisations.kind,
      standing: organisations.standing,
      standingReason: organisations.standingReason,
      verification: organisations.verification,
      candidateId: candidateProfiles.id,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.orgId))
    .leftJoin(candidateProfiles, eq(candidateProfiles.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  if (row.platformRole === "trust_safety") {
    return { kind: "admin", userId: row.userId, name: row.name ?? row.email, email: row.email };
  }
  if (row.orgId && row.role) {
    if (row.standing === "banned") return null;
    return {
      kind: "member",
      userId: row.userId,
      name: row.name ?? row.email,
      email: row.email,
      role: row.role as MemberRole,
      org: {
        id: row.orgId,
        name: row.orgName ?? "",
        kind: row.orgKind as OrgKind,
        standing: row.standing as OrgStanding,
        verification: row.verification ?? "unverified",
        standingReason: row.standingReason,
      },
    };
  }
  if (row.candidateId) return { kind: "candidate", userId: row.userId, email: row.email, candidateId: row.candidateId };
  return null;
}

/** The signed-in actor of this request (memoised per request). */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId)) return null;
  return loadActor(getDb(), userId);
});

export function homePathFor(actor: Actor): string {
  if (actor.kind === "admin") return "/admin";
  if (actor.kind === "candidate") return "/candidate";
  return "/dashboard";
}
