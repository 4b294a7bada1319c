// What a server process does once before it answers requests.
import "server-only";
import { databaseHandle } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { EnvError, env } from "@/lib/env";
import { log } from "@/lib/log";
import { startWorker } from "@/lib/worker";

export async function startServer(): Promise<void> {
  try {
    const config = env();
    await prepareDatabase(databaseHandle());
    if (config.worker === "inline") startWorker(databaseHandle().db);
    log.info("server.ready", {
      mode: config.mode,
      database: config.databaseUrl ? "postgres" : "pglite",
      worker: config.worker,
    });
  } catch (error) {
    const message = error instanceof EnvError ? error.message : "The server could not prepare its database.";
    log.error("server.start_failed", { message, error });
    process.exit(1);
  }
}
