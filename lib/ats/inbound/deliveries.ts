// A batch of webhook deliveries, handled together: their connections (kept from earlier batches,
// or read first), then one transaction in which the rate-limit counts, locks and reads (with the
// kept connections' versions) go out as one round trip and the writes with COMMIT as another. Every delivery still gets its own answer, exactly as if it had
// come alone (CONTRACT.md §3): work that would interact within a batch waits for the next batch.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { findEach, insertRows } from "@/db/bulk";
import { type Database, type PipelinedWork, pipelinedTransaction } from "@/db/client";
import { lockKeys } from "@/db/locks";
import { inboundEvents } from "@/db/schema";
import {
  contextVersions,
  type InboundConnection,
  loadVersionedContexts,
  secretsValidAt,
  type VersionedContext,
} from "@/lib/ats/connection-context";
import type { InboundEvent, WebhookAdapter } from "@/lib/ats/normalized-job";
import { webhookAdapterFor } from "@/lib/ats/providers";
import { isDatabaseUnavailable } from "@/lib/errors";
import {
  decide,
  findJobs,
  type JobWork,
  mergeWork,
  type Pending,
  titleKeysOf,
  workLockKey,
  workRef,
  writeDecisions,
} from "@/lib/jobs/ingest";
import type { StoredJob } from "@/lib/jobs/merge";
import { type FactKey, factKeyOf, type RuleFacts, readRuleFacts, titleLockKey } from "@/lib/jobs/rule-context";
import { cleanDeep, cleanExternalId, cleanText } from "@/lib/jobs/text";
import { log } from "@/lib/log";
import { hits, type WindowState } from "@/lib/rate-limit";
import { DEFER } from "./group-commit";
import { errorReply, failureReply, type InboundAnswer, type InboundReply, okReply } from "./responses";

/** What the route handler could tell without the database: the body, or why there is none. */
export type Delivery = {
  connectionId: string;
  headers: Headers;
  body: Buffer | "unsupported_media_type" | "payload_too_large" | "unreadable";
  now: Date;
  /** Set once counted against the rate limit, so a delivery that waits for a later batch isn't counted twice. */
  limit?: WindowState;
};

type Result = InboundReply | typeof DEFER;

/**
 * Connection contexts a queue has read, by id, so a batch needn't read them again before its
 * transaction: the transaction reads their versions with its other reads and, if one changed, is
 * rolled back and the batch answered again on fresh contexts. Refusals are always decided fresh.
 */
export type ContextCache = Map<string, VersionedContext>;

const CACHED_CONTEXTS = 10_000;

/** What a batch relies on: its connections, and the versions its transaction must confirm (when cached). */
type Contexts = { byId: Map<string, InboundConnection>; confirm: Map<string, string> | null; at: Date };

class StaleContextsError extends Error {
  override name = "StaleContextsError";
}

const isReply = (x: Accepted | InboundAnswer | InboundReply): x is InboundReply => "status" in x;

/** A delivery whose signature is good: what it asks for, or why it is refused (if within the limit). */
type Signed = { index: number; d: Delivery; conn: InboundConnection; parsed: Accepted | InboundReply };

/** A signed delivery that parsed into something to store. */
type Accepted = {
  index: number;
  conn: InboundConnection;
  deliveryId: string;
  inboundEventId: string;
  event: InboundEvent;
  work: JobWork | null;
};

const SIGNATURE_MESSAGES = {
  missing: "The request isn't signed: the signature headers are missing.",
  mismatch: "The signature doesn't match this connection's signing secret.",
  stale: "The webhook timestamp is more than 5 minutes away from now.",
} as const;

const BODY_PROBLEMS = {
  unsupported_media_type: () => errorReply("unsupported_media_type", "Send the event as application/json."),
  payload_too_large: () => errorReply("payload_too_large", "The body is larger than 256 KiB."),
  unreadable: () => errorReply("invalid_payload", "The body couldn't be read.", { issues: [] }),
} as const;

