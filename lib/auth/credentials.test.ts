import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { auditLog, organisations } from "@/db/schema";
import { makeMember, makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { SIGN_IN_LIMITS, verifyCredentials } from "./credentials";
import { hashPassword } from "./password";

let t: TestDatabase;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestDatabase();
  passwordHash = await hashPassword("correct horse");
});
afterAll(async () => t.drop());

async function member(email: string) {
  const org = await makeOrg(t.db);
  const user = await makeMember(t.db, org.id, "owner", { email, passwordHash });
  return { org, user };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

describe("sign-in credentials", () => {
  it("accepts the right password, case-insensitively on the email, and audits the sign-in", async () => {
    const { org, user } = await member("ok@example.test");
    const result = await verifyCredentials(t.db, {
      email: "  OK@Example.test ",
      password: "correct horse",
      ip: "10.0.0.1",
    });
    expect(result).toEqual({ ok: true, userId: user.id });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(entries.map((e) => e.action)).toContain("auth.signed_in");
  });

  it("gives the same answer, in about the same time, for a wrong password and an unknown email", async () => {
    await member("timing@example.test");
    const time = async (email: string) => {
      const started = performance.now();
      const result = await verifyCredentials(t.db, { email, password: "wrong", ip: "10.0.0.2" });
      return { result, ms: performance.now() - started };
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await time("timing@example.test");
      const b = await time(`nobody-${i}@example.test`);
      expect(a.result).toEqual({ ok: false, reason: "invalid" });
      expect(b.result).toEqual({ ok: false, reason: "invalid" });
      wrong.push(a.ms);
      unknown.push(b.ms);
    }
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    await member("throttle@example.test");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++) {
      await verifyCredentials(t.db, { email: "throttle@example.test", password: "nope", ip: `10.1.0.${i}` });
    }
    const result = await verifyCredentials(t.db, {
      email: "throttle@example.test",
      password: "correct horse",
      ip: "10.1.1.1",
    });
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    expect((result as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("lets no more than the limit of parallel guesses reach the password check", async () => {
    await member("parallel@example.test");
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        verifyCredentials(t.db, { email: "parallel@example.test", password: `guess-${i}`, ip: `10.2.0.${i}` }),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBe(SIGN_IN_LIMITS.perAccount.limit);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(25 - checked);
  });

  it("throttles an IP across accounts, with counters every replica shares", async () => {
    await member("ip-victim@example.test");
    const replica = t.url ? openDatabase({ url: t.url }, 5) : null;
    const other = replica?.db ?? t.db;
    const ip = "192.0.2.77";
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) {
      await verifyCredentials(i % 2 ? other : t.db, { email: `spray-${i}@example.test`, password: "x", ip });
    }
    const result = await verifyCredentials(other, { email: "ip-victim@example.test", password: "correct horse", ip });
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    const elsewhere = await verifyCredentials(t.db, {
      email: "ip-victim@example.test",
      password: "correct horse",
      ip: "192.0.2.78",
    });
    expect(elsewhere.ok).toBe(true);
    await replica?.close();
  });

  it("refuses members of a banned organisation with the same message", async () => {
    const { org } = await member("banned@example.test");
    await t.db.update(organisations).set({ standing: "banned" }).where(eq(organisations.id, org.id));
    const result = await verifyCredentials(t.db, {
      email: "banned@example.test",
      password: "correct horse",
      ip: "10.9.9.9",
    });
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });
});
