import { MessageChannel } from "node:worker_threads";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { genericJob, inboundRequest, makeEmployerWithConnection, signGeneric } from "@/lib/testing/ats";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { handleInboundRequest } from "./handle-request";
import { deliveryQueueFor } from "./queue";
import { remoteQueue, serveDeliveries } from "./remote-queue";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

/** The two ends the server and its inbound worker use, joined by a real MessageChannel in this thread. */
function channel() {
  const { port1, port2 } = new MessageChannel();
  serveDeliveries(port2, deliveryQueueFor(t.db));
  const queue = remoteQueue(port1);
  return { queue, close: () => port1.close() };
}

const send = (queue: ReturnType<typeof remoteQueue>, connectionId: string, payload: unknown, id: string) => {
  const body = JSON.stringify(payload);
  return handleInboundRequest(queue, inboundRequest(connectionId, body, signGeneric(body, { id })), connectionId);
};

describe("deliveries answered in another thread", () => {
  it("carries headers, bodies and answers across, many at once, each to its own sender", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const { queue, close } = channel();
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send(queue, connectionId, genericJob({ externalId: `REMOTE-${i}`, title: `Remote role ${i}` }), `msg_r${i}`),
      ),
    );
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(bodies.map((b) => b.deliveryId)).toEqual(Array.from({ length: 12 }, (_, i) => `msg_r${i}`));
    expect(bodies.map((b) => b.jobs[0].externalId)).toEqual(Array.from({ length: 12 }, (_, i) => `REMOTE-${i}`));
    const [stored] = await t.db.select({ n: count() }).from(jobs).where(eq(jobs.connectionId, connectionId));
    expect(stored?.n).toBe(12);
    close();
  });

  it("sends refusals back as they are: a bad signature, a body problem", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const { queue, close } = channel();
    const body = JSON.stringify(genericJob());
    const forged = await handleInboundRequest(
      queue,
      inboundRequest(connectionId, body, signGeneric(`${body} `, { id: "msg_forged" })),
      connectionId,
    );
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe("invalid_signature");
    const wrongType = await handleInboundRequest(
      queue,
      inboundRequest(connectionId, body, { ...signGeneric(body), "content-type": "text/plain" }),
      connectionId,
    );
    expect(wrongType.status).toBe(415);
    close();
  });

  it("posts what one task gives as one message, before the event loop's turn ends", async () => {
    const { port1, port2 } = new MessageChannel();
    const posted: unknown[][] = [];
    const post = port1.postMessage.bind(port1);
    port1.postMessage = (items: unknown[], transfer?: readonly ArrayBuffer[]) => {
      posted.push(items);
      post(items, transfer as ArrayBuffer[]);
    };
    const queue = remoteQueue(port1);
    let turnEnded = false;
    setImmediate(() => {
      turnEnded = true;
    });
    for (let i = 0; i < 5; i++) {
      queue.submit({ connectionId: `c${i}`, headers: new Headers(), body: Buffer.from("{}"), now: new Date() });
    }
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(turnEnded).toBe(false);
    expect(posted.map((items) => items.length)).toEqual([5]);
    queue.fail();
    port1.close();
    port2.close();
  });

  it("answers the waiting deliveries with a 503 when the other thread stops", async () => {
    const { port1 } = new MessageChannel();
    const queue = remoteQueue(port1);
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const pending = send(queue, connectionId, genericJob(), "msg_lost");
    await new Promise((resolve) => setImmediate(resolve));
    queue.fail();
    const response = await pending;
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    port1.close();
  });
});
