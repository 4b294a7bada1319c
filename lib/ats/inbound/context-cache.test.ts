// A queue keeps the connection contexts it has read, so a batch needn't read them before its
// transaction; every change to a connection, its organisation or its secrets still counts at once.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atsConnections } from "@/db/schema";
import { disableConnection, rotateInboundSecret } from "@/lib/ats/connections/commands";
import { genericJob, inboundRequest, makeEmployerWithConnection, setStanding, signGeneric } from "@/lib/testing/ats";
import { makeMember } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { handleInboundRequest } from "./handle-request";
import { deliveryQueueFor } from "./queue";

let t: TestDatabase;
let sent: string[] = [];
beforeAll(async () => {
  t = await createTestDatabase((query) => sent.push(query));
});
afterAll(async () => t.drop());

let counter = 0;
async function send(connectionId: string, secret?: string) {
  const body = JSON.stringify(genericJob({ externalId: `CACHE-${++counter}`, title: `Data Engineer ${counter}` }));
  const request = inboundRequest(connectionId, body, signGeneric(body, { secret }));
  const response = await handleInboundRequest(deliveryQueueFor(t.db), request, connectionId);
  return { status: response.status, body: await response.json() };
}

async function employer() {
  const { org, connectionId } = await makeEmployerWithConnection(t.db);
  const owner = await makeMember(t.db, org.id, "owner");
  const scope = { orgId: org.id, userId: owner.id, orgKind: "employer" as const };
  expect((await send(connectionId)).status).toBe(200);
  return { org, connectionId, scope };
}

const readsContexts = (query: string) => /from "ats_connections" inner join "organisations"/.test(query);

describe("connection contexts kept by the queue", () => {
  it("are read once, then only confirmed inside each batch's transaction", async () => {
    const { connectionId } = await employer();
    sent = [];
    expect((await send(connectionId)).status).toBe(200);
    expect(sent.filter(readsContexts)).toHaveLength(1);
    expect(readsContexts(sent[0] as string)).toBe(false);
  });

  it("refuse a connection disabled after it was kept", async () => {
    const { connectionId, scope } = await employer();
    await disableConnection(t.db, scope, connectionId, "paused");
    const { status, body } = await send(connectionId);
    expect(status).toBe(403);
    expect(body.error.code).toBe("connection_disabled");
  });

  it("refuse an organisation suspended after its connection was kept", async () => {
    const { org, connectionId } = await employer();
    await setStanding(t.db, org.id, "suspended");
    expect((await send(connectionId)).status).toBe(403);
  });

  it("accept a secret rotated after the connection was kept", async () => {
    const { connectionId, scope } = await employer();
    const { signingSecret } = await rotateInboundSecret(t.db, scope, connectionId);
    expect((await send(connectionId, signingSecret as string)).status).toBe(200);
  });

  it("apply a lowered rate limit to the very next delivery", async () => {
    const { connectionId } = await employer();
    await t.db.update(atsConnections).set({ rateLimitPerMinute: 1 }).where(eq(atsConnections.id, connectionId));
    const { status, body } = await send(connectionId);
    expect(status).toBe(429);
    expect(body.error.code).toBe("rate_limited");
  });
});
