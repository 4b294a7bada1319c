import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { Delivery } from "./deliveries";
import { workerDeliveryQueue } from "./server-queue";

const delivery = (): Delivery => ({
  connectionId: "00000000-0000-4000-8000-000000000001",
  headers: new Headers({ "content-type": "application/json" }),
  body: Buffer.from("{}"),
  now: new Date(),
});

/** A worker that answers every delivery with 200 and the body's size, as the real one answers batches. */
const ECHO = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", (batch) => parentPort.postMessage(batch.map(([id, d]) =>
  [id, { status: 200, headers: {}, json: JSON.stringify({ bytes: d.body.byteLength }) }])));
`;

function counted(code: string) {
  let spawned = 0;
  const spawn = () => {
    spawned++;
    return new Worker(code, { eval: true });
  };
  return { spawn, spawned: () => spawned };
}

describe("the inbound worker thread, from the server's side", () => {
  it("starts one worker for many deliveries and gives each its own answer", async () => {
    const { spawn, spawned } = counted(ECHO);
    const queue = workerDeliveryQueue(spawn);
    const replies = await Promise.all([1, 2, 3].map(() => queue.submit(delivery())));
    expect(replies.map((r) => [r.status, JSON.parse(r.json).bytes])).toEqual([
      [200, 2],
      [200, 2],
      [200, 2],
    ]);
    expect(spawned()).toBe(1);
  });

  it("answers 503 when the worker stops, and waits before starting another", async () => {
    let clock = 0;
    const { spawn, spawned } = counted("process.exit(3)");
    const queue = workerDeliveryQueue(spawn, { restartAfterMs: 1000, now: () => clock });
    expect((await queue.submit(delivery())).status).toBe(503);
    clock = 999;
    const meanwhile = await queue.submit(delivery());
    expect([meanwhile.status, spawned()]).toEqual([503, 1]);
    clock = 1000;
    expect((await queue.submit(delivery())).status).toBe(503);
    expect(spawned()).toBe(2);
  });
});
