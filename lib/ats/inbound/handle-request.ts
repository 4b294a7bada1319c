// POST /api/ats/{connectionId}/events: raw body → signature (constant time) → rate limit → parse →
// idempotency key → work in one transaction → quick answer. Nothing the sender controls gives a 500.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { inboundEvents } from "@/db/schema";
import { type ConnectionContext, type InboundConnection, loadConnectionContext } from "@/lib/ats/connection-context";
import type { InboundEvent, WebhookAdapter } from "@/lib/ats/normalized-job";
import { webhookAdapterFor } from "@/lib/ats/providers";
import { isDatabaseUnavailable } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { type IngestPlan, planCloseByExternalId, planUpsert } from "@/lib/jobs/ingest";
import { cleanDeep, cleanExternalId, cleanText } from "@/lib/jobs/text";
import { log } from "@/lib/log";
import { hit } from "@/lib/rate-limit";
import { BodyTooLargeError, readBodyWithLimit } from "./read-body";
import { errorResponse, type InboundAnswer, okResponse } from "./responses";

const MAX_BODY_BYTES = 256 * 1024;

const SIGNATURE_MESSAGES = {
  missing: "The request isn't signed: the signature headers are missing.",
  mismatch: "The signature doesn't match this connection's signing secret.",
  stale: "The webhook timestamp is more than 5 minutes away from now.",
} as const;

function isJson(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/** A stable, storable idempotency key: the provider's delivery id, or its hash when unreasonably long. */
function storableDeliveryId(raw: string): string {
  const clean = cleanText(raw, 10_000).trim();
  return clean.length > 0 && clean.length <= 200 ? clean : `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

function refusal(conn: ConnectionContext | null): Response | null {
  if (!conn || !webhookAdapterFor(conn.provider))
    return errorResponse("not_found", "There is no webhook connection with this id.");
  if (conn.status === "disabled") return errorResponse("connection_disabled", "This connection has been disabled.");
  if (conn.org.standing !== "active") {
    return errorResponse("connection_disabled", "This organisation's integrations are suspended.");
  }
  return null;
}

/** The event with every string made storable, or null when its job id is unusable. */
function storableEvent(parsed: InboundEvent): InboundEvent | null {
  const event = cleanDeep(parsed);
  if (event.kind === "upsert") {
    const externalId = cleanExternalId(event.job.externalId);
    return externalId ? { ...event, job: { ...event.job, externalId } } : null;
  }
  if (event.kind === "close") {
    const externalId = cleanExternalId(event.externalId);
    return externalId ? { ...event, externalId } : null;
  }
  return event;
}

/** Starts planning the event's job work (its reads go out with the caller's other reads). */
function planEvent(
  tx: Database,
  conn: ConnectionContext,
  event: InboundEvent,
  inboundEventId: string,
): Promise<IngestPlan | null> {
  const source = { kind: "webhook", inboundEventId } as const;
  if (event.kind === "upsert") return planUpsert(tx, conn, event.job, source);
  if (event.kind === "close") return planCloseByExternalId(tx, conn, event.externalId, source);
  return Promise.resolve(null);
}

async function storedAnswer(db: Database, connectionId: string, deliveryId: string): Promise<InboundAnswer | null> {
  const [row] = await db
    .select({ response: inboundEvents.response })
    .from(inboundEvents)
    .where(and(eq(inboundEvents.connectionId, connectionId), eq(inboundEvents.deliveryId, deliveryId)));
  return (row?.response as InboundAnswer | undefined) ?? null;
}

class DuplicateDelivery extends Error {
  override name = "DuplicateDelivery";
}

/**
 * One transaction, three round trips: an earlier answer to this delivery with the job's lock and
 * reads; the rules' context; then every write at once, the delivery record first. The delivery id's
 * unique key settles races: if the same delivery is being recorded concurrently, this transaction
 * rolls back and the first answer is returned again.
 */
async function processDelivery(
  db: Database,
  conn: ConnectionContext,
  deliveryId: string,
  event: InboundEvent,
): Promise<InboundAnswer> {
  return db.transaction(async (tx) => {
    const inboundEventId = randomUUID();
    const earlier = storedAnswer(tx, conn.id, deliveryId);
    const planned = planEvent(tx, conn, event, inboundEventId);
    const [previous, plan] = await Promise.all([earlier, planned]);
    if (previous) return { ...previous, duplicate: true };
    const answer: InboundAnswer = { received: true, deliveryId, duplicate: false, jobs: plan ? [plan.outcome] : [] };
    const storeDelivery = tx
      .insert(inboundEvents)
      .values({
        id: inboundEventId,
        connectionId: conn.id,
        orgId: conn.orgId,
        deliveryId,
        eventType: cleanText(event.eventType, 100) || "unknown",
        outcome: event.kind === "ignored" ? "ignored" : "processed",
        response: answer,
      })
      .onConflictDoNothing({ target: [inboundEvents.connectionId, inboundEvents.deliveryId] })
      .returning({ id: inboundEvents.id })
      .execute();
    const [stored] = await Promise.all([storeDelivery, plan?.write()]);
    if (stored.length === 0) throw new DuplicateDelivery();
    return answer;
  });
}

async function record(
  db: Database,
  conn: ConnectionContext,
  deliveryId: string,
  event: InboundEvent,
): Promise<InboundAnswer> {
  const earlier = await storedAnswer(db, conn.id, deliveryId);
  if (earlier) return { ...earlier, duplicate: true };
  try {
    return await processDelivery(db, conn, deliveryId, event);
  } catch (error) {
    const first = await storedAnswer(db, conn.id, deliveryId);
    if (first) return { ...first, duplicate: true };
    throw error;
  }
}

async function verifyAndParse(
  db: Database,
  conn: InboundConnection,
  adapter: WebhookAdapter,
  request: Request,
  rawBody: Buffer,
  now: Date,
): Promise<Response | InboundEvent> {
  const verified = adapter.verify({ headers: request.headers, rawBody, secrets: conn.inboundSecrets, now });
  if (!verified.ok) return errorResponse("invalid_signature", SIGNATURE_MESSAGES[verified.reason]);
  const limit = await hit(db, { key: `inbound:${conn.id}`, limit: conn.rateLimitPerMinute, windowSeconds: 60 }, now);
  if (!limit.allowed) {
    return errorResponse("rate_limited", "Too many events for this connection; slow down and retry.", {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return errorResponse("invalid_payload", "The body isn't valid JSON.", { issues: [] });
  }
  const parsed = adapter.parse(body);
  if (!parsed.ok) {
    return errorResponse("invalid_payload", `The body isn't a ${conn.provider} event we understand.`, {
      issues: parsed.issues,
    });
  }
  const event = storableEvent(parsed.event);
  if (!event) {
    return errorResponse("invalid_payload", "The job's id is empty.", {
      issues: [{ path: "externalId", message: "must not be empty" }],
    });
  }
  if (conn.status === "draft" && event.kind !== "ping") {
    return errorResponse("connection_disabled", "This connection isn't active yet: finish its set-up in the portal.");
  }
  return event;
}

