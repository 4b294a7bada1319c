// A queue keeps the connection contexts it has read, so a batch needn't read them before its
// transaction; every change to a connection, its organisation or its secrets still counts at once.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atsConnections } from "@/db/schema";
import { disableConnection, rotateInboundSecret } from "@/lib/ats/connections/commands";
import { genericJob, inboundRequest, makeEmployerWithConnection, setStanding, signGeneric } from "@/lib/testing/ats";
import { makeMember } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { type ContextCache, handleDeliveries } from "./deliveries";
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

  it("keep the answers of deliveries stored one at a time when the contexts change in between", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    // Storing FLIP changes the connection (a new version); storing POISON fails its transaction.
    await t.db.execute(
      sql.raw(`create function wigi_test_flip() returns trigger language plpgsql as $$
        begin
          if new.external_id = 'POISON' then raise exception 'poison job'; end if;
          if new.external_id = 'FLIP' then
            update ats_connections set rate_limit_per_minute = rate_limit_per_minute + 1 where id = new.connection_id;
          end if;
          return new;
        end $$`),
    );
    await t.db.execute(
      sql.raw("create trigger wigi_test_flip before insert on jobs for each row execute function wigi_test_flip()"),
    );
    const delivery = (externalId: string) => {
      const body = JSON.stringify(genericJob({ externalId, title: `Role ${externalId}` }));
      return { connectionId, headers: new Headers(signGeneric(body)), body: Buffer.from(body), now: new Date() };
    };
    const cache: ContextCache = new Map();
    await handleDeliveries(t.db, [delivery("WARM")], cache);
    const [flip, poison, last] = await handleDeliveries(
      t.db,
      [delivery("FLIP"), delivery("POISON"), delivery("LAST")],
      cache,
    );
    const answer = (result: unknown) => JSON.parse((result as { json: string }).json);
    expect(answer(flip)).toMatchObject({ duplicate: false, jobs: [{ externalId: "FLIP" }] });
    expect((poison as { status: number }).status).toBe(500);
    expect(answer(last)).toMatchObject({ duplicate: false, jobs: [{ externalId: "LAST" }] });
  });
});
