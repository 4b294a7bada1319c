import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flags, organisations } from "@/db/schema";
import { checkAudit } from "@/lib/audit/report";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { seedDemo } from "./seed";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { candidates: 5 });
});
afterAll(async () => t.drop());

describe("trust & safety demo", () => {
  it("has one suspended organisation, a banned one, open flags, and an audit log that verifies", async () => {
    const standings = await t.db
      .select({ name: organisations.name, standing: organisations.standing })
      .from(organisations);
    expect(standings.filter((o) => o.standing === "suspended").map((o) => o.name)).toEqual(["Globex Logistics"]);
    expect(standings.filter((o) => o.standing === "banned").map((o) => o.name)).toEqual(["Initech Talent"]);
    expect((await t.db.select().from(flags).where(eq(flags.status, "open"))).length).toBeGreaterThanOrEqual(3);
    expect((await checkAudit(t.db, "/nonexistent/checkpoints.jsonl")).ok).toBe(true);
  });
});
