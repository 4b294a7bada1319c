// Starts the production build against a database for the benchmark, and stops it again.
import { type ChildProcess, spawn } from "node:child_process";

export type BenchServer = { url: string; pid: number; stop(): Promise<void> };

/** BENCH_PROFILE=dir writes the server's CPU profile there, to find where the time goes. */
const profiling = () =>
  process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];

export async function startServer(databaseUrl: string, port: number, dataDir: string): Promise<BenchServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...profiling(), "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        WIGI_ENV: "development",
        DATABASE_URL: databaseUrl,
        WIGI_DATA_DIR: dataDir,
        AUTH_SECRET: "bench-auth-secret-bench-auth-secret-0123456789",
        WIGI_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
        WIGI_WORKER: "off",
        WIGI_SEED_DEMO: "0",
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("The server did not become healthy.");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid as number,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await exited;
    },
  };
}
