// The two ends of a delivery queue in another thread: deliveries go one way and replies come back,
// each side sending what gathered during one task (a request, a batch's answers) as one message.
import "server-only";
import type { MessagePort, Worker } from "node:worker_threads";
import type { Delivery } from "./deliveries";
import type { DeliveryQueue } from "./queue";
import { type InboundReply, unavailableReply } from "./responses";

/** A worker, its parent port, or one port of a MessageChannel. */
type Endpoint = Worker | MessagePort;

/** A delivery as structured-clone data: headers as pairs, the body in a buffer of its own (transferred). */
type WireDelivery = Omit<Delivery, "headers" | "body" | "limit"> & {
  headers: [string, string][];
  body: Uint8Array | Exclude<Delivery["body"], Buffer>;
};

const toWire = (d: Delivery): WireDelivery => ({
  connectionId: d.connectionId,
  headers: [...d.headers],
  body: typeof d.body === "string" ? d.body : new Uint8Array(d.body),
  now: d.now,
});

const fromWire = (d: WireDelivery): Delivery => ({
  ...d,
  headers: new Headers(d.headers),
  body: typeof d.body === "string" ? d.body : Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength),
});

/**
 * Posts the items given during one task as one message, once its microtasks have run: not at the
 * end of the event loop's turn, which on a busy server thread comes milliseconds later (waiting
 * for it cost every delivery about 4 ms of latency).
 */
function batchedSender<T>(endpoint: Endpoint) {
  let items: T[] = [];
  let transfer: ArrayBuffer[] = [];
  return (item: T, buffer?: ArrayBuffer) => {
    if (items.length === 0) {
      queueMicrotask(() => {
        endpoint.postMessage(items, transfer);
        items = [];
        transfer = [];
      });
    }
    items.push(item);
    if (buffer) transfer.push(buffer);
  };
}

/** The sending end: a queue whose deliveries are answered at the other end. `fail` answers all waiting with a 503. */
export function remoteQueue(endpoint: Endpoint): DeliveryQueue & { fail(): void } {
  const waiting = new Map<number, (reply: InboundReply) => void>();
  const send = batchedSender<[number, WireDelivery]>(endpoint);
  let nextId = 0;
  endpoint.on("message", (replies: [number, InboundReply][]) => {
    for (const [id, reply] of replies) {
      waiting.get(id)?.(reply);
      waiting.delete(id);
    }
  });
  return {
    submit(delivery) {
      const id = nextId++;
      const wire = toWire(delivery);
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        send([id, wire], typeof wire.body === "string" ? undefined : (wire.body.buffer as ArrayBuffer));
      });
    },
    fail() {
      for (const answer of waiting.values()) answer(unavailableReply());
      waiting.clear();
    },
  };
}

/** The answering end: every delivery that arrives goes to `queue`, and its reply back. */
export function serveDeliveries(endpoint: Endpoint, queue: DeliveryQueue): void {
  const reply = batchedSender<[number, InboundReply]>(endpoint);
  endpoint.on("message", (deliveries: [number, WireDelivery][]) => {
    for (const [id, delivery] of deliveries) {
      queue.submit(fromWire(delivery)).then((answer) => reply([id, answer]));
    }
  });
}
