// Brings a database up to date at start: migrations, then the demo on an empty database when allowed.
import "server-only";
import type { DatabaseHandle } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { seedDemo } from "./seed";

export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  const started = Date.now();
  await handle.migrate();
  log.info("db.migrated", { driver: handle.kind, ms: Date.now() - started });
  if (!env().seedDemo) return;
  const { seeded } = await seedDemo(handle.db, { candidates: env().seedCandidates });
  if (seeded) log.info("db.seeded", { candidates: env().seedCandidates, ms: Date.now() - started });
}
