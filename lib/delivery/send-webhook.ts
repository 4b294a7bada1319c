import "server-only";
// Sends one event to a customer's endpoint, signed per Standard Webhooks, and reports how the attempt went.
import { Webhook } from "standardwebhooks";
import { log } from "@/lib/log";
import { type GuardedResponse, guardedFetch, TargetRefusedError, UpstreamError } from "@/lib/net/guarded-fetch";

export type WebhookInput = {
  url: string;
  secret: string; // whsec_…
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  timestamp?: Date;
  allowPrivate: boolean;
  requireHttps: boolean;
  timeoutMs?: number;
};

export type WebhookAttempt = {
  delivered: boolean;
  status: number | null;
  durationMs: number;
  responseExcerpt: string; // the first 500 characters of the response body
  retryAfterSeconds: number | null;
  error: string | null; // a plain sentence for people
  gone: boolean; // 410: the endpoint asks to be disabled
};

const EXCERPT_CHARS = 500;

function signedHeaders(input: WebhookInput, timestamp: Date, body: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Wigiwork-Webhooks/1.0",
    "webhook-id": input.eventId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": new Webhook(input.secret).sign(input.eventId, timestamp, body),
  };
}

/** Retry-After as delay-seconds or an HTTP date, in whole seconds from now; null when absent or unreadable. */
function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function statusError(status: number): string | null {
  if (status >= 200 && status < 300) return null;
  const note = status >= 300 && status < 400 ? " Redirects are not followed." : "";
  return `The endpoint answered ${status}.${note}`;
}

// 500 UTF-16 units never need more than 2000 bytes, so only that much is decoded.
const excerpt = (body: Buffer) =>
  body
    .subarray(0, EXCERPT_CHARS * 4)
    .toString("utf8")
    .slice(0, EXCERPT_CHARS);

function fromResponse(response: GuardedResponse, durationMs: number): WebhookAttempt {
  const { status } = response;
  const retryable = status === 429 || status >= 500;
  return {
    delivered: status >= 200 && status < 300,
    status,
    durationMs,
    responseExcerpt: excerpt(response.body),
    retryAfterSeconds: retryable ? parseRetryAfter(response.headers.get("retry-after")) : null,
    error: statusError(status),
    gone: status === 410,
  };
}

function fromFailure(error: TargetRefusedError | UpstreamError, durationMs: number): WebhookAttempt {
  const sentence =
    error instanceof TargetRefusedError
      ? `Refused: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`
      : error.message;
  return {
    delivered: false,
    status: null,
    durationMs,
    responseExcerpt: "",
    retryAfterSeconds: null,
    error: sentence,
    gone: false,
  };
}

async function attempt(input: WebhookInput, headers: Record<string, string>, body: string): Promise<WebhookAttempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await guardedFetch(input.url, {
      method: "POST",
      headers,
      body,
      timeoutMs: input.timeoutMs,
      maxRedirects: 0,
      allowPrivate: input.allowPrivate,
      requireHttps: input.requireHttps,
    });
    return fromResponse(response, elapsed());
  } catch (error) {
    if (error instanceof TargetRefusedError || error instanceof UpstreamError) return fromFailure(error, elapsed());
    throw error;
  }
}

/**
 * POSTs `{type, timestamp, data}` with Standard Webhooks headers. Only a 2xx counts as delivered; redirects are
 * not followed. Refusals, timeouts and network errors come back as an undelivered attempt, never as a throw.
 */
export async function sendWebhook(input: WebhookInput): Promise<WebhookAttempt> {
  const timestamp = input.timestamp ?? new Date();
  const body = JSON.stringify({ type: input.type, timestamp: timestamp.toISOString(), data: input.data });
  const result = await attempt(input, signedHeaders(input, timestamp, body), body);
  const { status, delivered, durationMs, error } = result;
  log.info("webhook.attempt", { eventId: input.eventId, type: input.type, status, delivered, durationMs, error });
  return result;
}
