// Transaction-scoped advisory locks on named keys, always taken in one global order so that
// transactions locking several keys at once can't deadlock each other.
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * Locks every key (one statement; the keys' hashes in ascending order) until the transaction ends.
 * The statement is sent at once, so reads started after this call run after the locks are held.
 */
export function lockKeys(tx: Database, keys: readonly string[]): Promise<unknown> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return Promise.resolve();
  return tx
    .execute(sql`select pg_advisory_xact_lock(k)
      from (select distinct hashtextextended(key, 0) as k
              from jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb) as key order by k) as ordered`)
    .then(() => undefined);
}
