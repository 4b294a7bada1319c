import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { giveBack, hit, hits } from "./index";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("rate limits in PostgreSQL", () => {
  it("counts within a window and refuses over the limit with a retry time", async () => {
    const w = { key: "test:basic", limit: 3, windowSeconds: 60 };
    const now = new Date("2026-11-25T10:00:10Z");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hit(t.db, w, now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBe(50);
    expect((await hit(t.db, w, new Date("2026-11-25T10:01:00Z"))).allowed).toBe(true);
  });

  it("gives a hit back", async () => {
    const w = { key: "test:give-back", limit: 1, windowSeconds: 60 };
    const now = new Date("2026-11-25T10:00:00Z");
    await hit(t.db, w, now);
    await giveBack(t.db, w, now);
    expect(await hit(t.db, w, now)).toMatchObject({ count: 1, allowed: true });
  });

  it("never loses a hit under concurrency", async () => {
    const w = { key: "test:concurrent", limit: 1000, windowSeconds: 60 };
    const now = new Date("2026-11-25T10:00:00Z");
    const counts = await Promise.all(Array.from({ length: 40 }, () => hit(t.db, w, now).then((r) => r.count)));
    expect(new Set(counts).size).toBe(40);
    expect(Math.max(...counts)).toBe(40);
  });

  it("counts several hits at once and says which of them fit", async () => {
    const w = { key: "test:several", limit: 3, windowSeconds: 60 };
    const now = new Date("2026-11-25T10:00:30Z");
    await hit(t.db, w, now);
    const states = await hits(t.db, w, 4, now);
    expect(states.map((s) => [s.count, s.allowed])).toEqual([
      [2, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
    expect((await hit(t.db, w, now)).count).toBe(6);
  });
});
