// A PostgreSQL server of the test's own (initdb in a temporary folder, run as the `postgres` user
// when we are root), for fault tests that stop or crash the database under running work.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN = process.env.WIGI_PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type PrivatePostgres = { url: string; crash(): void; start(): void; stop(): void };

export const privatePostgresAvailable = () => fs.existsSync(path.join(BIN, "initdb"));

function asPostgres(command: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: "pipe", timeout: 60_000 });
}

export function startPrivatePostgres(port: number): PrivatePostgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wigi-pg-"));
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  asPostgres(path.join(BIN, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=on`;
  const pgCtl = (...args: string[]) => asPostgres(path.join(BIN, "pg_ctl"), ["-D", data, "-w", ...args]);
  const server: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => pgCtl("-o", options, "-l", path.join(dir, "server.log"), "start"),
    /** Stops the server as a crash would (no checkpoint, no goodbye to clients). */
    crash: () => pgCtl("-m", "immediate", "stop"),
    stop() {
      try {
        pgCtl("-m", "fast", "stop");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  server.start();
  return server;
}
