import "server-only";
// Outbound HTTP to customer-supplied addresses, guarded against SSRF (scheme, credentials, private addresses, size, time).
import dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, fetch, type Headers, type Response } from "undici";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { isPublicAddress } from "./address-policy";

export type TargetPolicy = { allowPrivate: boolean; requireHttps: boolean };

export type GuardedFetchOptions = TargetPolicy & {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
};

export type GuardedResponse = { status: number; headers: Headers; body: Buffer; url: string; redirected: boolean };

const REFUSALS = {
  invalid_url: "The address is not a valid URL.",
  scheme: "Only http and https addresses can be used.",
  credentials: "The address must not contain a user name or password.",
  https_required: "The address must use https.",
  private_address: "The address is private.",
  unresolvable: "The host name could not be resolved.",
  too_many_redirects: "The address redirected too many times.",
} as const;

export type RefusalReason = keyof typeof REFUSALS;
export type UpstreamReason = "timeout" | "too_large" | "network";

/** The target is not allowed by policy; nothing was sent to it. */
export class TargetRefusedError extends AppError {
  override name = "TargetRefusedError";
  constructor(readonly reason: RefusalReason) {
    super("target_refused", REFUSALS[reason], { reason });
  }
}

/** The transfer failed; the message is a plain sentence that never contains the URL or any secret. */
export class UpstreamError extends AppError {
  override name = "UpstreamError";
  constructor(
    readonly reason: UpstreamReason,
    message: string,
  ) {
    super("upstream_failed", message, { reason });
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ORIGIN_BOUND_HEADERS = ["authorization", "cookie", "proxy-authorization"];
const BODY_HEADERS = ["content-type", "content-length"];

// DNS lookup for the connector: refuses the connection unless every resolved address is public,
// so the address actually connected to is the one checked (no DNS-rebinding gap).
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const refused = addresses.some((a) => !isPublicAddress(a.address));
    if (refused) return callback(new TargetRefusedError("private_address"), "");
    if (options.all) return callback(null, addresses);
    const [first] = addresses as [dns.LookupAddress];
    callback(null, first.address, first.family);
  });
};

const agents = new Map<boolean, Agent>();

function agentFor(allowPrivate: boolean): Agent {
  let agent = agents.get(allowPrivate);
  if (!agent) {
    agent = new Agent(allowPrivate ? {} : { connect: { lookup: publicOnlyLookup } });
    agents.set(allowPrivate, agent);
  }
  return agent;
}

const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Checks what can be checked without DNS: a parseable http(s) URL (resolved against `base` for
 * redirects), no credentials, https when required, and a public address when the host is an IP literal.
 */
export function checkTarget(input: string, policy: TargetPolicy, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new TargetRefusedError("invalid_url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TargetRefusedError("scheme");
  if (url.username || url.password) throw new TargetRefusedError("credentials");
  if (policy.requireHttps && url.protocol !== "https:") throw new TargetRefusedError("https_required");
  const host = bareHost(url);
  if (!policy.allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) {
    throw new TargetRefusedError("private_address");
  }
  return url;
}

/** Validates a URL as a target (policy and DNS) before it is saved; throws TargetRefusedError. */
export async function assertTargetAllowed(url: string, policy: TargetPolicy): Promise<void> {
  const host = bareHost(checkTarget(url, policy));
  if (policy.allowPrivate || isIP(host) !== 0) return;
  const addresses = await dns.promises.lookup(host, { all: true }).catch(() => {
    throw new TargetRefusedError("unresolvable");
  });
  if (addresses.some((a) => !isPublicAddress(a.address))) throw new TargetRefusedError("private_address");
}

const tooLarge = (maxBytes: number) =>
  new UpstreamError("too_large", `The response was larger than ${maxBytes} bytes.`);

// Streams the body and stops (an error, not a truncation) as soon as it exceeds maxBytes.
async function readBody(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  if (Number(response.headers.get("content-length")) > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks, size);
}

async function settle(response: Response, url: URL, redirected: boolean, maxBytes: number): Promise<GuardedResponse> {
  const body = await readBody(response, maxBytes);
  return { status: response.status, headers: response.headers, body, url: url.href, redirected };
}

type Hop = { url: URL; method: "GET" | "POST"; headers: Record<string, string>; body: string | undefined };

const without = (headers: Record<string, string>, names: string[]) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())));

// Per the fetch standard: 303 (and 301/302 after POST) become a bodiless GET; credentials stay with their origin.
function nextHop(hop: Hop, status: number, url: URL): Hop {
  const toGet = status === 303 || ((status === 301 || status === 302) && hop.method === "POST");
  let headers = url.origin === hop.url.origin ? hop.headers : without(hop.headers, ORIGIN_BOUND_HEADERS);
  if (toGet) headers = without(headers, BODY_HEADERS);
  return { url, headers, method: toGet ? "GET" : hop.method, body: toGet ? undefined : hop.body };
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

function toTransferError(error: unknown, signal: AbortSignal, timeoutMs: number): AppError {
  const chain = causeChain(error); // undici wraps what the connector threw in TypeError("fetch failed")
  const known = chain.find((e): e is AppError => e instanceof TargetRefusedError || e instanceof UpstreamError);
  if (known) return known;
  if (signal.aborted) return new UpstreamError("timeout", `Timed out after ${timeoutMs / 1000} s.`);
  const code = chain.map((e) => (e as { code?: unknown }).code).find((c) => typeof c === "string");
  log.debug("net.transfer_failed", { code, error });
  return new UpstreamError("network", `Could not reach the address${code ? ` (${code})` : ""}.`);
}

/**
 * fetch for customer-supplied URLs: refuses non-http(s), credentials, http when https is required and
 * (unless allowPrivate) any non-public address, re-checking every redirect hop. Reads at most maxBytes
 * within timeoutMs. 3xx are returned as is unless maxRedirects > 0.
 */
export async function guardedFetch(url: string, options: GuardedFetchOptions): Promise<GuardedResponse> {
  const { timeoutMs = 10_000, maxBytes = 5 * 1024 * 1024, maxRedirects = 0 } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  const dispatcher = agentFor(options.allowPrivate);
  let hop: Hop = {
    url: checkTarget(url, options),
    method: options.method ?? "GET",
    headers: options.headers ?? {},
    body: options.body,
  };
  try {
    for (let redirects = 0; ; redirects++) {
      const { url: target, ...init } = hop;
      const response = await fetch(target, { ...init, redirect: "manual", signal, dispatcher });
      const location = maxRedirects > 0 && REDIRECT_STATUSES.has(response.status) && response.headers.get("location");
      if (!location) return await settle(response, target, redirects > 0, maxBytes);
      await response.body?.cancel();
      if (redirects >= maxRedirects) throw new TargetRefusedError("too_many_redirects");
      hop = nextHop(hop, response.status, checkTarget(location, options, target));
    }
  } catch (error) {
    throw toTransferError(error, signal, timeoutMs);
  }
}
