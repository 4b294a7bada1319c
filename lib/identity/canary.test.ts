// Canary: plant unmistakable identity values, run the capabilities that exist (ATS events in; an
// Access Request sent, approved, viewed in the profile viewer, talked about and revoked; the
// sweep), and prove the values appear nowhere but as ciphertext in candidate_identities and in the
// viewer's answer to the approved organisation: not in another table, an outbound payload, an
// answer to an ATS, or a log line.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "@/db/client";
import { candidateProfiles } from "@/db/schema";
import { grantCredits } from "@/lib/access/credits";
import { decideRequest } from "@/lib/access/decisions";
import { requestAccess } from "@/lib/access/requests";
import { sweepAccess } from "@/lib/access/sweep";
import { createConnection, sendTestEvent, setEndpoint } from "@/lib/ats/connections/commands";
import { handleInboundRequest } from "@/lib/ats/inbound/handle-request";
import { deliveryQueueFor } from "@/lib/ats/inbound/queue";
import { readConversation, sendMessage } from "@/lib/messages";
import { makeJob, makeSnapshot } from "@/lib/testing/access";
import { genericJob, inboundRequest, signGeneric } from "@/lib/testing/ats";
import { makeMember, makeOrg, makeUser } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { insertIdentities, viewCandidateProfile } from "./index";

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
let viewed: string | null = null;

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

  const candidateId = candidate?.id as string;
  const candidateUser = await makeUser(t.db);
  await t.db.execute(sql`update candidate_profiles set user_id = ${candidateUser.id} where id = ${candidateId}`);
  await grantCredits(t.db, { orgId: org.id, amount: 3, idempotencyKey: "canary", actorUserId: null, note: "canary" });
  const jobId = await makeJob(t.db, org.id, created.id);
  const snapshotId = await makeSnapshot(t.db, { org, jobId }, candidateId);
  const who = { candidateId, userId: candidateUser.id };
  const { requestId } = await requestAccess(
    t.db,
    { orgId: org.id, userId: owner.id },
    { snapshotId, message: "Hello from the canary test", idempotencyKey: "canary-request" },
    new Date(),
  );
  await decideRequest(t.db, who, requestId, "approved", new Date());
  const view = await viewCandidateProfile(
    t.db,
    { userId: owner.id, orgId: org.id, role: "owner" },
    snapshotId,
    { ip: "203.0.113.1", userAgent: "canary" },
    new Date(),
  );
  viewed = JSON.stringify(view);
  const recruiter = { kind: "organisation" as const, orgId: org.id, userId: owner.id };
  await sendMessage(t.db, recruiter, requestId, "When could we talk?", new Date());
  await readConversation(t.db, { kind: "candidate", ...who }, requestId, new Date());
  await decideRequest(t.db, who, requestId, "revoked", new Date());
  await sweepAccess(t.db, new Date(Date.now() + 100 * 24 * 60 * 60 * 1000));
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
    expect(tables).toEqual(
      expect.arrayContaining([
        "jobs",
        "outbound_events",
        "inbound_events",
        "audit_log",
        "access_requests",
        "access_messages",
        "credit_ledger",
      ]),
    );
    for (const table of tables) {
      const dump = resultRows<{ row: string }>(
        await t.db.execute(sql.raw(`select row_to_json(x)::text as row from "${table}" x`)),
      );
      const text = dump.map((r) => r.row).join("\n");
      for (const canary of CANARIES) expect(text, `${table} contains ${canary}`).not.toContain(canary);
    }
  });

  it("reaches the approved organisation's viewer, and only there", () => {
    for (const canary of CANARIES) expect(viewed).toContain(canary);
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
