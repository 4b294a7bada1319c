// The inbound endpoint's answers (CONTRACT.md §3): one JSON error shape, and the success body. They
// are plain data (a status, headers, the JSON text), so they can cross from the inbound worker thread.
import "server-only";
import type { PayloadIssue } from "@/lib/ats/normalized-job";
import { isDatabaseUnavailable } from "@/lib/errors";
import type { JobOutcome } from "@/lib/jobs/ingest";
import { log } from "@/lib/log";

export type InboundErrorCode =
  | "invalid_payload"
  | "invalid_signature"
  | "connection_disabled"
  | "not_found"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "database_unavailable";

const STATUS: Record<InboundErrorCode, number> = {
  invalid_payload: 400,
  invalid_signature: 401,
  connection_disabled: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  database_unavailable: 503,
};

export type InboundReply = { status: number; headers: Record<string, string>; json: string };

const NO_STORE = { "cache-control": "no-store" } as const;

export function errorReply(
  code: InboundErrorCode,
  message: string,
  extra: { issues?: PayloadIssue[]; retryAfterSeconds?: number } = {},
): InboundReply {
  const headers: Record<string, string> = { ...NO_STORE };
  if (extra.retryAfterSeconds !== undefined) headers["retry-after"] = String(extra.retryAfterSeconds);
  const body = { error: { code, message, ...(extra.issues ? { issues: extra.issues.slice(0, 50) } : {}) } };
  return { status: STATUS[code], headers, json: JSON.stringify(body) };
}

export type InboundAnswer = { received: true; deliveryId: string; duplicate: boolean; jobs: JobOutcome[] };

export const okReply = (answer: InboundAnswer): InboundReply => ({
  status: 200,
  headers: { ...NO_STORE },
  json: JSON.stringify(answer),
});

export const unavailableReply = () =>
  errorReply("database_unavailable", "The service is temporarily unavailable; retry shortly.", {
    retryAfterSeconds: 5,
  });

export const internalErrorReply = (): InboundReply => ({
  status: 500,
  headers: { ...NO_STORE },
  json: JSON.stringify({
    error: { code: "internal", message: "Something went wrong on our side; it has been logged." },
  }),
});

export const toResponse = (reply: InboundReply) =>
  new Response(reply.json, {
    status: reply.status,
    headers: { "content-type": "application/json", ...reply.headers },
  });

/** The reply for a delivery whose storing failed: 503 when the database is down, else a 500; logged. */
export function failureReply(error: unknown, connectionId: string): InboundReply {
  const unavailable = isDatabaseUnavailable(error);
  log.error(unavailable ? "inbound.database_unavailable" : "inbound.failed", { connectionId, error });
  return unavailable ? unavailableReply() : internalErrorReply();
}
