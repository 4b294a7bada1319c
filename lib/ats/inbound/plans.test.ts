// A prepared statement keeps the plan PostgreSQL made for it, often while the tables were still
// empty. The batch's reads must be lookups that only one index can serve, so that such a plan
// doesn't turn into a scan of a whole table as the jobs and events grow.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resultRows } from "@/db/client";
import { genericJob, inboundRequest, makeEmployerWithConnection, signGeneric } from "@/lib/testing/ats";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { handleInboundRequest } from "./handle-request";
import { deliveryQueueFor } from "./queue";

type Statement = { query: string; parameters: unknown[] };

let t: TestDatabase;
let recording = false;
const statements: Statement[] = [];
beforeAll(async () => {
  t = await createTestDatabase((query, parameters) => {
    if (recording) statements.push({ query, parameters });
  });
});
afterAll(async () => t.drop());

async function send(connectionId: string, payload: unknown, id?: string) {
  const body = JSON.stringify(payload);
  const request = inboundRequest(connectionId, body, signGeneric(body, { id }));
  const response = await handleInboundRequest(deliveryQueueFor(t.db), request, connectionId);
  expect(response.status).toBe(200);
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  const text = value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** The plan PostgreSQL makes for the statement when it may not look at the parameters' values. */
function genericPlan({ query, parameters }: Statement): Promise<string> {
  return t.db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local plan_cache_mode = force_generic_plan"));
    await tx.execute(sql.raw(`prepare wigi_plan as ${query}`));
    const args = parameters.length > 0 ? `(${parameters.map(literal).join(", ")})` : "";
    const plan = await tx.execute(sql.raw(`explain execute wigi_plan${args}`));
    await tx.execute(sql.raw("deallocate wigi_plan"));
    return resultRows<Record<string, string>>(plan)
      .map((row) => Object.values(row)[0])
      .join("\n");
  });
}

it("plans every read of a batch as index lookups, even on empty tables", async () => {
  const { connectionId } = await makeEmployerWithConnection(t.db);
  recording = true;
  const jobs = ["A", "B", "C"].map((n) => genericJob({ externalId: `PLAN-${n}`, title: `Platform Engineer ${n}` }));
  await Promise.all(jobs.map((job) => send(connectionId, job)));
  await send(connectionId, genericJob({ externalId: "PLAN-A" }, "job.closed"));
  await send(connectionId, jobs[0], "msg_plan_repeat");
  await send(connectionId, jobs[0], "msg_plan_repeat");
  recording = false;

  const reads = statements.filter(
    (s) => /^\s*select/i.test(s.query) && /\b(jobs|job_events|inbound_events)\b/.test(s.query),
  );
  const tables = new Set(reads.flatMap((s) => s.query.match(/\b(jobs|job_events|inbound_events)\b/g) ?? []));
  expect([...tables].sort()).toEqual(["inbound_events", "job_events", "jobs"]);
  for (const read of new Map(reads.map((r) => [r.query, r])).values()) {
    const plan = await genericPlan(read);
    expect(plan, read.query).not.toMatch(/Seq Scan on (jobs|job_events|inbound_events)\b/);
    expect(plan, read.query).not.toMatch(/jobs_org_status_idx/);
  }
});
