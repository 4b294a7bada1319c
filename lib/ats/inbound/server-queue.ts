// The server's inbound queue: on PostgreSQL, deliveries are stored by the inbound worker thread
// (started on first use, started again after it stops); PGlite lives in this thread, so they stay here.
import "server-only";
import { Worker } from "node:worker_threads";
import { databaseHandle } from "@/db/client";
import { log } from "@/lib/log";
import { type DeliveryQueue, deliveryQueueFor } from "./queue";
import { remoteQueue } from "./remote-queue";

type Running = { worker: Worker; queue: ReturnType<typeof remoteQueue> };

let running: Running | undefined;

function start(): Running {
  const worker = new Worker(new URL("./worker.ts", import.meta.url), { name: "wigi-inbound" });
  const queue = remoteQueue(worker);
  // Deliveries in flight when the worker stops get a 503, so their senders retry.
  const stopped = (error: unknown) => {
    if (running?.worker !== worker) return;
    running = undefined;
    log.error("inbound.worker_stopped", { error });
    queue.fail();
  };
  worker.on("error", stopped);
  worker.on("exit", (code) => stopped(new Error(`The inbound worker exited with code ${code}.`)));
  worker.unref();
  return { worker, queue };
}

const workerQueue: DeliveryQueue = {
  submit: (delivery) => {
    running ??= start();
    return running.queue.submit(delivery);
  },
};

/** Where this server's inbound deliveries go. */
export function serverDeliveryQueue(): DeliveryQueue {
  const handle = databaseHandle();
  return handle.kind === "postgres" ? workerQueue : deliveryQueueFor(handle.db);
}
