// POST /api/ats/{connectionId}/events: what needs no database is checked here (the id, the media
// type, the body read within its limit); the rest (connection, signature in constant time, rate
// limit, parse, idempotency key, work in one transaction) happens in group-committed batches.
// Nothing the sender controls gives a 500.
import "server-only";
import type { Database } from "@/db/client";
import { isDatabaseUnavailable } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { log } from "@/lib/log";
import { type Delivery, handleDeliveries } from "./deliveries";
import { groupCommit } from "./group-commit";
import { BodyTooLargeError, readBodyWithLimit } from "./read-body";
import { errorResponse, internalErrorResponse, unavailableResponse } from "./responses";

const MAX_BODY_BYTES = 256 * 1024;
/** Deliveries per transaction, and transactions at once per database. */
const BATCHING = { maxBatch: 64, maxInFlight: 2 };

const batchers = new WeakMap<Database, ReturnType<typeof groupCommit<Delivery, Response>>>();

function batcherFor(db: Database) {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = groupCommit<Delivery, Response>((deliveries) => handleDeliveries(db, deliveries), BATCHING);
    batchers.set(db, batcher);
  }
  return batcher;
}

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

export async function handleInboundRequest(db: Database, request: Request, connectionId: string, now = new Date()) {
  if (!isUuid(connectionId)) return errorResponse("not_found", "There is no webhook connection with this id.");
  const body = await readBody(request);
  try {
    return await batcherFor(db).submit({ connectionId, headers: request.headers, body, now });
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      log.error("inbound.database_unavailable", { connectionId, error });
      return unavailableResponse();
    }
    log.error("inbound.failed", { connectionId, error });
    return internalErrorResponse();
  }
}
