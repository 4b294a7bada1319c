// Starts the built app for the browser tests on a database of its own: a fresh PostgreSQL
// database when DATABASE_URL is set (dropped on exit), otherwise PGlite in a temporary folder.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { E2E_BASE_URL, E2E_PORT } from "./config";

const baseUrl = process.env.DATABASE_URL;
const dbName = `wigi_e2e_${randomBytes(5).toString("hex")}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wigi-e2e-"));

function urlFor(name: string): string {
  const url = new URL(baseUrl as string);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(statement: string) {
  const sql = postgres(urlFor("postgres"), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}

let child: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  if (baseUrl) await admin(`drop database if exists "${dbName}" with (force)`).catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}

async function main() {
  if (baseUrl) await admin(`create database "${dbName}"`);
  child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(E2E_PORT)],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        WIGI_ENV: "development",
        ...(baseUrl ? { DATABASE_URL: urlFor(dbName) } : {}),
        WIGI_DATA_DIR: dataDir,
        AUTH_SECRET: "e2e-auth-secret-e2e-auth-secret-0123456789",
        WIGI_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
        WIGI_PUBLIC_URL: E2E_BASE_URL,
        WIGI_ALLOW_PRIVATE_TARGETS: "1",
        WIGI_SEED_DEMO: "1",
        WIGI_TEST_HOOKS: "1",
        SEED_CANDIDATES: "200",
      },
    },
  );
  child.on("exit", (code) => void stop(code ?? 1));
}

for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(0));
main().catch((error) => {
  console.error(error);
  void stop(1);
});
