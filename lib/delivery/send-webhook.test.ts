import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sendWebhook, type WebhookInput } from "./send-webhook";

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;

type Received = { path: string; headers: Record<string, string>; rawBody: string; verified: boolean };
const received: Received[] = [];

function verifies(rawBody: string, headers: Record<string, string>): boolean {
  try {
    new Webhook(SECRET).verify(rawBody, headers);
    return true;
  } catch {
    return false;
  }
}

function respond(path: string, res: http.ServerResponse) {
  if (path === "/ok") res.writeHead(200).end("thanks");
  else if (path === "/no-content") res.writeHead(204).end();
  else if (path === "/long") res.writeHead(200).end("é".repeat(1000));
  else if (path === "/fail") res.writeHead(500, { "retry-after": "120" }).end("down for maintenance");
  else if (path === "/busy") {
    res.writeHead(429, { "retry-after": new Date(Date.now() + 120_000).toUTCString() }).end();
  } else if (path === "/bad-request") res.writeHead(400, { "retry-after": "120" }).end("no");
  else if (path === "/gone") res.writeHead(410).end("endpoint removed");
  else if (path === "/moved") res.writeHead(302, { location: "/ok" }).end();
  else if (path !== "/slow") res.writeHead(404).end();
}

const receiver = http.createServer((req, res) => {
  let rawBody = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => {
    rawBody += chunk;
  });
  req.on("end", () => {
    const headers = req.headers as Record<string, string>;
    received.push({ path: req.url ?? "", headers, rawBody, verified: verifies(rawBody, headers) });
    respond(req.url ?? "", res);
  });
});

let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

beforeEach(() => {
  received.length = 0;
});

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

function send(path: string, overrides: Partial<WebhookInput> = {}) {
  return sendWebhook({
    url: `${base}${path}`,
    secret: SECRET,
    eventId: "evt_01HZX3",
    type: "ping",
    data: { connectionId: "conn_1" },
    allowPrivate: true,
    requireHttps: false,
    ...overrides,
  });
}

describe("sendWebhook", () => {
  it("delivers a signed Standard Webhooks POST and counts a 2xx as delivered", async () => {
    const timestamp = new Date(Math.floor(Date.now() / 1000) * 1000 - 30_000);
    const attempt = await send("/ok", { timestamp });
    expect(attempt).toMatchObject({
      delivered: true,
      status: 200,
      responseExcerpt: "thanks",
      error: null,
      gone: false,
      retryAfterSeconds: null,
    });
    expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = received;
    expect(request?.verified).toBe(true);
    expect(request?.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Wigiwork-Webhooks/1.0",
      "webhook-id": "evt_01HZX3",
      "webhook-timestamp": String(timestamp.getTime() / 1000),
    });
    expect(request?.rawBody).toBe(
      `{"type":"ping","timestamp":"${timestamp.toISOString()}","data":{"connectionId":"conn_1"}}`,
    );
  });

  it("counts any 2xx, including 204, as delivered", async () => {
    expect(await send("/no-content")).toMatchObject({ delivered: true, status: 204, responseExcerpt: "" });
  });

  it("sends the same webhook-id on every retry of one event, each freshly signed", async () => {
    await send("/fail");
    await send("/ok");
    expect(received.map((r) => r.headers["webhook-id"])).toEqual(["evt_01HZX3", "evt_01HZX3"]);
    expect(received.every((r) => r.verified)).toBe(true);
  });

  it("reports a 500 with Retry-After in seconds", async () => {
    expect(await send("/fail")).toMatchObject({
      delivered: false,
      status: 500,
      retryAfterSeconds: 120,
      responseExcerpt: "down for maintenance",
      error: "The endpoint answered 500.",
      gone: false,
    });
  });

  it("reads Retry-After given as an HTTP date on 429", async () => {
    const attempt = await send("/busy");
    expect(attempt.status).toBe(429);
    expect(attempt.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(attempt.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it("ignores Retry-After on other statuses", async () => {
    expect(await send("/bad-request")).toMatchObject({ delivered: false, status: 400, retryAfterSeconds: null });
  });

  it("marks a 410 as gone", async () => {
    expect(await send("/gone")).toMatchObject({
      delivered: false,
      status: 410,
      gone: true,
      error: "The endpoint answered 410.",
    });
  });

  it("does not follow a 302 and does not count it as delivered", async () => {
    expect(await send("/moved")).toMatchObject({
      delivered: false,
      status: 302,
      error: "The endpoint answered 302. Redirects are not followed.",
    });
    expect(received.map((r) => r.path)).toEqual(["/moved"]);
  });

  it("keeps only the first 500 characters of the response", async () => {
    expect((await send("/long")).responseExcerpt).toBe("é".repeat(500));
  });

  it("turns a slow endpoint into a timeout sentence instead of throwing", async () => {
    expect(await send("/slow", { timeoutMs: 300 })).toMatchObject({
      delivered: false,
      status: null,
      error: "Timed out after 0.3 s.",
      gone: false,
    });
  });

  it("refuses private and plain-http targets without sending anything", async () => {
    expect(await send("/ok", { allowPrivate: false })).toMatchObject({
      delivered: false,
      status: null,
      error: "Refused: the address is private.",
    });
    expect(await send("/ok", { requireHttps: true })).toMatchObject({
      status: null,
      error: "Refused: the address must use https.",
    });
    expect(received).toEqual([]);
  });

  it("reports an unreachable endpoint as a network error", async () => {
    const attempt = await send("/ok", { url: "http://127.0.0.1:1/hook" });
    expect(attempt).toMatchObject({ delivered: false, status: null });
    expect(attempt.error).toMatch(/^Could not reach the address/);
  });

  it("never logs the secret or the body", async () => {
    const written: string[] = [];
    const capture = (chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, "write").mockImplementation(capture);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(capture);
    try {
      await send("/fail", { data: { connectionId: "marker-in-the-body" } });
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(written.join("")).toContain("webhook.attempt");
    expect(written.join("")).not.toContain(SECRET.slice(6));
    expect(written.join("")).not.toContain("marker-in-the-body");
  });
});
