// The demo's Access Requests: Acme Robotics' requests in every state (through the real state
// machine, laid out over the past weeks), an approved access to the demo candidate with a short
// conversation, and a pending request to the demo candidate from TalentBridge, so a new user can
// open the profile viewer and answer a request at once.
//
// Until the Snapshots and demo-jobs steps are on main, this step makes the few jobs and Snapshot
// rows it needs itself (`ensureDemoSnapshot`); it uses theirs when they exist.
import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, candidateProfiles, jobs, memberships, organisations, snapshots, users } from "@/db/schema";
import { grantCredits } from "@/lib/access/credits";
import { decideRequest } from "@/lib/access/decisions";
import { cancelRequest, requestAccess } from "@/lib/access/requests";
import { sweepAccess } from "@/lib/access/sweep";
import { sendMessage } from "@/lib/messages";

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_CANDIDATE_ID = "00000000-0000-4000-8000-0000000000c1";

type Org = { id: string; recruiterId: string };

async function orgBySlug(tx: Database, slug: string): Promise<Org> {
  const [row] = await tx
    .select({ id: organisations.id, recruiterId: memberships.userId })
    .from(organisations)
    .innerJoin(memberships, eq(memberships.orgId, organisations.id))
    .where(and(eq(organisations.slug, slug), eq(memberships.role, "recruiter")));
  if (!row) throw new Error(`seed: no organisation ${slug}`);
  return row;
}

async function demoJob(tx: Database, orgId: string, title: string): Promise<string> {
  const [existing] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), eq(jobs.status, "active")))
    .orderBy(asc(jobs.firstSeenAt))
    .limit(1);
  if (existing) return existing.id;
  const [connection] = await tx
    .insert(atsConnections)
    .values({ orgId, name: "Demo ATS", provider: "generic", status: "active" })
    .returning({ id: atsConnections.id });
  const [job] = await tx
    .insert(jobs)
    .values({
      orgId,
      connectionId: connection?.id as string,
      externalId: "DEMO-1",
      title,
      atsStatus: "open",
      status: "active",
      fingerprint: createHash("sha256").update(`${orgId}:${title}`).digest("hex").slice(0, 16),
      workplace: "hybrid",
      country: "DE",
    })
    .returning({ id: jobs.id });
  return job?.id as string;
}

/** The organisation's Snapshot of the candidate for the job, made here if matching hasn't made one. */
async function ensureDemoSnapshot(tx: Database, orgId: string, jobId: string, candidateId: string): Promise<string> {
  const [existing] = await tx
    .select({ id: snapshots.id })
    .from(snapshots)
    .where(and(eq(snapshots.orgId, orgId), eq(snapshots.candidateId, candidateId)))
    .limit(1);
  if (existing) return existing.id;
  const [profile] = await tx.select().from(candidateProfiles).where(eq(candidateProfiles.id, candidateId));
  const years = profile?.yearsExperience ?? 0;
  const band =
    years < 1 ? "0-1" : years < 3 ? "1-3" : years < 5 ? "3-5" : years < 8 ? "5-8" : years < 12 ? "8-12" : "12+";
  const [row] = await tx
    .insert(snapshots)
    .values({
      orgId,
      jobId,
      candidateId,
      candidateRef: `cand_${createHash("sha256").update(`${orgId}:${candidateId}`).digest("base64url").slice(0, 22)}`,
      matchScore: 70 + (years % 25),
      fields: {
        roleFamily: profile?.roleFamily,
        seniority: profile?.seniority,
        experienceBand: band,
        region: profile?.region,
        workplace: profile?.workplaces ?? [],
        skills: (profile?.skills ?? []).slice(0, 4),
      },
    })
    .returning({ id: snapshots.id });
  return row?.id as string;
}

async function someCandidates(tx: Database, n: number): Promise<string[]> {
  const rows = await tx
    .select({ id: candidateProfiles.id })
    .from(candidateProfiles)
    .where(
      and(
        eq(candidateProfiles.discoverable, true),
        isNull(candidateProfiles.userId),
        inArray(candidateProfiles.roleFamily, ["backend", "fullstack", "devops"]),
      ),
    )
    .orderBy(asc(candidateProfiles.id))
    .limit(n);
  return rows.map((r) => r.id);
}

