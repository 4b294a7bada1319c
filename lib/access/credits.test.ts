// Credits: the balance never goes below zero under concurrent requests (the database refuses the
// overdraft), a double submit is one request, grants are idempotent, and the ledger always adds up.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRequests, creditLedger } from "@/db/schema";
import { creditsOf, ledgerBalance, makeCandidate, makeEmployer, makeSnapshot } from "@/lib/testing/access";
import { makeMember } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { getCredits, grantCredits } from "./credits";
import { requestAccess } from "./requests";

const SETTINGS = { cost: 1, requestDays: 7, termDays: 90, dailyCap: 1000 };
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

async function snapshotsFor(employer: Awaited<ReturnType<typeof makeEmployer>>, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await makeSnapshot(t.db, employer, (await makeCandidate(t.db)).candidateId));
  return ids;
}

describe("credits", () => {
  it("50 concurrent requests against 10 credits: exactly 10 are sent and the balance is 0", async () => {
    const employer = await makeEmployer(t.db, { credits: 10 });
    const snapshots = await snapshotsFor(employer, 50);
    // Five recruiters, so trust & safety's per-recruiter hourly limit doesn't decide the outcome.
    const recruiters = [employer.recruiter.id];
    for (let i = 0; i < 4; i++) recruiters.push((await makeMember(t.db, employer.org.id, "recruiter")).id);
    const results = await Promise.allSettled(
      snapshots.map((snapshotId, i) =>
        requestAccess(
          t.db,
          { orgId: employer.org.id, userId: recruiters[i % 5] as string },
          { snapshotId, message: null, idempotencyKey: randomUUID() },
          new Date(),
          SETTINGS,
        ),
      ),
    );
    const sent = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code?: string }).code);
    expect(sent).toHaveLength(10);
    expect(new Set(refused)).toEqual(new Set(["insufficient_credits"]));
    expect(await creditsOf(t.db, employer.org.id)).toEqual({ balance: 0, held: 10 });
    const rows = await t.db.select().from(accessRequests).where(eq(accessRequests.orgId, employer.org.id));
    expect(rows).toHaveLength(10);
    expect(await ledgerBalance(t.db, employer.org.id)).toEqual({
      balance: 0,
      held: 10,
      ledger: 0,
      ledger_held: 10,
      open_held: 10,
    });
  });

  it("a double submit (the same key, at the same moment) is one request and one hold", async () => {
    const employer = await makeEmployer(t.db, { credits: 5 });
    const [snapshotId] = await snapshotsFor(employer, 1);
    const key = randomUUID();
    const submit = () =>
      requestAccess(
        t.db,
        { orgId: employer.org.id, userId: employer.recruiter.id },
        { snapshotId: snapshotId as string, message: null, idempotencyKey: key },
        new Date(),
        SETTINGS,
      );
    const answers = await Promise.all([submit(), submit(), submit()]);
    expect(new Set(answers.map((a) => a.requestId)).size).toBe(1);
    expect(await creditsOf(t.db, employer.org.id)).toEqual({ balance: 4, held: 1 });
    const holds = await t.db.select().from(creditLedger).where(eq(creditLedger.orgId, employer.org.id));
    expect(holds.filter((l) => l.kind === "hold")).toHaveLength(1);
  });

  it("grants are idempotent under their key and show in the ledger", async () => {
    const employer = await makeEmployer(t.db);
    const grant = {
      orgId: employer.org.id,
      amount: 25,
      idempotencyKey: randomUUID(),
      actorUserId: null,
      note: "Top-up",
    };
    const answers = await Promise.all([grantCredits(t.db, grant), grantCredits(t.db, grant)]);
    expect(answers.map((a) => a.balance)).toEqual([25, 25]);
    expect(answers.filter((a) => a.duplicate)).toHaveLength(1);
    const credits = await getCredits(t.db, employer.org.id);
    expect(credits).toMatchObject({ balance: 25, held: 0 });
    expect(credits.ledger.map((l) => [l.kind, l.delta, l.balanceAfter])).toEqual([["grant", 25, 25]]);
    await expect(grantCredits(t.db, { ...grant, idempotencyKey: randomUUID(), amount: 0 })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });
});