async function pipeline(db: Database, request: Request, connectionId: string, now: Date): Promise<Response> {
  if (!isUuid(connectionId)) return errorResponse("not_found", "There is no webhook connection with this id.");
  const conn = await loadConnectionContext(db, connectionId, { inboundSecretsAt: now });
  const refused = refusal(conn);
  if (refused || !conn) return refused as Response;
  if (!isJson(request.headers.get("content-type"))) {
    return errorResponse("unsupported_media_type", "Send the event as application/json.");
  }
  let rawBody: Buffer;
  try {
    rawBody = await readBodyWithLimit(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return errorResponse("payload_too_large", "The body is larger than 256 KiB.");
    return errorResponse("invalid_payload", "The body couldn't be read.", { issues: [] });
  }
  const adapter = webhookAdapterFor(conn.provider) as WebhookAdapter;
  const event = await verifyAndParse(db, conn, adapter, request, rawBody, now);
  if (event instanceof Response) return event;
  const deliveryId = storableDeliveryId(adapter.deliveryId(request.headers, rawBody));
  return okResponse(await record(db, conn, deliveryId, event));
}

export async function handleInboundRequest(db: Database, request: Request, connectionId: string, now = new Date()) {
  try {
    return await pipeline(db, request, connectionId, now);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      log.error("inbound.database_unavailable", { connectionId, error });
      return errorResponse("database_unavailable", "The service is temporarily unavailable; retry shortly.", {
        retryAfterSeconds: 5,
      });
    }
    log.error("inbound.failed", { connectionId, error });
    return Response.json(
      { error: { code: "internal", message: "Something went wrong on our side; it has been logged." } },
      { status: 500 },
    );
  }
}
