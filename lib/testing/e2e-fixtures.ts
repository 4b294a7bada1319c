// Fresh, isolated data for one browser test (served by the test-hooks route, only with
// WIGI_TEST_HOOKS=1 outside production): an employer with members who can sign in, a job, a
// candidate who can sign in, a Snapshot of the candidate, and optionally a request in some state.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { organisations, users } from "@/db/schema";
import { decideRequest } from "@/lib/access/decisions";
import { requestAccess } from "@/lib/access/requests";
import { hashPassword } from "@/lib/auth/password";
import type { CandidateIdentity } from "@/lib/identity";
import { identityFor, makeCandidate, makeEmployer, makeSnapshot } from "./access";

export type FixtureOptions = {
  password: string;
  credits?: number;
  endpointUrl?: string | null;
  identity?: CandidateIdentity;
  state?: "none" | "requested" | "approved" | "revoked";
  standing?: "active" | "suspended";
};

export async function createAccessFixture(db: Database, options: FixtureOptions) {
  const hash = await hashPassword(options.password);
  const tag = randomBytes(3).toString("hex");
  const employer = await makeEmployer(db, { credits: options.credits ?? 5, endpointUrl: options.endpointUrl ?? null });
  const candidate = await makeCandidate(db, options.identity ?? identityFor(`E2e${tag}`));
  const emails = {
    owner: `owner-${tag}@e2e.example`,
    recruiter: `recruiter-${tag}@e2e.example`,
    candidate: `candidate-${tag}@e2e.example`,
  };
  for (const [id, email] of [
    [employer.owner.id, emails.owner],
    [employer.recruiter.id, emails.recruiter],
    [candidate.userId, emails.candidate],
  ] as const) {
    await db.update(users).set({ email, passwordHash: hash }).where(eq(users.id, id));
  }
  await db
    .update(organisations)
    .set({ name: `E2E Employer ${tag}` })
    .where(eq(organisations.id, employer.org.id));
  const snapshotId = await makeSnapshot(db, employer, candidate.candidateId);
  let requestId: string | null = null;
  const state = options.state ?? "none";
  if (state !== "none") {
    ({ requestId } = await requestAccess(
      db,
      { orgId: employer.org.id, userId: employer.recruiter.id },
      { snapshotId, message: "We'd like to talk about our platform team.", idempotencyKey: randomUUID() },
      new Date(),
    ));
    const who = { candidateId: candidate.candidateId, userId: candidate.userId };
    if (state === "approved" || state === "revoked") await decideRequest(db, who, requestId, "approved", new Date());
    if (state === "revoked") await decideRequest(db, who, requestId, "revoked", new Date());
  }
  if (options.standing === "suspended") {
    await db.update(organisations).set({ standing: "suspended" }).where(eq(organisations.id, employer.org.id));
  }
  return {
    orgId: employer.org.id,
    orgName: `E2E Employer ${tag}`,
    emails,
    candidateId: candidate.candidateId,
    snapshotId,
    jobId: employer.jobId,
    requestId,
  };
}
