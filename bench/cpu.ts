// CPU time spent during a measurement, per request: the server process (all its threads), the
// PostgreSQL processes, and the whole machine. Read from /proc (Linux); null elsewhere.
import fs from "node:fs";

const MS_PER_TICK = 10;

export type CpuSnapshot = { server: number; postgres: number; machineBusy: number; machineAll: number };
export type CpuPerRequest = { serverMs: number; postgresMs: number; machineMs: number; machineBusyPercent: number };

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

export function cpuSnapshot(serverPid: number): CpuSnapshot | null {
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

export function cpuPerRequest(before: CpuSnapshot | null, after: CpuSnapshot | null, requests: number) {
  if (!before || !after || requests === 0) return null;
  const per = (ticks: number) => Math.round(((ticks * MS_PER_TICK) / requests) * 100) / 100;
  return {
    serverMs: per(after.server - before.server),
    postgresMs: per(after.postgres - before.postgres),
    machineMs: per(after.machineBusy - before.machineBusy),
    machineBusyPercent: Math.round(
      (100 * (after.machineBusy - before.machineBusy)) / (after.machineAll - before.machineAll),
    ),
  } satisfies CpuPerRequest;
}
