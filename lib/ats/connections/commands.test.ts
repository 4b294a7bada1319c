import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atsConnections, auditLog, brands, connectionSecrets, outboundEvents } from "@/db/schema";
import { genericJob, inboundRequest, signGeneric } from "@/lib/testing/ats";
import { makeMember, makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { handleInboundRequest } from "../inbound/handle-request";
import { deliveryQueueFor } from "../inbound/queue";
import {
  activateConnection,
  createConnection,
  disableConnection,
  rotateInboundSecret,
  type Scope,
  sendTestEvent,
  setEndpoint,
} from "./commands";
import { getConnection } from "./queries";

let t: TestDatabase;
let receiver: http.Server;
let receiverUrl: string;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let receiverStatus = 200;

beforeAll(async () => {
  t = await createTestDatabase();
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(receiverStatus, { "content-type": "text/plain" });
      res.end(receiverStatus === 200 ? "thanks" : "nope");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await t.drop();
});

async function employer(kind: "employer" | "agency" = "employer") {
  const org = await makeOrg(t.db, { kind });
  const owner = await makeMember(t.db, org.id, "owner");
  const scope: Scope = { orgId: org.id, userId: owner.id, orgKind: kind };
  return { org, scope };
}

describe("connection wizard commands", () => {
  it("creates a Standard Webhooks connection with a whsec_ secret shown once and stored encrypted", async () => {
    const { org, scope } = await employer();
    const created = await createConnection(t.db, scope, { name: "Our ATS", provider: "generic", brandId: org.brandId });
    expect(created.webhookUrl).toMatch(new RegExp(`/api/ats/${created.id}/events$`));
    expect(created.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const [stored] = await t.db.select().from(connectionSecrets).where(eq(connectionSecrets.connectionId, created.id));
    expect(stored?.secretEnc).not.toContain((created.signingSecret as string).slice(6, 20));
    const detail = await getConnection(t.db, org.id, created.id);
    expect(JSON.stringify(detail)).not.toContain((created.signingSecret as string).slice(6, 20));
    expect(detail).toMatchObject({ status: "draft", activeInboundSecrets: 1 });
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(audit.map((a) => a.action)).toContain("connection.created");
  });

  it("takes the secret a Greenhouse admin pasted and doesn't echo it", async () => {
    const { org, scope } = await employer();
    const created = await createConnection(t.db, scope, {
      name: "Greenhouse",
      provider: "greenhouse",
      brandId: org.brandId,
      signingSecret: "my-greenhouse-secret-key-123",
    });
    expect(created.signingSecret).toBeNull();
  });

  it("refuses bad settings with field errors", async () => {
    const { org, scope } = await employer();
    await expect(
      createConnection(t.db, scope, { name: "x", provider: "lever", brandId: org.brandId }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      details: { fieldErrors: { boardToken: [expect.any(String)] } },
    });
    const other = await makeOrg(t.db);
    await expect(
      createConnection(t.db, scope, { name: "x", provider: "generic", brandId: other.brandId }),
    ).rejects.toMatchObject({
      details: { fieldErrors: { brandId: [expect.any(String)] } },
    });
    const agency = await employer("agency");
    const [foreignClient] = await t.db
      .insert(brands)
      .values({ orgId: other.id, name: "Their Client", nameKey: "their client", isClient: true, verified: true })
      .returning();
    await expect(
      createConnection(t.db, agency.scope, {
        name: "x",
        provider: "generic",
        brandId: agency.org.brandId,
        clientSource: "fixed",
        fixedClientBrandId: foreignClient?.id,
      }),
    ).rejects.toMatchObject({ details: { fieldErrors: { fixedClientBrandId: [expect.any(String)] } } });
    await expect(
      createConnection(t.db, scope, {
        name: "x",
        provider: "generic",
        brandId: org.brandId,
        signingSecret: "whatever-i-like-123",
      }),
    ).rejects.toMatchObject({ details: { fieldErrors: { signingSecret: [expect.any(String)] } } });
    await expect(
      createConnection(t.db, agency.scope, { name: "x", provider: "generic", brandId: agency.org.brandId }),
    ).rejects.toMatchObject({ details: { fieldErrors: { clientSource: [expect.any(String)] } } });
  });

  it("sets an endpoint, sends a signed ping the receiver can verify, and shows its answer", async () => {
    const { org, scope } = await employer();
    const created = await createConnection(t.db, scope, { name: "Ping", provider: "generic", brandId: org.brandId });
    const { endpointSecret } = await setEndpoint(t.db, scope, created.id, receiverUrl);
    expect(endpointSecret).toMatch(/^whsec_/);
    receiverStatus = 200;
    const attempt = await sendTestEvent(t.db, scope, created.id);
    expect(attempt).toMatchObject({ delivered: true, status: 200, responseExcerpt: "thanks", error: null });
    const last = received.at(-1) as (typeof received)[number];
    const verified = new Webhook(endpointSecret).verify(last.body, last.headers as Record<string, string>) as {
      type: string;
      data: unknown;
    };
    expect(verified).toMatchObject({ type: "ping", data: { connectionId: created.id } });
    const [event] = await t.db.select().from(outboundEvents).where(eq(outboundEvents.connectionId, created.id));
    expect(event).toMatchObject({ type: "ping", status: "delivered", attempts: 1, lastStatus: 200 });
    expect(last.headers["webhook-id"]).toBe(event?.id);
    receiverStatus = 500;
    expect(await sendTestEvent(t.db, scope, created.id)).toMatchObject({ delivered: false, status: 500 });
  });

  it("activates, disables (webhooks then get 403) and enables again", async () => {
    const { org, scope } = await employer();
    const created = await createConnection(t.db, scope, { name: "Life", provider: "generic", brandId: org.brandId });
    const secret = created.signingSecret as string;
    const send = async () => {
      const body = JSON.stringify(genericJob());
      return (
        await handleInboundRequest(
          deliveryQueueFor(t.db),
          inboundRequest(created.id, body, signGeneric(body, { secret })),
          created.id,
        )
      ).status;
    };
    expect(await send()).toBe(403);
    await activateConnection(t.db, scope, created.id);
    expect(await send()).toBe(200);
    await disableConnection(t.db, scope, created.id, "Moving to another ATS");
    expect(await send()).toBe(403);
    await activateConnection(t.db, scope, created.id);
    expect(await send()).toBe(200);
  });

  it("lets only trust & safety re-enable what they disabled", async () => {
    const { org, scope } = await employer();
    const created = await createConnection(t.db, scope, { name: "T&S", provider: "generic", brandId: org.brandId });
    await t.db
      .update(atsConnections)
      .set({ status: "disabled", disabledBy: "trust_safety" })
      .where(eq(atsConnections.id, created.id));
    await expect(activateConnection(t.db, scope, created.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("rotates to a new secret and keeps the old one for 24 hours", async () => {
    const { org, scope } = await employer();
    const created = await createConnection(t.db, scope, { name: "Rotate", provider: "generic", brandId: org.brandId });
    const { signingSecret } = await rotateInboundSecret(t.db, scope, created.id);
    expect(signingSecret).not.toBe(created.signingSecret);
    const detail = await getConnection(t.db, org.id, created.id);
    expect(detail?.activeInboundSecrets).toBe(2);
    const hours = ((detail?.previousSecretValidUntil?.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it("creates an agency connection that reads a fixed client", async () => {
    const { org, scope } = await employer("agency");
    const [client] = await t.db
      .insert(brands)
      .values({ orgId: org.id, name: "Northwind Health", nameKey: "northwind health", isClient: true, verified: true })
      .returning();
    const created = await createConnection(t.db, scope, {
      name: "Agency",
      provider: "generic",
      brandId: org.brandId,
      clientSource: "fixed",
      fixedClientBrandId: client?.id,
    });
    expect(await getConnection(t.db, org.id, created.id)).toMatchObject({
      clientSource: "fixed",
      fixedClientName: "Northwind Health",
    });
  });
});
