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
  const start = windowStart(w.windowSeconds, now);
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key: w.key, windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  return state(row?.count ?? 1, w, start, now);
}

/** Reads the current window without counting; `allowed` is false once the limit has been reached. */
export async function peek(db: Database, w: Window, now = new Date()): Promise<WindowState> {
  const start = windowStart(w.windowSeconds, now);
  const [row] = await db
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.key, w.key), eq(rateLimitCounters.windowStart, start)));
  const count = row?.count ?? 0;
  return { ...state(count, w, start, now), allowed: count < w.limit };
}

/** Deletes windows that ended long ago. */
export async function pruneCounters(db: Database, olderThan: Date): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, olderThan));
}
