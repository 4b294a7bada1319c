// Test builders for access: an employer with a job, candidates with identities, and Snapshot rows
// (written straight into the snapshots table, as lib/snapshots would).
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { candidateProfiles, jobs, organisations, snapshots } from "@/db/schema";
import { grantCredits } from "@/lib/access/credits";
import { type CandidateIdentity, insertIdentities } from "@/lib/identity";
import { makeConnection } from "./ats";
import { makeMember, makeOrg, makeUser } from "./factories";

export async function makeEmployer(db: Database, options: { credits?: number; endpointUrl?: string | null } = {}) {
  const org = await makeOrg(db);
  const owner = await makeMember(db, org.id, "owner");
  const recruiter = await makeMember(db, org.id, "recruiter");
  const connectionId = await makeConnection(db, org.id, org.brandId, {
    endpointUrl: options.endpointUrl === undefined ? "https://ats.example/hooks" : options.endpointUrl,
  });
  const jobId = await makeJob(db, org.id, connectionId);
  if (options.credits) {
    await grantCredits(db, {
      orgId: org.id,
      amount: options.credits,
      idempotencyKey: randomUUID(),
      actorUserId: null,
      note: "test",
    });
  }
  return { org, owner, recruiter, connectionId, jobId };
}

export async function makeJob(db: Database, orgId: string, connectionId: string, title = "Senior Backend Engineer") {
  const [job] = await db
    .insert(jobs)
    .values({
      orgId,
      connectionId,
      externalId: `REQ-${randomBytes(3).toString("hex")}`,
      title,
      atsStatus: "open",
      status: "active",
      fingerprint: randomBytes(8).toString("hex"),
    })
    .returning({ id: jobs.id });
  return job?.id as string;
}

export type Employer = Awaited<ReturnType<typeof makeEmployer>>;

export function identityFor(label: string): CandidateIdentity {
  return {
    fullName: `${label} Person`,
    email: `${label.toLowerCase()}@identity.example`,
    phone: "+44 7700 900123",
    links: [`https://github.example/${label.toLowerCase()}`],
    employment: [{ employer: `${label} Employer Ltd`, title: "Engineer", start: "2020-01", end: null }],
    education: [{ school: `${label} University`, degree: "BSc", start: "2014-09", end: "2017-06" }],
  };
}

export async function makeCandidate(
  db: Database,
  identity: CandidateIdentity = identityFor(randomBytes(3).toString("hex")),
) {
  const user = await makeUser(db, { name: null });
  const [profile] = await db
    .insert(candidateProfiles)
    .values({
      userId: user.id,
      roleFamily: "backend",
      seniority: "senior",
      yearsExperience: 9,
      skills: ["Go", "PostgreSQL"],
      country: "DE",
      region: "europe",
      workplaces: ["remote"],
      availability: "immediately",
    })
    .returning({ id: candidateProfiles.id });
  const candidateId = profile?.id as string;
  await insertIdentities(db, [{ candidateId, identity }]);
  return { candidateId, userId: user.id, email: user.email, identity };
}

export async function makeSnapshot(
  db: Database,
  employer: { org: { id: string }; jobId: string },
  candidateId: string,
) {
  const [row] = await db
    .insert(snapshots)
    .values({
      orgId: employer.org.id,
      jobId: employer.jobId,
      candidateId,
      candidateRef: `cand_${randomBytes(8).toString("hex")}`,
      matchScore: 80,
      fields: { roleFamily: "backend", seniority: "senior", experienceBand: "8-12", region: "europe", skills: ["Go"] },
    })
    .returning({ id: snapshots.id });
  return row?.id as string;
}

export async function creditsOf(db: Database, orgId: string) {
  const [row] = await db
    .select({ balance: organisations.creditBalance, held: organisations.creditsHeld })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return row as { balance: number; held: number };
}

/** The ledger adds up: its deltas sum to the balance, its held deltas to what open requests hold. */
export async function ledgerBalance(db: Database, orgId: string) {
  const { resultRows } = await import("@/db/client");
  const { sql } = await import("drizzle-orm");
  const [row] = resultRows<{ balance: number; held: number; ledger: number; ledger_held: number; open_held: number }>(
    await db.execute(sql`
      select o.credit_balance as balance, o.credits_held as held,
        (select coalesce(sum(delta), 0)::int from credit_ledger where org_id = o.id) as ledger,
        (select coalesce(sum(held_delta), 0)::int from credit_ledger where org_id = o.id) as ledger_held,
        (select coalesce(sum(credits_held), 0)::int from access_requests where org_id = o.id and status = 'requested') as open_held
      from organisations o where o.id = ${orgId}`),
  );
  return row as { balance: number; held: number; ledger: number; ledger_held: number; open_held: number };
}
