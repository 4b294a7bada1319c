// POST /api/ats/{connectionId}/events: what needs no database is checked here (the id, the media
// type, the body read within its limit); the rest (connection, signature in constant time, rate
// limit, parse, idempotency key, work in one transaction) happens in group-committed batches.
// Nothing the sender controls gives a 500.
import "server-only";
import { isUuid } from "@/lib/ids";
import type { Delivery } from "./deliveries";
import type { DeliveryQueue } from "./queue";
import { BodyTooLargeError, readBodyWithLimit } from "./read-body";
import { errorReply, toResponse } from "./responses";

const MAX_BODY_BYTES = 256 * 1024;

function isJson(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

async function readBody(request: Request): Promise<Delivery["body"]> {
  if (!isJson(request.headers.get("content-type"))) return "unsupported_media_type";
  try {
    return await readBodyWithLimit(request, MAX_BODY_BYTES);
  } catch (error) {
    return error instanceof BodyTooLargeError ? "payload_too_large" : "unreadable";
  }
}

export async function handleInboundRequest(
  queue: DeliveryQueue,
  request: Request,
  connectionId: string,
  now = new Date(),
): Promise<Response> {
  if (!isUuid(connectionId)) return toResponse(errorReply("not_found", "There is no webhook connection with this id."));
  const body = await readBody(request);
  return toResponse(await queue.submit({ connectionId, headers: request.headers, body, now }));
}
