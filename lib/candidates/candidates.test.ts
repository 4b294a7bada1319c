// The candidate's controls: discoverability and hidden-from changes bump the profile's updated_at
// (for the Snapshots reconciler); "Delete my data" cancels, revokes, erases and leaves a tombstone.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "@/db/client";
import { accessRequests, candidateHiddenOrgs, candidateProfiles, users } from "@/db/schema";
import { decideRequest } from "@/lib/access/decisions";
import { requestAccess } from "@/lib/access/requests";
import {
  creditsOf,
  type Employer,
  ledgerBalance,
  makeCandidate,
  makeEmployer,
  makeSnapshot,
} from "@/lib/testing/access";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { eraseCandidate, purgeErasedProfiles } from "./erase";
import { hideFromCompany, setDiscoverable, unhideCompany } from "./privacy";

const DAY = 24 * 60 * 60 * 1000;
let t: TestDatabase;
let acme: Employer;

beforeAll(async () => {
  t = await createTestDatabase();
  acme = await makeEmployer(t.db, { credits: 10 });
});
afterAll(async () => t.drop());

async function profileOf(id: string) {
  const [row] = await t.db.select().from(candidateProfiles).where(eq(candidateProfiles.id, id));
  return row;
}

describe("candidate controls", () => {
  it("bumps updated_at when discoverability or the hidden-from list changes", async () => {
    const c = await makeCandidate(t.db);
    await t.db.execute(
      sql`update candidate_profiles set updated_at = now() - interval '1 day' where id = ${c.candidateId}`,
    );
    let before = (await profileOf(c.candidateId))?.updatedAt as Date;
    await setDiscoverable(t.db, c.candidateId, false);
    const after = await profileOf(c.candidateId);
    expect(after?.discoverable).toBe(false);
    expect(after?.updatedAt.getTime()).toBeGreaterThan(before.getTime());

    await t.db.execute(
      sql`update candidate_profiles set updated_at = now() - interval '1 day' where id = ${c.candidateId}`,
    );
    before = (await profileOf(c.candidateId))?.updatedAt as Date;
    expect(await hideFromCompany(t.db, c.candidateId, `someone@${acme.org.domains[0]}`)).toEqual([acme.org.name]);
    expect((await profileOf(c.candidateId))?.updatedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(await hideFromCompany(t.db, c.candidateId, acme.org.name.toUpperCase())).toEqual([acme.org.name]);
    const hidden = await t.db
      .select()
      .from(candidateHiddenOrgs)
      .where(eq(candidateHiddenOrgs.candidateId, c.candidateId));
    expect(hidden.map((h) => h.orgId)).toEqual([acme.org.id]);
    await expect(hideFromCompany(t.db, c.candidateId, "No Such Company GmbH")).rejects.toMatchObject({
      code: "invalid_input",
    });
    await unhideCompany(t.db, c.candidateId, acme.org.id);
    expect(
      await t.db.select().from(candidateHiddenOrgs).where(eq(candidateHiddenOrgs.candidateId, c.candidateId)),
    ).toEqual([]);
  });

  it("a hidden-from company can't send a request", async () => {
    const c = await makeCandidate(t.db);
    const snapshotId = await makeSnapshot(t.db, acme, c.candidateId);
    await hideFromCompany(t.db, c.candidateId, acme.org.name);
    await expect(
      requestAccess(
        t.db,
        { orgId: acme.org.id, userId: acme.recruiter.id },
        { snapshotId, message: null, idempotencyKey: randomUUID() },
        new Date(),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletes my data: open requests cancelled with credits back, access revoked, identity and account gone", async () => {
    const c = await makeCandidate(t.db);
    const other = await makeEmployer(t.db, { credits: 3 });
    const pending = await requestAccess(
      t.db,
      { orgId: acme.org.id, userId: acme.recruiter.id },
      { snapshotId: await makeSnapshot(t.db, acme, c.candidateId), message: null, idempotencyKey: randomUUID() },
      new Date(),
    );
    const granted = await requestAccess(
      t.db,
      { orgId: other.org.id, userId: other.recruiter.id },
      { snapshotId: await makeSnapshot(t.db, other, c.candidateId), message: null, idempotencyKey: randomUUID() },
      new Date(),
    );
    await decideRequest(
      t.db,
      { candidateId: c.candidateId, userId: c.userId },
      granted.requestId,
      "approved",
      new Date(),
    );
    const acmeBefore = await creditsOf(t.db, acme.org.id);

    expect(await eraseCandidate(t.db, { candidateId: c.candidateId, userId: c.userId }, new Date())).toEqual({
      cancelled: 1,
      revoked: 1,
    });
    const statuses = await t.db.select().from(accessRequests).where(eq(accessRequests.candidateId, c.candidateId));
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [pending.requestId]: "cancelled",
      [granted.requestId]: "revoked",
    });
    expect(await creditsOf(t.db, acme.org.id)).toEqual({ balance: acmeBefore.balance + 1, held: acmeBefore.held - 1 });
    const balanced = await ledgerBalance(t.db, acme.org.id);
    expect(balanced.ledger).toBe(balanced.balance);
    const tombstone = await profileOf(c.candidateId);
    expect(tombstone).toMatchObject({ discoverable: false, userId: null, salaryAmount: null });
    expect(tombstone?.erasedAt).toBeInstanceOf(Date);
    const [account] = await t.db.select().from(users).where(eq(users.id, c.userId));
    expect(account?.email).toMatch(/^erased-.*@erased\.invalid$/);
    expect(account?.passwordHash).toBe("!erased");
    const identities = resultRows<{ n: number }>(
      await t.db.execute(
        sql`select count(*)::int as n from candidate_identities where candidate_id = ${c.candidateId}`,
      ),
    );
    expect(identities[0]?.n).toBe(0);
    const audit = resultRows<{ row: string }>(
      await t.db.execute(
        sql`select row_to_json(a)::text as row from audit_log a where action = 'candidate.erased' and target_id = ${c.candidateId}`,
      ),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.row).not.toContain(c.email);
    expect(audit[0]?.row).not.toContain(c.identity.fullName);

    expect(await purgeErasedProfiles(t.db, new Date(Date.now() + 6 * DAY))).toBe(0);
    expect(await purgeErasedProfiles(t.db, new Date(Date.now() + 8 * DAY))).toBe(1);
    expect(await profileOf(c.candidateId)).toBeUndefined();
  });
});
