import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { entryBody, entryHash, GENESIS, UTC_TEXT_FORMAT } from "./chain";
import { listOrgAudit, recordAudit, verifyAuditChain } from "./index";
import { checkAudit, checkpointAudit } from "./report";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wigi-audit-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.drop();
});

const file = (name: string) => path.join(dir, name);

async function orgWith(actions: string[]) {
  const org = await makeOrg(t.db);
  for (const action of actions) {
    await recordAudit(t.db, { orgId: org.id, actorUserId: null, action, detail: { n: action, at: new Date(0) } });
  }
  return org;
}

const idsOf = async (orgId: string) =>
  (await t.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.orgId, orgId)).orderBy(auditLog.id)).map(
    (r) => r.id,
  );

/** As a superuser who switches the append-only trigger off for this transaction. */
const asSuperuser = (work: (tx: Database) => Promise<unknown>) =>
  t.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await work(tx);
  });

/** The database's own message for a refused statement (drizzle wraps it as the cause). */
const refusal = (statement: Promise<unknown>) =>
  statement.then(
    () => "accepted",
    (error: { message: string; cause?: { message?: string } }) => error.cause?.message ?? error.message,
  );

const problemOf = (check: Awaited<ReturnType<typeof checkAudit>>, orgId: string) =>
  check.results.find((r) => r.chain === orgId)?.problem ?? null;

