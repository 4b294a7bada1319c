// The profile viewer's read: identity only for an organisation with approved, unexpired, unrevoked
// access and in good standing; every view audited in the same transaction; identity tainted.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/db/schema";
import { decideRequest } from "@/lib/access/decisions";
import { requestAccess } from "@/lib/access/requests";
import { sweepAccess } from "@/lib/access/sweep";
import { type Employer, makeCandidate, makeEmployer, makeSnapshot } from "@/lib/testing/access";
import { setStanding } from "@/lib/testing/ats";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import * as taint from "./taint";
import { viewCandidateProfile } from "./viewer";

const DAY = 24 * 60 * 60 * 1000;
const META = { ip: "203.0.113.9", userAgent: "vitest" };
let t: TestDatabase;
let acme: Employer;
let rival: Employer;

beforeAll(async () => {
  t = await createTestDatabase();
  acme = await makeEmployer(t.db, { credits: 20 });
  rival = await makeEmployer(t.db, { credits: 20 });
});
afterAll(async () => t.drop());

const viewerOf = (e: Employer) => ({ userId: e.recruiter.id, orgId: e.org.id, role: "recruiter" as const });

/** A candidate with a Snapshot at Acme, and Acme's request in the given state. */
async function scenario(state: "none" | "requested" | "approved" | "declined" | "revoked" | "lapsed" | "expired") {
  const candidate = await makeCandidate(t.db);
  const snapshotId = await makeSnapshot(t.db, acme, candidate.candidateId);
  const who = { candidateId: candidate.candidateId, userId: candidate.userId };
  const sent = new Date(Date.now() - 100 * DAY);
  const at = state === "lapsed" || state === "expired" ? sent : new Date();
  if (state === "none") return { candidate, snapshotId };
  const { requestId } = await requestAccess(
    t.db,
    { orgId: acme.org.id, userId: acme.recruiter.id },
    { snapshotId, message: null, idempotencyKey: randomUUID() },
    at,
  );
  if (state === "approved" || state === "revoked" || state === "lapsed")
    await decideRequest(t.db, who, requestId, "approved", at);
  if (state === "declined") await decideRequest(t.db, who, requestId, "declined", at);
  if (state === "revoked") await decideRequest(t.db, who, requestId, "revoked", at);
  return { candidate, snapshotId, requestId };
}

async function viewsOf(candidateId: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.action} = 'identity.viewed' and ${auditLog.targetId} = ${candidateId}`);
}

describe("profile viewer", () => {
  it("shows identity to the approved organisation, audits the view, and taints every identity value", async () => {
    const { candidate, snapshotId } = await scenario("approved");
    const spy = vi.spyOn(taint, "taintIdentity");
    const view = await viewCandidateProfile(t.db, viewerOf(acme), snapshotId, META, new Date());
    expect(view?.identity).toEqual(candidate.identity);
    const [, objects, values] = spy.mock.calls[0] ?? [];
    expect(objects).toContain(view?.identity);
    for (const value of [
      candidate.identity.fullName,
      candidate.identity.email,
      candidate.identity.phone,
      ...candidate.identity.links,
    ])
      expect(values).toContain(value);
    const views = await viewsOf(candidate.candidateId);
    expect(views).toHaveLength(1);
    expect(views[0]?.orgId).toBe(acme.org.id);
    expect(views[0]?.detail).toMatchObject({ role: "recruiter", ip: META.ip, userAgent: "vitest", snapshotId });
    expect(JSON.stringify(views[0])).not.toContain(candidate.identity.fullName);
  });

  for (const state of ["none", "requested", "declined", "revoked", "lapsed", "expired"] as const) {
    it(`returns nothing and records nothing when the request is ${state}`, async () => {
      const { candidate, snapshotId } = await scenario(state);
      if (state === "expired") await sweepAccess(t.db, new Date());
      expect(await viewCandidateProfile(t.db, viewerOf(acme), snapshotId, META, new Date())).toBeNull();
      expect(await viewsOf(candidate.candidateId)).toHaveLength(0);
    });
  }

  it("returns nothing to another organisation, even with its own approval for the same candidate", async () => {
    const { candidate, snapshotId } = await scenario("approved");
    const rivalSnapshot = await makeSnapshot(t.db, rival, candidate.candidateId);
    expect(await viewCandidateProfile(t.db, viewerOf(rival), snapshotId, META, new Date())).toBeNull();
    expect(await viewCandidateProfile(t.db, viewerOf(rival), rivalSnapshot, META, new Date())).toBeNull();
  });

  it("returns nothing once the term has passed, before any sweep", async () => {
    const { snapshotId } = await scenario("approved");
    expect(
      await viewCandidateProfile(t.db, viewerOf(acme), snapshotId, META, new Date(Date.now() + 91 * DAY)),
    ).toBeNull();
  });

  it("returns nothing to a suspended organisation", async () => {
    const org = await makeEmployer(t.db, { credits: 2 });
    const candidate = await makeCandidate(t.db);
    const snapshotId = await makeSnapshot(t.db, org, candidate.candidateId);
    const { requestId } = await requestAccess(
      t.db,
      { orgId: org.org.id, userId: org.recruiter.id },
      { snapshotId, message: null, idempotencyKey: randomUUID() },
      new Date(),
    );
    await decideRequest(
      t.db,
      { candidateId: candidate.candidateId, userId: candidate.userId },
      requestId,
      "approved",
      new Date(),
    );
    expect(await viewCandidateProfile(t.db, viewerOf(org), snapshotId, META, new Date())).not.toBeNull();
    await setStanding(t.db, org.org.id, "suspended");
    expect(await viewCandidateProfile(t.db, viewerOf(org), snapshotId, META, new Date())).toBeNull();
  });

  it("shows nothing when the audit entry can't be written: the read and the record are one transaction", async () => {
    const { candidate, snapshotId } = await scenario("approved");
    await t.db.execute(
      sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit down'; end $$`,
    );
    await t.db.execute(
      sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`,
    );
    try {
      await expect(viewCandidateProfile(t.db, viewerOf(acme), snapshotId, META, new Date())).rejects.toThrow();
    } finally {
      await t.db.execute(sql`drop trigger refuse_audit on audit_log`);
      await t.db.execute(sql`drop function refuse_audit()`);
    }
    expect(await viewsOf(candidate.candidateId)).toHaveLength(0);
    expect(await viewCandidateProfile(t.db, viewerOf(acme), snapshotId, META, new Date())).not.toBeNull();
  });
});
