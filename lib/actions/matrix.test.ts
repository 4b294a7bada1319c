// Every server action × every role, and another organisation's ids: the allowed roles succeed,
// everyone else is refused with the right code and nothing is written. Rows: lib/testing/action-matrix.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionInput } from "@/lib/actions/safe-action";
import { ERROR_MESSAGES } from "@/lib/errors";
import { useDatabase } from "@/lib/testing/act-as";
import {
  call,
  expectedAnswer,
  inputFor,
  serverActionSources,
  serverActions,
  tableDigest,
  without,
} from "@/lib/testing/action-harness";
import { MATRIX, type MatrixRow } from "@/lib/testing/action-matrix";
import { buildWorld, ROLES, type Role, TENANT_ROLES, type World } from "@/lib/testing/action-world";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

let t: TestDatabase;
let w: World;
const names = await serverActions();

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  w = await buildWorld(t.db);
});
afterAll(async () => {
  await w?.close();
  await t?.drop();
});

const label = (row: MatrixRow) => names.get(row.action) ?? "an action no module exports";

/** Calls `row` as `role`: the answer must be `expected`, a success must write and a refusal must not. */
async function check(row: MatrixRow, role: Role, input: ActionInput, expected: string) {
  const browser = w.browsers[role].clone();
  const before = await tableDigest(t.db);
  const outcome = await call(row, browser, input);
  await browser.settle();
  const answer = outcome.ok ? "ok" : outcome.code;
  expect(answer, `${label(row)} as ${role}: ${JSON.stringify(outcome)}`).toBe(expected);
  const after = await tableDigest(t.db);
  if (outcome.ok) {
    await row.effect?.(w, outcome, browser);
    if (row.writes !== false) expect(after, `${label(row)} as ${role} succeeded but wrote nothing`).not.toEqual(before);
    return;
  }
  expect(after, `${label(row)} as ${role} wrote while refusing`).toEqual(before);
  // A refusal says nothing about the row it refused: the same sentence whatever the id named.
  if (outcome.code === "not_found" || outcome.code === "unauthenticated")
    expect(outcome.error).toBe(ERROR_MESSAGES[outcome.code]);
}

describe("server actions", () => {
  it("has a matrix row for every exported server action, and no inline server actions", async () => {
    const listed = new Set(MATRIX.map((row) => row.action));
    const missing = [...names].filter(([action]) => !listed.has(action)).map(([, name]) => name);
    expect(missing, "add these to lib/testing/action-matrix.ts").toEqual([]);
    expect(MATRIX.filter((row) => !names.has(row.action)).length, "rows for actions no module exports").toBe(0);
    expect(serverActionSources().inline, "move inline server actions to a module under lib/actions").toEqual([]);
    expect(names.size).toBeGreaterThan(0);
  });

  it("lists no outsider as allowed where the input names an organisation's rows", () => {
    const odd = MATRIX.filter((row) => row.foreign !== "none" && row.allowed.includes("outsider")).map(label);
    expect(odd).toEqual([]);
  });

  for (const row of MATRIX) {
    describe(label(row), () => {
      for (const role of ROLES) {
        const expected = expectedAnswer(row, role);
        it(`as ${role}: ${expected}`, async () => check(row, role, await inputFor(row, w, role), expected));
      }
      if (row.foreign !== "none") {
        for (const role of TENANT_ROLES.filter((r) => row.allowed.includes(r))) {
          const expected = row.foreign ?? "not_found";
          it(`as ${role} with another organisation's ids: ${expected}`, async () =>
            check(row, role, await row.input(w, w.b), expected));
        }
      }
      for (const refusal of row.refusals ?? []) {
        it(`refuses ${refusal.name}`, async () => {
          const input = await refusal.input(w, w.a);
          const browser = w.browsers[refusal.as].clone();
          const before = await tableDigest(t.db);
          const outcome = await call(row, browser, input);
          expect(outcome).toMatchObject({ ok: false, code: refusal.code });
          expect(without(await tableDigest(t.db), refusal.mayWrite)).toEqual(without(before, refusal.mayWrite));
        });
      }
    });
  }
});
