// Deliveries on their way to the database, stored in group-committed batches on a database handle.
import "server-only";
import type { Database } from "@/db/client";
import { type ContextCache, type Delivery, handleDeliveries } from "./deliveries";
import { groupCommit } from "./group-commit";
import { failureReply, type InboundReply } from "./responses";

/** Takes a delivery and answers it; never rejects (a failure is a 503, or a 500 that is logged). */
export type DeliveryQueue = { submit(delivery: Delivery): Promise<InboundReply> };

/**
 * Deliveries per transaction, and transactions at once per database. One at a time: what arrives
 * meanwhile makes the next batch bigger. A second batch in flight overlapped round trips but
 * halved the batches, and the extra statements and messages per delivery cost more CPU than the
 * overlap saved (inbound/no-op 0.44 to 0.50 with two, 0.52 to 0.57 with one, on two cores).
 */
const BATCHING = { maxBatch: 64, maxInFlight: 1 };

const queues = new WeakMap<Database, DeliveryQueue>();

/** Deliveries stored on `db`, in this thread. */
export function deliveryQueueFor(db: Database): DeliveryQueue {
  let queue = queues.get(db);
  if (!queue) {
    const contexts: ContextCache = new Map();
    const batcher = groupCommit<Delivery, InboundReply>(
      (deliveries) => handleDeliveries(db, deliveries, contexts),
      BATCHING,
    );
    queue = { submit: (d) => batcher.submit(d).catch((error: unknown) => failureReply(error, d.connectionId)) };
    queues.set(db, queue);
  }
  return queue;
}
