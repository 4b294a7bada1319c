import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { listOrgAudit, recordAudit, verifyAuditChain } from "./index";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("audit log", () => {
  it("chains entries per organisation and verifies them", async () => {
    const org = await makeOrg(t.db);
    for (const action of ["a.one", "a.two", "a.three"]) {
      await recordAudit(t.db, { orgId: org.id, actorUserId: null, action, detail: { n: action } });
    }
    expect(await verifyAuditChain(t.db, org.id)).toBeNull();
    const rows = await listOrgAudit(t.db, org.id);
    expect(rows.map((r) => r.action)).toEqual(["a.three", "a.two", "a.one"]);
  });

  it("detects an edited entry", async () => {
    const org = await makeOrg(t.db);
    await recordAudit(t.db, { orgId: org.id, actorUserId: null, action: "x.first" });
    await recordAudit(t.db, { orgId: org.id, actorUserId: null, action: "x.second" });
    const [first] = await t.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "x.first"));
    await t.db
      .update(auditLog)
      .set({ detail: { forged: true } })
      .where(eq(auditLog.id, first?.id as number));
    expect(await verifyAuditChain(t.db, org.id)).toBe(first?.id);
  });

  it("keeps one linear chain under concurrent appends", async () => {
    const org = await makeOrg(t.db);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => recordAudit(t.db, { orgId: org.id, actorUserId: null, action: `c.${i}` })),
    );
    expect(await verifyAuditChain(t.db, org.id)).toBeNull();
    const [{ n, distinct } = { n: 0, distinct: 0 }] = await t.db
      .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct prev_hash)::int` })
      .from(auditLog)
      .where(eq(auditLog.orgId, org.id));
    expect(n).toBe(25);
    expect(distinct).toBe(25);
  });

  it("keeps organisations' chains apart", async () => {
    const a = await makeOrg(t.db);
    const b = await makeOrg(t.db);
    await recordAudit(t.db, { orgId: a.id, actorUserId: null, action: "only.a" });
    expect(await listOrgAudit(t.db, b.id)).toEqual([]);
  });
});
