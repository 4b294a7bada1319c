import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brands } from "@/db/schema";
import { isConnectionLost } from "@/lib/errors";
import { makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { insertRows } from "./bulk";
import { type Database, openDatabase, type PipelinedWork, pipelinedTransaction, resultRows } from "./client";
import { lockKeys } from "./locks";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const brandCount = async (orgId: string) =>
  (await t.db.select({ n: count() }).from(brands).where(eq(brands.orgId, orgId)))[0]?.n;

const brandRow = (orgId: string, name: string, extra = {}) => ({
  orgId,
  name,
  nameKey: name.toLowerCase(),
  ...extra,
});

describe("pipelined transactions", () => {
  it("commits the reads' result and the writes sent last", async () => {
    const org = await makeOrg(t.db);
    const result = await pipelinedTransaction(t.db, async (tx) => {
      const [row] = resultRows<{ n: number }>(await tx.execute(sql`select 41 + 1 as n`));
      return { result: row?.n, writes: insertRows(tx, brands, [brandRow(org.id, "Pipelined")]) };
    });
    expect(result).toBe(42);
    expect(await brandCount(org.id)).toBe(2);
  });

  it("rolls everything back when a write fails, and the connection stays usable", async () => {
    const org = await makeOrg(t.db);
    const attempt = pipelinedTransaction(t.db, async (tx) => ({
      result: null,
      writes: Promise.all([insertRows(tx, brands, [brandRow(org.id, "Kept?")]), tx.execute(sql`select 1 / 0`)]),
    }));
    await expect(attempt).rejects.toThrow();
    expect(await brandCount(org.id)).toBe(1);
    const again = await pipelinedTransaction(t.db, async (tx) => ({
      result: resultRows<{ ok: number }>(await tx.execute(sql`select 1 as ok`))[0]?.ok,
      writes: Promise.resolve(),
    }));
    expect(again).toBe(1);
  });

  it("rolls back when the work itself throws", async () => {
    const org = await makeOrg(t.db);
    const attempt = pipelinedTransaction(t.db, async (tx) => {
      await insertRows(tx, brands, [brandRow(org.id, "Half")]);
      throw new Error("changed my mind");
    });
    await expect(attempt).rejects.toThrow("changed my mind");
    expect(await brandCount(org.id)).toBe(1);
  });

  it("keeps every statement inside, however many steps the query builder takes before sending it", async () => {
    const org = await makeOrg(t.db);
    const attempt = pipelinedTransaction(t.db, async (tx) => ({
      result: null,
      writes: Promise.all([tx.insert(brands).values(brandRow(org.id, "Built")), tx.execute(sql`select 1 / 0`)]),
    }));
    await expect(attempt).rejects.toThrow();
    expect(await brandCount(org.id)).toBe(1);
  });

  it("commits its prelude on its own, before the work, even when the work fails", async () => {
    const org = await makeOrg(t.db);
    const attempt = pipelinedTransaction(
      t.db,
      async (tx, before) => {
        expect(await before).toBe("counted");
        await insertRows(tx, brands, [brandRow(org.id, "Rolled back")]);
        throw new Error("the work failed");
      },
      async (tx: Database) => {
        await insertRows(tx, brands, [brandRow(org.id, "Prelude")]);
        return "counted";
      },
    );
    await expect(attempt).rejects.toThrow("the work failed");
    const names = await t.db.select({ name: brands.name }).from(brands).where(eq(brands.orgId, org.id));
    expect(names.map((n) => n.name).sort()).toEqual([org.name, "Prelude"].sort());
  });

  it.skipIf(!process.env.DATABASE_URL)("holds no lock the prelude took while the work runs", async () => {
    const org = await makeOrg(t.db);
    const [brand] = await t.db.select({ id: brands.id }).from(brands).where(eq(brands.orgId, org.id));
    const other = openDatabase({ url: t.url as string }, 1);
    const lockedElsewhere = await pipelinedTransaction(
      t.db,
      async (_tx, before) => {
        await before;
        const probe = other.db.transaction(async (o) => {
          await o.execute(sql`set local lock_timeout = '2s'`);
          await o
            .update(brands)
            .set({ verified: true })
            .where(eq(brands.id, brand?.id as string));
          return "updated";
        });
        return { result: await probe.catch(() => "blocked"), writes: Promise.resolve() };
      },
      async (tx: Database) => {
        await tx
          .update(brands)
          .set({ verified: false })
          .where(eq(brands.id, brand?.id as string));
      },
    );
    await other.close();
    expect(lockedElsewhere).toBe("updated");
  });

  it.skipIf(!process.env.DATABASE_URL)("prepares its statements, so they cost one round trip", async () => {
    const prepared = await pipelinedTransaction(t.db, async (tx) => {
      await tx.select({ id: brands.id }).from(brands).where(eq(brands.name, "no such brand"));
      const rows = resultRows<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like ${"%brands%"}`),
      );
      return { result: rows[0]?.n, writes: Promise.resolve() };
    });
    expect(prepared).toBeGreaterThan(0);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "never runs a statement again after its transaction ended, when a table changed under a prepared one",
    async () => {
      const pool = openDatabase({ url: t.url as string }, 1);
      await pool.db.execute(sql`create table retry_probe (a int)`);
      const insert = (tx: Database) => tx.execute(sql`insert into retry_probe (a) values (${1}) returning a`);
      await pipelinedTransaction(pool.db, async (tx) => ({ result: null, writes: insert(tx) }));
      await t.db.execute(sql`alter table retry_probe alter column a type bigint`);
      const attempt = pipelinedTransaction(pool.db, async (tx) => ({ result: null, writes: insert(tx) }));
      await expect(attempt).rejects.toMatchObject({ cause: { message: "cached plan must not change result type" } });
      const rows = async () =>
        resultRows<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from retry_probe`));
      expect((await rows())[0]?.n).toBe(1);
      await pipelinedTransaction(pool.db, async (tx) => ({ result: null, writes: insert(tx) }));
      expect((await rows())[0]?.n).toBe(2);
      await pool.close();
    },
  );

  /** What a pipelined transaction on a pool of one connection fails with. */
  async function failureOf(work: PipelinedWork<null, undefined>) {
    const pool = openDatabase({ url: t.url as string }, 1);
    const error = await pipelinedTransaction(pool.db, work).then(
      () => null,
      (e: unknown) => e,
    );
    await pool.close();
    return error;
  }

  it.skipIf(!process.env.DATABASE_URL)(
    "fails the statements still waiting to be sent when its connection dies",
    async () => {
      const error = await failureOf(async (tx) => {
        // A statement new to the connection is described first, so the ones after it wait in the client.
        tx.execute(sql`select pg_terminate_backend(pg_backend_pid()) where ${1}::int = 1`).catch(() => {});
        await tx.execute(sql`select ${2}::int as n`);
        return { result: null, writes: Promise.resolve() };
      });
      expect(isConnectionLost(error)).toBe(true);
    },
  );

  it.skipIf(!process.env.DATABASE_URL)("fails at once, as unavailable, when its connection dies", async () => {
    const error = await failureOf(async (tx) => {
      await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
      return { result: null, writes: Promise.resolve() };
    });
    expect(isConnectionLost(error)).toBe(true);
  });
});

describe("bulk inserts", () => {
  it("gives left-out columns their defaults and keeps every type", async () => {
    const org = await makeOrg(t.db);
    await insertRows(t.db, brands, [
      brandRow(org.id, "Plain"),
      brandRow(org.id, "Verified", { verified: true, domains: ["verified.example", "o'quote.example"] }),
    ]);
    const rows = await t.db
      .select({ name: brands.name, verified: brands.verified, domains: brands.domains, createdAt: brands.createdAt })
      .from(brands)
      .where(eq(brands.orgId, org.id));
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get("Plain")).toMatchObject({ verified: false, domains: [] });
    expect(byName.get("Verified")).toMatchObject({ verified: true, domains: ["verified.example", "o'quote.example"] });
    expect(byName.get("Plain")?.createdAt).toBeInstanceOf(Date);
  });
});

describe("advisory locks", () => {
  it("takes many keys at once, repeated keys included", async () => {
    await t.db.transaction(async (tx) => {
      await lockKeys(tx, ["a", "b", "a", "c"]);
      const rows = resultRows<{ n: number }>(
        await tx.execute(
          sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()`,
        ),
      );
      expect(rows[0]?.n).toBe(3);
    });
  });
});
