// Background work on a timer: scheduled pull syncs, the Access Request sweep, abuse-signal sweeps and
// housekeeping. Runs inside the server (WIGI_WORKER=inline) or as its own process (`npm run worker`);
// several may run at once.
import "server-only";
import type { Database } from "@/db/client";
import { now, sweepAccess } from "@/lib/access";
import { runDueSyncs } from "@/lib/ats/sync";
import { purgeErasedProfiles } from "@/lib/candidates/erase";
import { ABUSE_SIGNALS, evaluateSignals } from "@/lib/enforcement";
import { log } from "@/lib/log";
import { pruneCounters } from "@/lib/rate-limit";

const TICK_MS = 30_000;
const HOUR_MS = 60 * 60 * 1000;

export type Worker = { stop(): Promise<void> };

/** `background`: don't keep the process alive for the worker alone (inside the server). */
export function startWorker(db: Database, { tickMs = TICK_MS, background = true } = {}): Worker {
  let running: Promise<void> | null = null;
  let lastPrune = 0;
  let lastSweep = 0;
  const tick = async () => {
    try {
      await runDueSyncs(db);
      if (Date.now() - lastSweep > ABUSE_SIGNALS.sweepMinutes * 60_000) {
        await evaluateSignals(db);
        lastSweep = Date.now();
      }
      await sweepAccess(db, now());
      if (Date.now() - lastPrune > HOUR_MS) {
        await pruneCounters(db, new Date(Date.now() - HOUR_MS));
        await purgeErasedProfiles(db, now());
        lastPrune = Date.now();
      }
    } catch (error) {
      log.error("worker.tick_failed", { error });
    }
  };
  const run = () => {
    running ??= tick().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(run, tickMs);
  const first = setTimeout(run, 1_000);
  if (background) {
    timer.unref();
    first.unref();
  }
  log.info("worker.started", { tickMs });
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
