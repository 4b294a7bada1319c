import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidateProfiles, organisations } from "@/db/schema";
import { makeMember, makeOrg, makeUser } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { homePathFor, loadActor } from "./actor";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("actor", () => {
  it("resolves members with their role and organisation, re-reading standing every time", async () => {
    const org = await makeOrg(t.db, { name: "Standing Co" });
    const user = await makeMember(t.db, org.id, "recruiter");
    const before = await loadActor(t.db, user.id);
    expect(before).toMatchObject({ kind: "member", role: "recruiter", org: { id: org.id, standing: "active" } });
    expect(homePathFor(before as NonNullable<typeof before>)).toBe("/dashboard");

    await t.db.update(organisations).set({ standing: "suspended" }).where(eq(organisations.id, org.id));
    expect(await loadActor(t.db, user.id)).toMatchObject({ org: { standing: "suspended" } });

    await t.db.update(organisations).set({ standing: "banned" }).where(eq(organisations.id, org.id));
    expect(await loadActor(t.db, user.id)).toBeNull();
  });

  it("resolves trust & safety and candidates, and nobody else", async () => {
    const admin = await makeUser(t.db, { platformRole: "trust_safety" });
    expect(await loadActor(t.db, admin.id)).toMatchObject({ kind: "admin" });

    const person = await makeUser(t.db);
    expect(await loadActor(t.db, person.id)).toBeNull();
    const [profile] = await t.db
      .insert(candidateProfiles)
      .values({
        userId: person.id,
        roleFamily: "backend",
        seniority: "mid",
        yearsExperience: 4,
        skills: ["Go"],
        country: "DE",
        region: "europe",
        workplaces: ["remote"],
        availability: "immediately",
      })
      .returning({ id: candidateProfiles.id });
    expect(await loadActor(t.db, person.id)).toEqual({
      kind: "candidate",
      userId: person.id,
      email: person.email,
      candidateId: profile?.id,
    });
    expect(await loadActor(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