const rateLimitOf = (conn: InboundConnection) => ({
  key: `inbound:${conn.id}`,
  limit: conn.rateLimitPerMinute,
  windowSeconds: 60,
});

function refusal(conn: InboundConnection | undefined): InboundReply | null {
  if (!conn || !webhookAdapterFor(conn.provider))
    return errorReply("not_found", "There is no webhook connection with this id.");
  if (conn.status === "disabled") return errorReply("connection_disabled", "This connection has been disabled.");
  if (conn.org.standing !== "active") {
    return errorReply("connection_disabled", "This organisation's integrations are suspended.");
  }
  return null;
}

/** A stable, storable idempotency key: the provider's delivery id, or its hash when unreasonably long. */
function storableDeliveryId(raw: string): string {
  const clean = cleanText(raw, 10_000).trim();
  return clean.length > 0 && clean.length <= 200 ? clean : `sha256:${createHash("sha256").update(raw).digest("hex")}`;
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

/** Refusals that need no count: unknown or disabled connection, unusable body, bad signature. */
function checkSignature(d: Delivery, conn: InboundConnection | undefined): InboundReply | null {
  const refused = refusal(conn);
  if (refused || !conn) return refused;
  if (typeof d.body === "string") return BODY_PROBLEMS[d.body]();
  const adapter = webhookAdapterFor(conn.provider) as WebhookAdapter;
  const verified = adapter.verify({
    headers: d.headers,
    rawBody: d.body,
    secrets: secretsValidAt(conn, d.now),
    now: d.now,
  });
  return verified.ok ? null : errorReply("invalid_signature", SIGNATURE_MESSAGES[verified.reason]);
}

/**
 * Counts the deliveries against their connections' limits: one statement per connection, all sent at
 * once, in connection order (so two batches never wait for each other's counters in opposite order).
 */
function countAgainstLimits(tx: Database, signed: readonly Signed[]): Promise<Map<Delivery, WindowState>> {
  const byConnection = new Map<string, { conn: InboundConnection; deliveries: Delivery[] }>();
  for (const { d, conn } of signed) {
    if (d.limit) continue;
    const group = byConnection.get(conn.id) ?? { conn, deliveries: [] };
    group.deliveries.push(d);
    byConnection.set(conn.id, group);
  }
  const groups = [...byConnection.values()].sort((a, b) => (a.conn.id < b.conn.id ? -1 : 1));
  return Promise.all(
    groups.map(({ conn, deliveries }) =>
      hits(tx, rateLimitOf(conn), deliveries.length, deliveries[0]?.now).then((states) =>
        deliveries.map((d, i) => [d, states[i] as WindowState] as const),
      ),
    ),
  ).then((counted) => new Map(counted.flat()));
}

/** Parses a signed delivery into the work it asks for, or the answer refusing it. */
function parse(d: Delivery, conn: InboundConnection, index: number): Accepted | InboundReply {
  const rawBody = d.body as Buffer;
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return errorReply("invalid_payload", "The body isn't valid JSON.", { issues: [] });
  }
  const adapter = webhookAdapterFor(conn.provider) as WebhookAdapter;
  const parsed = adapter.parse(body);
  if (!parsed.ok) {
    return errorReply("invalid_payload", `The body isn't a ${conn.provider} event we understand.`, {
      issues: parsed.issues,
    });
  }
  const event = storableEvent(parsed.event);
  if (!event) {
    return errorReply("invalid_payload", "The job's id is empty.", {
      issues: [{ path: "externalId", message: "must not be empty" }],
    });
  }
  if (conn.status === "draft" && event.kind !== "ping") {
    return errorReply("connection_disabled", "This connection isn't active yet: finish its set-up in the portal.");
  }
  const inboundEventId = randomUUID();
  const source = { kind: "webhook", inboundEventId } as const;
  const work: JobWork | null =
    event.kind === "upsert"
      ? { kind: "upsert", conn, job: event.job, source, now: d.now }
      : event.kind === "close"
        ? { kind: "close", conn, externalId: event.externalId, source, now: d.now }
        : null;
  const deliveryId = storableDeliveryId(adapter.deliveryId(d.headers, rawBody));
  return { index, conn, deliveryId, inboundEventId, event, work };
}