export async function seedAccessDemo(tx: Database, now: Date): Promise<void> {
  const acme = await orgBySlug(tx, "acme-robotics");
  const bridge = await orgBySlug(tx, "talentbridge");
  const [candidateUser] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "candidate@wigiwork.example"));
  const dana = { candidateId: DEMO_CANDIDATE_ID, userId: candidateUser?.id as string };
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  await grantCredits(tx, {
    orgId: bridge.id,
    amount: 10,
    idempotencyKey: "demo-seed",
    actorUserId: null,
    note: "Demo credits",
    at: at(130),
  });
  // What the history below spends and holds, so Acme still has its 50 free credits (CONTRACT.md §2).
  await grantCredits(tx, {
    orgId: acme.id,
    amount: 5,
    idempotencyKey: "demo-seed-history",
    actorUserId: null,
    note: "Demo credits for the request history",
    at: at(130),
  });
  const acmeJob = await demoJob(tx, acme.id, "Senior Backend Engineer");
  const bridgeJob = await demoJob(tx, bridge.id, "Platform Engineer for Northwind Health");

  const send = async (org: Org, jobId: string, candidateId: string, days: number, message: string | null) => {
    const snapshotId = await ensureDemoSnapshot(tx, org.id, jobId, candidateId);
    const { requestId } = await requestAccess(
      tx,
      { orgId: org.id, userId: org.recruiterId },
      { snapshotId, message, idempotencyKey: `demo-${org.id}-${candidateId}` },
      at(days),
    );
    return requestId;
  };
  const answer = (
    candidateId: string,
    requestId: string,
    decision: "approved" | "declined" | "revoked",
    days: number,
  ) => decideRequest(tx, { candidateId, userId: null }, requestId, decision, at(days));

  const picked = await someCandidates(tx, 7);
  if (picked.length < 7) return;
  const [lapsed, expired, declined, cancelled, revoked, waiting1, waiting2] = picked as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const intro = "Our robotics platform team is hiring; your Go and PostgreSQL background looks like a fit.";
  const danaNote = "We're building the control plane for our warehouse robots and would love to talk.";
  const recruiter = { kind: "organisation" as const, orgId: acme.id, userId: acme.recruiterId };
  const cancel = (requestId: string, days: number) =>
    cancelRequest(tx, { orgId: acme.id, userId: acme.recruiterId }, requestId, at(days));
  // In the order it happened, so the ledger's running balances read right.
  const lapsedId = await send(acme, acmeJob, lapsed, 120, intro);
  await answer(lapsed, lapsedId, "approved", 118);
  await sweepAccess(tx, at(28));
  await send(acme, acmeJob, expired, 20, null);
  await sweepAccess(tx, at(13));
  const revokedId = await send(acme, acmeJob, revoked, 10, intro);
  await answer(revoked, revokedId, "approved", 9);
  const declinedId = await send(acme, acmeJob, declined, 6, intro);
  await answer(declined, declinedId, "declined", 5);
  const cancelledId = await send(acme, acmeJob, cancelled, 5, null);
  const danaRequest = await send(acme, acmeJob, dana.candidateId, 4, danaNote);
  await cancel(cancelledId, 4);
  await decideRequest(tx, dana, danaRequest, "approved", at(3));
  await answer(revoked, revokedId, "revoked", 3);
  await sendMessage(
    tx,
    recruiter,
    danaRequest,
    "Thanks for approving! Would a call next Tuesday afternoon work?",
    at(3),
  );
  await sendMessage(
    tx,
    { kind: "candidate", ...dana },
    danaRequest,
    "Tuesday works. Could you share the team's on-call setup beforehand?",
    at(2),
  );
  await send(acme, acmeJob, waiting1, 2, intro);
  await send(acme, acmeJob, waiting2, 1, null);
  await send(bridge, bridgeJob, dana.candidateId, 1, "Northwind Health is growing its platform team in Berlin.");
}
