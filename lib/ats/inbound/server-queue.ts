// The server's inbound queue: on PostgreSQL, deliveries are stored by the inbound worker thread
// (started on first use, and again a second after it stops); PGlite lives in this thread, so there
// they stay here.
import "server-only";
import { Worker } from "node:worker_threads";
import { databaseHandle } from "@/db/client";
import { log } from "@/lib/log";
import { type DeliveryQueue, deliveryQueueFor } from "./queue";
import { remoteQueue } from "./remote-queue";
import { unavailableReply } from "./responses";

type Options = { restartAfterMs: number; now(): number };

/**
 * Deliveries stored by a worker thread that `spawn` starts on first use. When it stops, the
 * deliveries in flight get a 503 (their senders retry), and so does every delivery for
 * `restartAfterMs`, so a worker that can't start isn't started again for every request.
 */
export function workerDeliveryQueue(
  spawn: () => Worker,
  options: Options = { restartAfterMs: 1000, now: Date.now },
): DeliveryQueue {
  let running: { worker: Worker; queue: ReturnType<typeof remoteQueue> } | undefined;
  let stoppedAt = Number.NEGATIVE_INFINITY;
  function start() {
    const worker = spawn();
    const queue = remoteQueue(worker);
    const stopped = (error: unknown) => {
      if (running?.worker !== worker) return;
      running = undefined;
      stoppedAt = options.now();
      log.error("inbound.worker_stopped", { error });
      queue.fail();
    };
    worker.on("error", stopped);
    worker.on("exit", (code) => stopped(new Error(`The inbound worker exited with code ${code}.`)));
    worker.unref();
    return { worker, queue };
  }
  return {
    submit(delivery) {
      if (!running) {
        if (options.now() - stoppedAt < options.restartAfterMs) return Promise.resolve(unavailableReply());
        running = start();
      }
      return running.queue.submit(delivery);
    },
  };
}

// Kept across hot reloads in development, so a reload doesn't leave a second worker behind.
const state = globalThis as typeof globalThis & { __wigiInboundQueue?: DeliveryQueue };

/** Where this server's inbound deliveries go. */
export function serverDeliveryQueue(): DeliveryQueue {
  const handle = databaseHandle();
  if (handle.kind !== "postgres") return deliveryQueueFor(handle.db);
  state.__wigiInboundQueue ??= workerDeliveryQueue(
    () => new Worker(new URL("./worker.ts", import.meta.url), { name: "wigi-inbound" }),
  );
  return state.__wigiInboundQueue;
}