const deliveryLockKey = (a: Accepted) => `delivery:${a.conn.id}:${a.deliveryId}`;

/** Keeps the first of any deliveries that share a delivery id or a job; the others wait for the next batch. */
function firstOfEach(signed: readonly Signed[]): Signed[] {
  const claimed = new Set<string>();
  return signed.filter(({ parsed }) => {
    if (isReply(parsed)) return true;
    const keys = [deliveryLockKey(parsed), ...(parsed.work ? [workLockKey(parsed.work)] : [])];
    if (keys.some((k) => claimed.has(k))) return false;
    for (const k of keys) claimed.add(k);
    return true;
  });
}

function storedAnswers(tx: Database, accepted: readonly Accepted[]): Promise<Map<string, InboundAnswer>> {
  return findEach(
    tx,
    inboundEvents,
    { c: inboundEvents.connectionId, d: inboundEvents.deliveryId },
    accepted.map((a) => ({ c: a.conn.id, d: a.deliveryId })),
  ).then(
    (rows) => new Map(rows.map((r) => [`delivery:${r.connectionId}:${r.deliveryId}`, r.response as InboundAnswer])),
  );
}

type Answer = InboundReply | InboundAnswer | typeof DEFER;

/** The works' jobs as if new: their titles and fingerprints as the events give them, to read ahead. */
function provisionalFacts(accepted: readonly Accepted[]) {
  const keys: FactKey[] = [];
  const position = new Map<number, number>();
  for (const a of accepted) {
    if (a.work?.kind !== "upsert") continue;
    const pending = mergeWork(a.work, null);
    if (pending.action !== "save") continue;
    position.set(a.index, keys.length);
    keys.push(factKeyOf(a.conn, pending.externalId, pending.merged, a.work.now));
  }
  return { keys, position };
}

/** Rule contexts for the pending works: read ahead where the guess held, else read now (one round trip). */
async function contextsOf(tx: Database, items: { a: Accepted; pending: Pending }[], ahead: ReadAhead) {
  const late: { item: number; key: FactKey }[] = [];
  const early = new Map<number, number>();
  for (const [item, { a, pending }] of items.entries()) {
    if (pending.action !== "save") continue;
    const guessed = ahead.position.get(a.index);
    const key = factKeyOf(a.conn, pending.externalId, pending.merged, pending.change.now);
    const guess = guessed === undefined ? undefined : ahead.keys[guessed];
    if (guess && guess.titleKey === key.titleKey && guess.fingerprint === key.fingerprint)
      early.set(item, guessed as number);
    else late.push({ item, key });
  }
  let lateFacts: RuleFacts | null = null;
  if (late.length > 0) {
    const locked = lockKeys(
      tx,
      late.map(({ key }) => titleLockKey(key.conn.orgId, key.titleKey)),
    );
    [, lateFacts] = await Promise.all([
      locked,
      readRuleFacts(
        tx,
        late.map(({ key }) => key),
      ),
    ]);
  }
  const latePosition = new Map(late.map(({ item }, n) => [item, n]));
  return (item: number, stored: StoredJob | null) => {
    const e = early.get(item);
    return e !== undefined
      ? ahead.facts(e, stored)
      : (lateFacts as RuleFacts)(latePosition.get(item) as number, stored);
  };
}

type ReadAhead = { keys: FactKey[]; position: Map<number, number>; facts: RuleFacts };

function inboundRecord(a: Accepted, answer: InboundAnswer) {
  return {
    id: a.inboundEventId,
    connectionId: a.conn.id,
    orgId: a.conn.orgId,
    deliveryId: a.deliveryId,
    eventType: cleanText(a.event.eventType, 100) || "unknown",
    outcome: a.event.kind === "ignored" ? "ignored" : "processed",
    response: answer,
  };
}