describe("audit log", () => {
  it("chains entries per organisation and verifies them", async () => {
    const org = await orgWith(["a.one", "a.two", "a.three"]);
    expect(await verifyAuditChain(t.db, org.id)).toBeNull();
    const rows = await listOrgAudit(t.db, org.id);
    expect(rows.map((r) => r.action)).toEqual(["a.three", "a.two", "a.one"]);
    expect(rows[0]?.detail).toEqual({ n: "a.three", at: "1970-01-01T00:00:00.000Z" });
  });

  it("refuses UPDATE, DELETE and TRUNCATE through the application's own connection", async () => {
    const org = await orgWith(["r.one"]);
    const [id] = await idsOf(org.id);
    const where = eq(auditLog.id, id as number);
    expect(await refusal(t.db.update(auditLog).set({ action: "r.forged" }).where(where))).toMatch(
      /append-only: UPDATE/,
    );
    expect(await refusal(t.db.delete(auditLog).where(where))).toMatch(/append-only: DELETE/);
    expect(await refusal(t.db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);
    expect(await idsOf(org.id)).toEqual([id]);
  });

  it("verifies entries written and read under different session time zones", async () => {
    const org = await makeOrg(t.db);
    for (const zone of ["UTC", "Pacific/Chatham", "America/St_Johns", "Asia/Kathmandu"]) {
      await t.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local timezone = '${zone}'`));
        await recordAudit(tx, { orgId: org.id, actorUserId: null, action: `tz.${zone}` });
      });
    }
    for (const zone of ["Pacific/Kiritimati", "UTC", "America/Adak"]) {
      await t.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local timezone = '${zone}'`));
        expect(await verifyAuditChain(tx, org.id)).toBeNull();
      });
    }
  });

  it("is written with the caller's transaction, and leaves nothing when it rolls back", async () => {
    const org = await orgWith(["tx.one"]);
    await expect(
      t.db.transaction(async (tx) => {
        await recordAudit(tx, { orgId: org.id, actorUserId: null, action: "tx.rolled_back" });
        throw new Error("the action failed");
      }),
    ).rejects.toThrow("the action failed");
    await recordAudit(t.db, { orgId: org.id, actorUserId: null, action: "tx.two" });
    expect((await listOrgAudit(t.db, org.id)).map((r) => r.action)).toEqual(["tx.two", "tx.one"]);
    expect(await verifyAuditChain(t.db, org.id)).toBeNull();
  });

  it("keeps one linear chain under concurrent appends", async () => {
    const org = await makeOrg(t.db);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.db.transaction((tx) => recordAudit(tx, { orgId: org.id, actorUserId: null, action: `c.${i}` })),
      ),
    );
    expect(await verifyAuditChain(t.db, org.id)).toBeNull();
    const [{ n, distinct } = { n: 0, distinct: 0 }] = await t.db
      .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct prev_hash)::int` })
      .from(auditLog)
      .where(eq(auditLog.orgId, org.id));
    expect(n).toBe(25);
    expect(distinct).toBe(25);
  });

  it("keeps organisations' chains and the platform chain apart", async () => {
    const a = await makeOrg(t.db);
    const b = await makeOrg(t.db);
    await recordAudit(t.db, { orgId: a.id, actorUserId: null, action: "only.a" });
    await recordAudit(t.db, { orgId: null, actorUserId: null, action: "platform.only" });
    expect(await listOrgAudit(t.db, b.id)).toEqual([]);
    expect(await verifyAuditChain(t.db, null)).toBeNull();
  });

  describe("tampering (each on a database of its own, so the others' chains hold)", () => {
    let shared: TestDatabase;
    beforeEach(async () => {
      shared = t;
      t = await createTestDatabase();
    });
    afterEach(async () => {
      await t.drop();
      t = shared;
    });

    it("names the entry a superuser changed through SQL", async () => {
      const org = await orgWith(["x.first", "x.second", "x.third"]);
      const [, second] = await idsOf(org.id);
      await asSuperuser((tx) => tx.execute(sql`update audit_log set detail = '{"forged": true}' where id = ${second}`));
      expect(await verifyAuditChain(t.db, org.id)).toBe(second);
      const check = await checkAudit(t.db, file("changed.jsonl"));
      expect(check.ok).toBe(false);
      expect(problemOf(check, org.id)).toMatchObject({ position: 2, entryId: second, action: "x.second" });
      expect(check.lines.join("\n")).toMatch(
        new RegExp(`BROKEN .*\\(${org.id}\\): entry #2 \\(id ${second}, x.second`),
      );
    });

    it("catches a whole chain rewritten consistently, against the signed checkpoint", async () => {
      const checkpoints = file("rewrite.jsonl");
      const org = await orgWith(["w.one", "w.two", "w.three"]);
      const first = await checkpointAudit(t.db, checkpoints);
      expect(first.ok).toBe(true);
      await recordAudit(t.db, { orgId: org.id, actorUserId: null, action: "w.four" });

      await asSuperuser(async (tx) => {
        const rows = (await tx.execute(
          sql`select id::int as id, org_id, actor_user_id, action, target_type, target_id, detail,
                     to_char(created_at at time zone 'UTC', ${sql.raw(UTC_TEXT_FORMAT)}) as created_at
                from audit_log where org_id = ${org.id} order by id`,
        )) as unknown as { rows?: Record<string, unknown>[] } & Record<string, unknown>[];
        let prev = GENESIS;
        for (const row of rows.rows ?? rows) {
          const action = row.action === "w.two" ? "w.two-rewritten" : (row.action as string);
          const body = entryBody({
            orgId: row.org_id as string,
            actorUserId: null,
            action,
            targetType: null,
            targetId: null,
            detail: row.detail as Record<string, unknown>,
            createdAt: row.created_at as string,
          });
          const hash = entryHash(prev, body);
          await tx.execute(
            sql`update audit_log set action = ${action}, prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`,
          );
          prev = hash;
        }
        await tx.execute(sql`update audit_heads set hash = ${prev} where chain = ${org.id}`);
      });

      expect(await verifyAuditChain(t.db, org.id)).toBeNull();
      const check = await checkAudit(t.db, checkpoints);
      expect(check.ok).toBe(false);
      expect(problemOf(check, org.id)).toMatchObject({ position: 3, action: "w.three" });
      expect(problemOf(check, org.id)?.reason).toMatch(/rewritten at or before this entry/);
      const again = await checkpointAudit(t.db, checkpoints);
      expect(again.lines.at(-1)).toMatch(/No checkpoint written/);
    });

    it("catches entries deleted from the end of a chain, by its head and by the checkpoint", async () => {
      const checkpoints = file("tail.jsonl");
      const org = await orgWith(["t.one", "t.two"]);
      expect((await checkpointAudit(t.db, checkpoints)).ok).toBe(true);
      const [, last] = await idsOf(org.id);
      await asSuperuser((tx) => tx.execute(sql`delete from audit_log where id = ${last}`));
      expect(problemOf(await checkAudit(t.db, checkpoints), org.id)).toMatchObject({ position: 2 });
      await asSuperuser((tx) =>
        tx.execute(
          sql`update audit_heads set entries = 1, hash = (select hash from audit_log where org_id = ${org.id}) where chain = ${org.id}`,
        ),
      );
      expect(problemOf(await checkAudit(t.db, checkpoints), org.id)?.reason).toMatch(/entries are missing/);
    });

    it("refuses a checkpoint line whose signature doesn't verify", async () => {
      const checkpoints = file("forged.jsonl");
      await orgWith(["f.one"]);
      expect((await checkpointAudit(t.db, checkpoints)).ok).toBe(true);
      const [line] = fs.readFileSync(checkpoints, "utf8").trim().split("\n");
      const forged = { ...JSON.parse(line as string), writtenAt: "2000-01-01T00:00:00.000Z" };
      fs.appendFileSync(checkpoints, `${JSON.stringify(forged)}\n`);
      const check = await checkAudit(t.db, checkpoints);
      expect(check.ok).toBe(false);
      expect(check.lines.join("\n")).toMatch(/line 2 .* signature that doesn't verify/);
    });
  });
});
