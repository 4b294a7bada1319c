// The inbound endpoint's answers (CONTRACT.md §3): one JSON error shape, and the success body.
import "server-only";
import type { PayloadIssue } from "@/lib/ats/normalized-job";
import type { JobOutcome } from "@/lib/jobs/ingest";

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

export function errorResponse(
  code: InboundErrorCode,
  message: string,
  extra: { issues?: PayloadIssue[]; retryAfterSeconds?: number } = {},
): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (extra.retryAfterSeconds !== undefined) headers["retry-after"] = String(extra.retryAfterSeconds);
  const body = { error: { code, message, ...(extra.issues ? { issues: extra.issues.slice(0, 50) } : {}) } };
  return Response.json(body, { status: STATUS[code], headers });
}

export type InboundAnswer = { received: true; deliveryId: string; duplicate: boolean; jobs: JobOutcome[] };

export function okResponse(answer: InboundAnswer): Response {
  return Response.json(answer, { status: 200, headers: { "cache-control": "no-store" } });
}

export const unavailableResponse = () =>
  errorResponse("database_unavailable", "The service is temporarily unavailable; retry shortly.", {
    retryAfterSeconds: 5,
  });

export const internalErrorResponse = () =>
  Response.json(
    { error: { code: "internal", message: "Something went wrong on our side; it has been logged." } },
    { status: 500, headers: { "cache-control": "no-store" } },
  );