/**
 * One transaction for the batch, in two round trips when the events say what they are: first every
 * lock (delivery ids, jobs, titles) and every read (earlier answers, the jobs, the rules' facts);
 * then the writes and COMMIT. The rate-limit counts go just ahead, in a short transaction of their
 * own, so concurrent batches of one connection don't queue behind its counter's row lock. Repeats
 * get their first answer; work on a title already taken by an earlier delivery waits for the next batch.
 */
function storeBatch(db: Database, signed: readonly Signed[], contexts: Contexts): Promise<Map<number, Answer>> {
  const accepted = signed.flatMap(({ parsed }) => (isReply(parsed) ? [] : [parsed]));
  const works = accepted.flatMap((a) => (a.work ? [a.work] : []));
  const guess = provisionalFacts(accepted);
  const work: PipelinedWork<Map<number, Answer>, Map<Delivery, WindowState>> = async (tx, counted) => {
    const locked = lockKeys(tx, [
      ...accepted.map(deliveryLockKey),
      ...works.map(workLockKey),
      ...guess.keys.map((k) => titleLockKey(k.conn.orgId, k.titleKey)),
    ]);
    const { confirm, at } = contexts;
    const [limits, , earlier, stored, facts, versions] = await Promise.all([
      counted,
      locked,
      storedAnswers(tx, accepted),
      findJobs(tx, works.map(workRef)),
      readRuleFacts(tx, guess.keys),
      confirm ? contextVersions(tx, [...confirm.keys()], at) : null,
    ]);
    // Only now that the counts are committed: a delivery retried after a failure isn't counted again.
    for (const [d, state] of limits) d.limit = state;
    if (confirm && [...confirm].some(([id, version]) => versions?.get(id) !== version)) throw new StaleContextsError();
    const answers = new Map<number, Answer>();
    const fresh: { a: Accepted; pending: Pending }[] = [];
    const bare: Accepted[] = [];
    const titles = new Set<string>();
    for (const { index, d, conn, parsed } of signed) {
      // Judged by the count against the limit of the context this transaction confirmed.
      const limit = d.limit as WindowState;
      if (limit.count > conn.rateLimitPerMinute) {
        answers.set(index, rateLimited(limit));
        continue;
      }
      if (isReply(parsed)) {
        answers.set(index, parsed);
        continue;
      }
      const previous = earlier.get(deliveryLockKey(parsed));
      if (previous) {
        answers.set(index, { ...previous, duplicate: true });
        continue;
      }
      if (!parsed.work) {
        bare.push(parsed);
        continue;
      }
      const pending = mergeWork(parsed.work, stored.get(workLockKey(parsed.work)) ?? null);
      const keys = titleKeysOf(pending);
      if (keys.some((k) => titles.has(k))) {
        answers.set(index, DEFER);
        continue;
      }
      for (const k of keys) titles.add(k);
      fresh.push({ a: parsed, pending });
    }
    const contextOf = await contextsOf(tx, fresh, { ...guess, facts });
    const decisions = decide(
      fresh.map((f) => f.pending),
      contextOf,
    );
    const records = [
      ...fresh.map(({ a }, i) => {
        const outcome = decisions[i]?.outcome;
        return inboundRecord(a, {
          received: true,
          deliveryId: a.deliveryId,
          duplicate: false,
          jobs: outcome ? [outcome] : [],
        });
      }),
      ...bare.map((a) => inboundRecord(a, { received: true, deliveryId: a.deliveryId, duplicate: false, jobs: [] })),
    ];
    for (const [i, a] of [...fresh.map((f) => f.a), ...bare].entries())
      answers.set(a.index, records[i]?.response as InboundAnswer);
    const writes = Promise.all([insertRows(tx, inboundEvents, records), writeDecisions(tx, decisions)]);
    return { result: answers, writes };
  };
  return pipelinedTransaction(db, work, (tx) => countAgainstLimits(tx, signed));
}

