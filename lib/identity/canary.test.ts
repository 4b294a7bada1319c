// Canary: plant unmistakable identity values, run the capabilities that exist, and prove the values
// appear nowhere but as ciphertext in candidate_identities: not in another table, an outbound
// payload, an answer to an ATS, or a log line.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "@/db/client";
import { candidateProfiles } from "@/db/schema";
import { createConnection, sendTestEvent, setEndpoint } from "@/lib/ats/connections/commands";
import { handleInboundRequest } from "@/lib/ats/inbound/handle-request";
import { deliveryQueueFor } from "@/lib/ats/inbound/queue";
import { genericJob, inboundRequest, signGeneric } from "@/lib/testing/ats";
import { makeMember, makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { insertIdentities } from "./index";

const CANARIES = [
  "Zyxwv Canarysson",
  "canary-7f3@identity.example",
  "+44 7700 900461",
  "Canaryco Holdings",
  "Canary Institute of Technology",
  "github.example/zyxwv",
];

let t: TestDatabase;
const output: string[] = [];
const originalWrite = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};
const answers: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    output.push(String(chunk));
    return originalWrite.out(chunk, ...(rest as []));
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    output.push(String(chunk));
    return originalWrite.err(chunk, ...(rest as []));
  }) as typeof process.stderr.write;

  const [candidate] = await t.db
    .insert(candidateProfiles)
    .values({
      roleFamily: "backend",
      seniority: "senior",
      yearsExperience: 9,
      skills: ["Go"],
      country: "GB",
      region: "europe",
      workplaces: ["remote"],
      availability: "immediately",
    })
    .returning({ id: candidateProfiles.id });
  await insertIdentities(t.db, [
    {
      candidateId: candidate?.id as string,
      identity: {
        fullName: CANARIES[0] as string,
        email: CANARIES[1] as string,
        phone: CANARIES[2] as string,
        links: [`https://${CANARIES[5]}`],
        employment: [{ employer: CANARIES[3] as string, title: "Staff Engineer", start: "2019-04", end: null }],
        education: [{ school: CANARIES[4] as string, degree: "MSc", start: "2012-09", end: "2014-06" }],
      },
    },
  ]);

  const org = await makeOrg(t.db);
  const owner = await makeMember(t.db, org.id, "owner");
  const scope = { orgId: org.id, userId: owner.id, orgKind: "employer" as const };
  const created = await createConnection(t.db, scope, {
    name: "Canary ATS",
    provider: "generic",
    brandId: org.brandId,
  });
  await setEndpoint(t.db, scope, created.id, "http://127.0.0.1:1/unreachable");
  await sendTestEvent(t.db, scope, created.id);
  await t.db.execute(sql`update ats_connections set status = 'active' where id = ${created.id}`);
  for (const payload of [
    genericJob(),
    genericJob({ salary: null }, "job.updated"),
    { type: "job.exploded", data: {} },
  ]) {
    const body = JSON.stringify(payload);
    const response = await handleInboundRequest(
      deliveryQueueFor(t.db),
      inboundRequest(created.id, body, signGeneric(body, { secret: created.signingSecret as string })),
      created.id,
    );
    answers.push(await response.text());
  }
});

afterAll(async () => {
  process.stdout.write = originalWrite.out;
  process.stderr.write = originalWrite.err;
  await t.drop();
});

describe("candidate identity never leaves the portal (canary)", () => {
  it("is stored only as ciphertext", async () => {
    const rows = resultRows<{ row: string }>(
      await t.db.execute(sql`select row_to_json(i)::text as row from candidate_identities i`),
    );
    expect(rows).toHaveLength(1);
    for (const canary of CANARIES) expect(rows[0]?.row).not.toContain(canary);
  });

  it("appears in no other table, including the outbox and the answers stored for ATS deliveries", async () => {
    const tables = resultRows<{ table_name: string }>(
      await t.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    ).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(["jobs", "outbound_events", "inbound_events", "audit_log"]));
    for (const table of tables) {
      const dump = resultRows<{ row: string }>(
        await t.db.execute(sql.raw(`select row_to_json(x)::text as row from "${table}" x`)),
      );
      const text = dump.map((r) => r.row).join("\n");
      for (const canary of CANARIES) expect(text, `${table} contains ${canary}`).not.toContain(canary);
    }
  });

  it("appears in no answer to an ATS and no log line", () => {
    expect(answers.length).toBe(3);
    expect(output.length).toBeGreaterThan(0);
    for (const canary of CANARIES) {
      expect(answers.join("\n")).not.toContain(canary);
      expect(output.join("")).not.toContain(canary);
    }
  });
});
