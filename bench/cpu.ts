// CPU time spent during a measurement: the server process (all its threads), the PostgreSQL
// processes, and the whole machine. Read from /proc (Linux); null elsewhere.
import fs from "node:fs";

const MS_PER_TICK = 10;

/** Clock ticks, as a reading at one moment or as what was spent between two. */
export type CpuTicks = { server: number; postgres: number; machineBusy: number; machineAll: number };
export type CpuPerRequest = { serverMs: number; postgresMs: number; machineBusyPercent: number };

const ticksOf = (stat: string) => {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
};

function postgresTicks(): number {
  let total = 0;
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.includes("(postgres)")) total += ticksOf(stat);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export function cpuSnapshot(serverPid: number): CpuTicks | null {
  try {
    const machine = (fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").split(/\s+/).slice(1).map(Number);
    const all = machine.reduce((a, b) => a + b, 0);
    return {
      server: ticksOf(fs.readFileSync(`/proc/${serverPid}/stat`, "utf8")),
      postgres: postgresTicks(),
      machineBusy: all - (machine[3] ?? 0) - (machine[4] ?? 0),
      machineAll: all,
    };
  } catch {
    return null;
  }
}

const KEYS = ["server", "postgres", "machineBusy", "machineAll"] as const;

const combine = (a: CpuTicks, b: CpuTicks, sign: 1 | -1) =>
  Object.fromEntries(KEYS.map((k) => [k, a[k] + sign * b[k]])) as CpuTicks;

/** What was spent between two readings. */
export const spentBetween = (before: CpuTicks | null, after: CpuTicks | null) =>
  before && after ? combine(after, before, -1) : null;

/** What was spent in all of several measurements; null if any couldn't be read. */
export function totalSpent(spent: (CpuTicks | null)[]): CpuTicks | null {
  let total: CpuTicks = { server: 0, postgres: 0, machineBusy: 0, machineAll: 0 };
  for (const s of spent) {
    if (!s) return null;
    total = combine(total, s, 1);
  }
  return total;
}

export function cpuPerRequest(spent: CpuTicks | null, requests: number): CpuPerRequest | null {
  if (!spent || requests === 0 || spent.machineAll === 0) return null;
  const per = (ticks: number) => Math.round(((ticks * MS_PER_TICK) / requests) * 100) / 100;
  return {
    serverMs: per(spent.server),
    postgresMs: per(spent.postgres),
    machineBusyPercent: Math.round((100 * spent.machineBusy) / spent.machineAll),
  };
}
