import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessRequests,
  brands,
  candidateProfiles,
  creditLedger,
  memberships,
  organisations,
  users,
} from "@/db/schema";
import { ACCESS_STATUS } from "@/db/schema/enums";
import { verifyPassword } from "@/lib/auth/password";
import { ALL_SKILLS, COUNTRIES, ROLE_FAMILIES } from "@/lib/taxonomy";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { DEMO_PASSWORD, generateCandidate, seedDemo } from "./seed";
import { DEMO_CANDIDATE_ID } from "./seed-access";
import { createRandom } from "./seed-random";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { candidates: 300 });
});
afterAll(async () => t.drop());

describe("demo seed", () => {
  it("has Acme's requests in every state and an approved access to the demo candidate", async () => {
    const [acme] = await t.db.select().from(organisations).where(eq(organisations.slug, "acme-robotics"));
    const requests = await t.db
      .select()
      .from(accessRequests)
      .where(eq(accessRequests.orgId, acme?.id as string));
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(ACCESS_STATUS));
    const dana = requests.filter((r) => r.candidateId === DEMO_CANDIDATE_ID);
    expect(dana.map((r) => r.status)).toEqual(["approved"]);
    expect(acme).toMatchObject({ creditBalance: 50, creditsHeld: 2 });
    const toDana = await t.db.select().from(accessRequests).where(eq(accessRequests.candidateId, DEMO_CANDIDATE_ID));
    expect(toDana.map((r) => r.status).sort()).toEqual(["approved", "requested"]);
  });

  it("creates the contract's demo accounts with the demo password", async () => {
    const rows = await t.db
      .select({
        email: users.email,
        hash: users.passwordHash,
        role: memberships.role,
        org: organisations.name,
        platformRole: users.platformRole,
      })
      .from(users)
      .leftJoin(memberships, eq(memberships.userId, users.id))
      .leftJoin(organisations, eq(organisations.id, memberships.orgId));
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(byEmail["owner@acme.example"]).toMatchObject({ role: "owner", org: "Acme Robotics" });
    expect(byEmail["recruiter@acme.example"]).toMatchObject({ role: "recruiter", org: "Acme Robotics" });
    expect(byEmail["agency@talentbridge.example"]).toMatchObject({ role: "recruiter", org: "TalentBridge" });
    expect(byEmail["admin@wigiwork.example"]).toMatchObject({ platformRole: "trust_safety" });
    expect(byEmail["candidate@wigiwork.example"]).toBeDefined();
    expect(await verifyPassword(byEmail["owner@acme.example"]?.hash ?? null, DEMO_PASSWORD)).toBe(true);
    expect(byEmail["owner@acme.example"]?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it("gives Acme 50 credits through the ledger and TalentBridge its client brand", async () => {
    const [acme] = await t.db.select().from(organisations).where(eq(organisations.slug, "acme-robotics"));
    expect(acme).toMatchObject({ kind: "employer", verification: "verified", creditBalance: 50 });
    const ledger = await t.db
      .select()
      .from(creditLedger)
      .where(eq(creditLedger.orgId, acme?.id as string));
    expect(ledger).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "grant", delta: 50, balanceAfter: 50 })]),
    );
    expect(ledger.reduce((sum, l) => sum + l.delta, 0)).toBe(50);
    const clients = await t.db.select({ name: brands.name }).from(brands).where(eq(brands.isClient, true));
    expect(clients.map((c) => c.name)).toEqual(["Northwind Health"]);
  });

  it("generates realistic candidates from the vocabulary, plus the demo candidate", async () => {
    const profiles = await t.db.select().from(candidateProfiles);
    expect(profiles).toHaveLength(301);
    for (const p of profiles) {
      expect(Object.keys(ROLE_FAMILIES)).toContain(p.roleFamily);
      expect(COUNTRIES[p.country]?.region).toBe(p.region);
      for (const skill of p.skills) expect(ALL_SKILLS.has(skill)).toBe(true);
    }
    const families = new Set(profiles.map((p) => p.roleFamily));
    expect(families.size).toBeGreaterThan(8);
    const demo = profiles.find((p) => p.userId !== null);
    expect(demo).toMatchObject({ roleFamily: "backend", seniority: "senior", region: "europe" });
  });

  it("is deterministic and runs once", async () => {
    const a = generateCandidate(createRandom(42), 7);
    const b = generateCandidate(createRandom(42), 7);
    expect(a).toEqual(b);
    expect(await seedDemo(t.db, { candidates: 10 })).toEqual({ seeded: false });
    const [{ n } = { n: 0 }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(candidateProfiles);
    expect(n).toBe(301);
  });

  it("stores identity only as ciphertext (canary)", async () => {
    const dump = await t.db.execute(sql`select row_to_json(i)::text as row from candidate_identities i`);
    const text = JSON.stringify(dump);
    expect(text).not.toContain("Dana Demo");
    expect(text).not.toContain("5550 1234");
    expect(text).not.toContain("Technical University of Munich");
    expect(text).toContain("v1.");
  });
});
