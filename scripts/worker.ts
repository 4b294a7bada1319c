// `npm run worker`: background work as its own process, for deployments with WIGI_WORKER=off.
import { databaseHandle } from "@/db/client";
import { startWorker } from "@/lib/worker";

if (!process.env.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL: the embedded database belongs to the server process.");
  process.exit(1);
}

const handle = databaseHandle();
const worker = startWorker(handle.db, { background: false });

async function shutdown() {
  await worker.stop();
  await handle.close();
  process.exit(0);
}

process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