const rateLimited = (limit: WindowState) =>
  errorReply("rate_limited", "Too many events for this connection; slow down and retry.", {
    retryAfterSeconds: limit.retryAfterSeconds,
  });

/** Stores the batch; if it fails for a reason other than the database being down, each delivery alone. */
async function store(db: Database, signed: Signed[], results: Result[], contexts: Contexts) {
  const settle = (answers: Map<number, Answer>) => {
    for (const [index, answer] of answers) {
      results[index] = answer === DEFER || isReply(answer) ? answer : okReply(answer);
    }
  };
  try {
    settle(await storeBatch(db, signed, contexts));
    return;
  } catch (error) {
    if (error instanceof StaleContextsError) throw error;
    if (isDatabaseUnavailable(error) || signed.length === 1) return fail(signed, results, error);
    log.warn("inbound.batch_split", { size: signed.length, error });
  }
  for (const one of signed) {
    try {
      settle(await storeBatch(db, [one], contexts));
    } catch (error) {
      if (error instanceof StaleContextsError) throw error;
      fail([one], results, error);
    }
  }
}

function fail(signed: Signed[], results: Result[], error: unknown) {
  for (const { index, conn } of signed) results[index] = failureReply(error, conn.id);
}

/**
 * Answers the deliveries on these contexts, into `results`; false when a kept context refused a
 * delivery or turned out stale. Deliveries already answered then (committed one at a time after a
 * failed batch) keep their answers; the rest stay `DEFER`.
 */
async function answer(db: Database, deliveries: Delivery[], contexts: Contexts, results: Result[]): Promise<boolean> {
  const signed: Signed[] = [];
  for (const [index, d] of deliveries.entries()) {
    const conn = contexts.byId.get(d.connectionId);
    const refused = checkSignature(d, conn);
    if (refused && contexts.confirm) return false;
    if (refused || !conn) results[index] = refused as InboundReply;
    else signed.push({ index, d, conn, parsed: parse(d, conn, index) });
  }
  const now = firstOfEach(signed);
  try {
    if (now.length > 0) await store(db, now, results, contexts);
  } catch (error) {
    if (error instanceof StaleContextsError) return false;
    throw error;
  }
  return true;
}

function remember(cache: ContextCache, loaded: Map<string, VersionedContext>) {
  for (const [id, context] of loaded) {
    cache.delete(id);
    cache.set(id, context);
  }
  for (const id of cache.keys()) {
    if (cache.size <= CACHED_CONTEXTS) break;
    cache.delete(id);
  }
}

/**
 * Answers a batch of deliveries, in order; a delivery that must wait for the next batch is `DEFER`.
 * Contexts in `cache` save the batch a round trip; any doubt about them, and it reads them afresh.
 */
export async function handleDeliveries(
  db: Database,
  deliveries: Delivery[],
  cache: ContextCache = new Map(),
): Promise<Result[]> {
  const at = new Date(Math.min(...deliveries.map((d) => d.now.getTime())));
  const ids = [...new Set(deliveries.map((d) => d.connectionId))];
  const results: Result[] = deliveries.map(() => DEFER);
  const cached = ids.flatMap((id) => cache.get(id) ?? []);
  if (cached.length === ids.length) {
    const byId = new Map(cached.map((c) => [c.conn.id, c.conn]));
    const confirm = new Map(cached.map((c) => [c.conn.id, c.version]));
    if (await answer(db, deliveries, { byId, confirm, at }, results)) return results;
    for (const id of ids) cache.delete(id);
  }
  const open = deliveries.flatMap((_, i) => (results[i] === DEFER ? [i] : []));
  const loaded = await loadVersionedContexts(db, ids, at);
  remember(cache, loaded);
  const byId = new Map([...loaded].map(([id, c]) => [id, c.conn]));
  const rest: Result[] = open.map(() => DEFER);
  await answer(
    db,
    open.map((i) => deliveries[i] as Delivery),
    { byId, confirm: null, at },
    rest,
  );
  for (const [n, i] of open.entries()) results[i] = rest[n] as Result;
  return results;
}
