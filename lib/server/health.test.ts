import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { checkDatabase } from "./health";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("health", () => {
  it("is healthy when the database answers", async () => {
    expect(await checkDatabase(t.db)).toBe(true);
  });

  it("is unhealthy when the database can't be reached", async () => {
    const unreachable = openDatabase({ url: "postgres://postgres@127.0.0.1:1/nowhere" }, 1);
    expect(await checkDatabase(unreachable.db, 3_000)).toBe(false);
    await unreachable.close();
  });
});
