// The health check: can we run a query, within a couple of seconds?
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { log } from "@/lib/log";

export async function checkDatabase(db: Database, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const query = db.execute(sql`select 1`).then(() => true as const);
    return await Promise.race([query, timeout]);
  } catch (error) {
    log.warn("health.database_unavailable", { error });
    return false;
  } finally {
    clearTimeout(timer);
  }
}
