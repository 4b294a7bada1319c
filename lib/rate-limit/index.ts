// Fixed-window counters in PostgreSQL, so limits hold across any number of server replicas.
import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rateLimitCounters } from "@/db/schema";

export type Window = { key: string; limit: number; windowSeconds: number };
export type WindowState = { count: number; allowed: boolean; retryAfterSeconds: number };

function windowStart(windowSeconds: number, now: Date): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

function state(count: number, w: Window, start: Date, now: Date): WindowState {
  const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + w.windowSeconds * 1000 - now.getTime()) / 1000));
  return { count, allowed: count <= w.limit, retryAfterSeconds };
}

/** Counts one hit and says whether it is within the limit. */
export async function hit(db: Database, w: Window, now = new Date()): Promise<WindowState> {
  return (await hits(db, w, 1, now))[0] as WindowState;
}

/** Counts `n` hits at once (one statement) and says, for each in turn, whether it is within the limit. */
export async function hits(db: Database, w: Window, n: number, now = new Date()): Promise<WindowState[]> {
  const start = windowStart(w.windowSeconds, now);
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key: w.key, windowStart: start, count: n })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + ${n}` },
    })
    .returning({ count: rateLimitCounters.count });
  const before = (row?.count ?? n) - n;
  return Array.from({ length: n }, (_, i) => state(before + i + 1, w, start, now));
}

/** Returns a hit that turned out not to count against the limit (e.g. a successful sign-in). */
export async function giveBack(db: Database, w: Window, now = new Date()): Promise<void> {
  await db
    .update(rateLimitCounters)
    .set({ count: sql`greatest(${rateLimitCounters.count} - 1, 0)` })
    .where(and(eq(rateLimitCounters.key, w.key), eq(rateLimitCounters.windowStart, windowStart(w.windowSeconds, now))));
}

/** Deletes windows that ended long ago. */
export async function pruneCounters(db: Database, olderThan: Date): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, olderThan));
}
