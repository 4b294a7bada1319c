import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assertTargetAllowed, checkTarget, guardedFetch, TargetRefusedError, UpstreamError } from "./guarded-fetch";

type Seen = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };

const servers: http.Server[] = [];
const seen: Seen[] = [];

async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      handler(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function redirect(res: http.ServerResponse, status: number, location: string) {
  res.writeHead(status, { location }).end();
}

function route(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
  const url = new URL(req.url ?? "/", "http://x");
  const hops = Number(url.pathname.split("/")[2]);
  if (url.pathname === "/ok") res.writeHead(200, { "x-test": "yes" }).end("hello");
  else if (url.pathname === "/echo") res.end(JSON.stringify({ method: req.method, body }));
  else if (url.pathname.startsWith("/chain/")) redirect(res, 302, hops > 1 ? `/chain/${hops - 1}` : "/ok");
  else if (url.pathname === "/to")
    redirect(res, Number(url.searchParams.get("status")), url.searchParams.get("location") ?? "");
  else if (url.pathname === "/bytes") res.end(Buffer.alloc(Number(url.searchParams.get("n")), 97));
  else if (url.pathname === "/stream") streamChunks(res, 10, 512);
  else if (url.pathname === "/stall-body") res.writeHead(200).write("partial");
  else if (url.pathname !== "/hang") res.writeHead(404).end();
}

function streamChunks(res: http.ServerResponse, count: number, size: number) {
  res.writeHead(200, { "content-type": "application/octet-stream" });
  for (let i = 0; i < count; i++) res.write(Buffer.alloc(size, 98));
  res.end();
}

let base = "";
let otherOrigin = "";
let closedPort = 0;

beforeAll(async () => {
  base = `http://127.0.0.1:${await serve(route)}`;
  otherOrigin = `http://127.0.0.1:${await serve((_req, res) => res.end("other"))}`;
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const LOCAL = { allowPrivate: true, requireHttps: false };
const STRICT = { allowPrivate: false, requireHttps: false };

describe("checkTarget", () => {
  it("accepts public http(s) URLs and resolves redirect locations against the current URL", () => {
    expect(checkTarget("https://example.com/a", { ...STRICT, requireHttps: true }).href).toBe("https://example.com/a");
    expect(checkTarget("https://93.184.216.34/", STRICT).host).toBe("93.184.216.34");
    expect(checkTarget("/next?x=1", STRICT, new URL("https://example.com/a/b")).href).toBe(
      "https://example.com/next?x=1",
    );
  });

  it.each([
    ["http://127.0.0.1/", STRICT, "private_address"],
    ["http://[::1]/", STRICT, "private_address"],
    ["http://[::ffff:127.0.0.1]/", STRICT, "private_address"],
    ["http://0x7f.1/", STRICT, "private_address"],
    ["http://2130706433/", STRICT, "private_address"],
    ["http://169.254.169.254/latest/meta-data/", STRICT, "private_address"],
    ["http://[fd00:ec2::254]/", STRICT, "private_address"],
    ["http://10.0.0.1/", STRICT, "private_address"],
    ["http://example.com/", { ...STRICT, requireHttps: true }, "https_required"],
    ["ftp://example.com/", STRICT, "scheme"],
    ["file:///etc/passwd", LOCAL, "scheme"],
    ["javascript:alert(1)", LOCAL, "scheme"],
    ["https://user:pass@example.com/", LOCAL, "credentials"],
    ["https://token@example.com/", LOCAL, "credentials"],
    ["not a url", LOCAL, "invalid_url"],
  ])("refuses %s", (url, policy, reason) => {
    expect(() => checkTarget(url, policy)).toThrow(expect.objectContaining({ name: "TargetRefusedError", reason }));
  });

  it("re-validates a redirect hop: an allowed page redirecting to a private or weaker target is refused", () => {
    const from = new URL("https://example.com/start");
    const hop =
      (location: string, requireHttps = false) =>
      () =>
        checkTarget(location, { allowPrivate: false, requireHttps }, from);
    expect(hop("http://169.254.169.254/latest/meta-data/")).toThrow(
      expect.objectContaining({ reason: "private_address" }),
    );
    expect(hop("//10.1.2.3/internal")).toThrow(expect.objectContaining({ reason: "private_address" }));
    expect(hop("http://example.com/plain", true)).toThrow(expect.objectContaining({ reason: "https_required" }));
    expect(hop("gopher://example.com/")).toThrow(expect.objectContaining({ reason: "scheme" }));
  });
});

describe("guardedFetch refusals", () => {
  it.each([
    ["127.0.0.1", "http://127.0.0.1:PORT/ok"],
    ["localhost, a name resolving to loopback (refused by the DNS lookup)", "http://localhost:PORT/ok"],
    ["[::1]", "http://[::1]:PORT/ok"],
    ["IPv4-mapped loopback", "http://[::ffff:127.0.0.1]:PORT/ok"],
    ["the cloud metadata address", "http://169.254.169.254/latest/meta-data/"],
    ["10.0.0.1", "http://10.0.0.1/"],
  ])("refuses %s without sending anything", async (_label, template) => {
    const url = template.replace("PORT", new URL(base).port);
    const attempt = guardedFetch(url, { ...STRICT, timeoutMs: 2000 });
    await expect(attempt).rejects.toBeInstanceOf(TargetRefusedError);
    await expect(attempt).rejects.toMatchObject({ reason: "private_address", code: "target_refused" });
    expect(seen).toEqual([]);
  });

  it("refuses http when https is required, other schemes, and credentials", async () => {
    await expect(guardedFetch(`${base}/ok`, { ...LOCAL, requireHttps: true })).rejects.toMatchObject({
      reason: "https_required",
    });
    await expect(guardedFetch("ftp://example.com/file", LOCAL)).rejects.toMatchObject({ reason: "scheme" });
    const withCredentials = base.replace("http://", "http://user:pass@");
    await expect(guardedFetch(`${withCredentials}/ok`, LOCAL)).rejects.toMatchObject({ reason: "credentials" });
    expect(seen).toEqual([]);
  });
});

describe("guardedFetch transfers (allowPrivate)", () => {
  it("reaches a local server when private targets are allowed", async () => {
    const response = await guardedFetch(`${base}/ok`, LOCAL);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("hello");
    expect(response.headers.get("x-test")).toBe("yes");
    expect(response.url).toBe(`${base}/ok`);
    expect(response.redirected).toBe(false);
  });

  it("sends the method, headers and body", async () => {
    const response = await guardedFetch(`${base}/echo`, {
      ...LOCAL,
      method: "POST",
      headers: { "content-type": "application/json", "x-custom": "1" },
      body: '{"a":1}',
    });
    expect(JSON.parse(response.body.toString())).toEqual({ method: "POST", body: '{"a":1}' });
    expect(seen[0]?.headers).toMatchObject({ "content-type": "application/json", "x-custom": "1" });
  });

  it("returns a 3xx as is when maxRedirects is 0", async () => {
    const response = await guardedFetch(`${base}/chain/1`, LOCAL);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/ok");
    expect(response.redirected).toBe(false);
    expect(seen.map((s) => s.path)).toEqual(["/chain/1"]);
  });

  it("follows up to maxRedirects hops", async () => {
    const response = await guardedFetch(`${base}/chain/2`, { ...LOCAL, maxRedirects: 2 });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("hello");
    expect(response.url).toBe(`${base}/ok`);
    expect(response.redirected).toBe(true);
    expect(seen.map((s) => s.path)).toEqual(["/chain/2", "/chain/1", "/ok"]);
  });

  it("refuses a chain longer than maxRedirects", async () => {
    await expect(guardedFetch(`${base}/chain/3`, { ...LOCAL, maxRedirects: 2 })).rejects.toMatchObject({
      reason: "too_many_redirects",
    });
    expect(seen).toHaveLength(3);
  });

  it.each([
    ["ftp://example.com/", "scheme"],
    ["http://user:pass@127.0.0.1/ok", "credentials"],
  ])("re-validates every hop: a redirect to %s is refused", async (location, reason) => {
    const url = `${base}/to?status=302&location=${encodeURIComponent(location)}`;
    await expect(guardedFetch(url, { ...LOCAL, maxRedirects: 3 })).rejects.toMatchObject({ reason });
    expect(seen).toHaveLength(1);
  });

  it("turns a 303 after POST into a GET without body, and keeps POST and body on 307", async () => {
    const post = { ...LOCAL, method: "POST" as const, body: "payload", maxRedirects: 1 };
    const see = (status: number) => `${base}/to?status=${status}&location=/echo`;
    const after303 = await guardedFetch(see(303), { ...post, headers: { "content-type": "text/plain" } });
    expect(JSON.parse(after303.body.toString())).toEqual({ method: "GET", body: "" });
    expect(seen[1]?.headers["content-type"]).toBeUndefined();
    const after307 = await guardedFetch(see(307), post);
    expect(JSON.parse(after307.body.toString())).toEqual({ method: "POST", body: "payload" });
  });

  it("drops credentials headers when a redirect changes origin", async () => {
    const url = `${base}/to?status=302&location=${encodeURIComponent(`${otherOrigin}/x`)}`;
    const response = await guardedFetch(url, { ...LOCAL, maxRedirects: 1, headers: { authorization: "Bearer t" } });
    expect(response.body.toString()).toBe("other");
    expect(seen[0]?.headers.authorization).toBe("Bearer t");
    expect(seen[1]?.headers.authorization).toBeUndefined();
  });

  it("accepts a body of exactly maxBytes", async () => {
    const response = await guardedFetch(`${base}/bytes?n=1024`, { ...LOCAL, maxBytes: 1024 });
    expect(response.body).toHaveLength(1024);
  });

  it.each([
    ["with content-length", "/bytes?n=2048"],
    ["streamed without content-length", "/stream"],
  ])("fails with too_large when the body exceeds maxBytes (%s)", async (_label, path) => {
    const attempt = guardedFetch(`${base}${path}`, { ...LOCAL, maxBytes: 1024 });
    await expect(attempt).rejects.toBeInstanceOf(UpstreamError);
    await expect(attempt).rejects.toMatchObject({ reason: "too_large", code: "upstream_failed" });
  });

  it("times out when the server never answers", async () => {
    const attempt = guardedFetch(`${base}/hang`, { ...LOCAL, timeoutMs: 300 });
    await expect(attempt).rejects.toMatchObject({ reason: "timeout", message: "Timed out after 0.3 s." });
  });

  it("times out when the body never ends (the deadline covers the body)", async () => {
    await expect(guardedFetch(`${base}/stall-body`, { ...LOCAL, timeoutMs: 300 })).rejects.toMatchObject({
      name: "UpstreamError",
      reason: "timeout",
    });
  });

  it("reports a refused connection as a network error without the URL", async () => {
    const attempt = guardedFetch(`http://127.0.0.1:${closedPort}/secret-path?token=abc`, LOCAL);
    await expect(attempt).rejects.toMatchObject({
      reason: "network",
      message: "Could not reach the address (ECONNREFUSED).",
    });
  });
});

describe("assertTargetAllowed", () => {
  it("accepts a public literal address and anything when private targets are allowed", async () => {
    await expect(assertTargetAllowed("https://93.184.216.34/hook", { ...STRICT, requireHttps: true })).resolves.toBe(
      undefined,
    );
    await expect(assertTargetAllowed("http://localhost:3000/hook", LOCAL)).resolves.toBe(undefined);
  });

  it.each([
    ["http://localhost/hook", STRICT, "private_address"],
    ["http://127.0.0.1/hook", STRICT, "private_address"],
    ["http://nothing-here.invalid/hook", STRICT, "unresolvable"],
    ["http://example.com/hook", { ...STRICT, requireHttps: true }, "https_required"],
    ["https://a:b@example.com/hook", STRICT, "credentials"],
  ])("refuses %s", async (url, policy, reason) => {
    await expect(assertTargetAllowed(url, policy)).rejects.toMatchObject({ name: "TargetRefusedError", reason });
  });
});
