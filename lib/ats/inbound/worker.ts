// The inbound worker thread: verifies, parses and stores deliveries in group-committed batches on its
// own database connections, so the server's main thread only reads bodies and writes answers.
import "server-only";
import { parentPort } from "node:worker_threads";
import { databaseHandle } from "@/db/client";
import { deliveryQueueFor } from "./queue";
import { serveDeliveries } from "./remote-queue";

if (parentPort) serveDeliveries(parentPort, deliveryQueueFor(databaseHandle().db));
