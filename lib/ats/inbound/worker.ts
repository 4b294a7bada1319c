// The inbound worker thread: verifies, parses and stores deliveries in group-committed batches on its
// own database connections, so the server's main thread only reads bodies and writes answers.
import "server-only";
import { parentPort } from "node:worker_threads";
import { configuredDatabase, openDatabase } from "@/db/client";
import { deliveryQueueFor } from "./queue";
import { serveDeliveries } from "./remote-queue";

/** A batch's reserved connection, the reads before it and a retry: a small pool of its own. */
const POOL_SIZE = 4;

if (parentPort) serveDeliveries(parentPort, deliveryQueueFor(openDatabase(configuredDatabase(), POOL_SIZE).db));
