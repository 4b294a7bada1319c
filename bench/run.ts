// `npm run bench`: inbound job events per second against the production build on real PostgreSQL,
// next to two ceilings measured in the same run: a no-op route (the framework's own limit here)
// and the raw single-row insert rate of the same PostgreSQL. Prints a table, writes bench/results/.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { Webhook } from "standardwebhooks";
import { buildIfNeeded } from "../scripts/build-if-needed";
import { type CpuPerRequest, type CpuTicks, cpuPerRequest, cpuSnapshot, spentBetween, totalSpent } from "./cpu";
import { startServer } from "./server";

const CONCURRENCY = 20;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
/**
 * Each route is measured in rounds, the two routes taking turns, so that the machine slowing down
 * or speeding up during the run (it does, by a third) weighs on both alike.
 */
const ROUNDS = 3;
const PORT = 3400;
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");

type Load = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  cpu: CpuPerRequest | null;
};

/** One round as autocannon reports it before aggregating: latencies as an encoded histogram. */
type RawResult = {
  latencies: unknown;
  totalCompletedRequests: number;
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};
type Round = { raw: RawResult; spent: CpuTicks | null };

/** autocannon merges rounds' latency histograms exactly (its typings leave this function out). */
const aggregate = (autocannon as unknown as { aggregateResult(results: RawResult[], opts: object): autocannon.Result })
  .aggregateResult;

function urlFor(base: string, database: string) {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function round(serverPid: number, options: autocannon.Options): Promise<Round> {
  const before = cpuSnapshot(serverPid);
  const raw = (await autocannon({ connections: CONCURRENCY, skipAggregateResult: true, ...options })) as unknown;
  return { raw: raw as RawResult, spent: spentBetween(before, cpuSnapshot(serverPid)) };
}

/** The rounds of one route as one measurement: the rate over all of them, latencies over all requests. */
function combined(url: string, rounds: Round[]): Load {
  const sum = (f: (r: RawResult) => number) => rounds.reduce((total, r) => total + f(r.raw), 0);
  const requests = sum((r) => r.totalCompletedRequests);
  const latency = aggregate(
    rounds.map((r) => r.raw),
    { url, connections: CONCURRENCY },
  ).latency;
  return {
    rps: Math.round(requests / sum((r) => r.duration)),
    p50: latency.p50,
    p99: latency.p99,
    requests,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors + r.timeouts),
    cpu: cpuPerRequest(totalSpent(rounds.map((r) => r.spent)), requests),
  };
}

/** Creates an employer with one active Standard Webhooks connection, through the app's own code. */
async function connectionFor(databaseUrl: string): Promise<string> {
  process.env.WIGI_ENCRYPTION_KEY = ENCRYPTION_KEY;
  process.env.DATABASE_URL = databaseUrl;
  const { openDatabase } = await import("@/db/client");
  const { makeConnection } = await import("@/lib/testing/ats");
  const { makeOrg } = await import("@/lib/testing/factories");
  const handle = openDatabase({ url: databaseUrl }, 2);
  const org = await makeOrg(handle.db, { name: "Bench Robotics" });
  const id = await makeConnection(handle.db, org.id, org.brandId, { secret: SECRET, rateLimitPerMinute: 1_000_000 });
  await handle.close();
  return id;
}

function inboundRequests(run: string): autocannon.Request[] {
  const webhook = new Webhook(SECRET);
  let n = 0;
  return [
    {
      method: "POST",
      setupRequest: (request) => {
        n++;
        const body = JSON.stringify({
          type: "job.published",
          data: {
            externalId: `BENCH-${run}-${n}`,
            title: `Backend Engineer ${n % 997}`,
            description:
              "<p>Build and run the services behind our warehouse robots: Go, PostgreSQL, Kafka. You will own " +
              "features end to end, review code with the team and share on-call fairly. Hybrid, Berlin.</p>",
            location: { city: `City ${n % 101}`, country: "DE", workplace: "hybrid" },
            employmentType: "full_time",
            salary: { min: 70000 + (n % 50) * 100, max: 90000 + (n % 50) * 100, currency: "EUR", period: "year" },
            status: "open",
          },
        });
        const id = `msg_${process.pid}_${run}_${n}`;
        const now = new Date();
        return {
          ...request,
          body,
          headers: {
            "content-type": "application/json",
            "webhook-id": id,
            "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
            "webhook-signature": webhook.sign(id, now, body),
          },
        };
      },
    },
  ];
}

/** pgbench with one single-row insert per transaction, 20 clients, on a table of the same database. */
async function rawInsertRate(databaseUrl: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql`create table bench_insert (id bigserial primary key, payload text not null, created_at timestamptz default now())`;
  await sql.end();
  const script = path.join(os.tmpdir(), `wigi-bench-${process.pid}.sql`);
  fs.writeFileSync(script, "insert into bench_insert (payload) values ('job event');\n");
  const url = new URL(databaseUrl);
  const out = execFileSync(
    "pgbench",
    [
      "-n",
      "-c",
      String(CONCURRENCY),
      "-j",
      "2",
      "-T",
      String(Math.min(DURATION_S, 10)),
      "-f",
      script,
      "-h",
      url.hostname,
      "-p",
      url.port || "5432",
      "-U",
      decodeURIComponent(url.username || "postgres"),
      url.pathname.slice(1),
    ],
    { encoding: "utf8", env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
  );
  return Math.round(Number(out.match(/tps = ([\d.]+)/)?.[1] ?? 0));
}

async function seedRate(databaseUrl: string): Promise<{ candidates: number; seconds: number }> {
  const { openDatabase } = await import("@/db/client");
  const { seedCandidates } = await import("@/db/seed");
  const handle = openDatabase({ url: databaseUrl }, 2);
  const started = performance.now();
  const candidates = await handle.db.transaction((tx) => seedCandidates(tx, 100_000, 7));
  const seconds = (performance.now() - started) / 1000;
  await handle.close();
  return { candidates, seconds: Math.round(seconds * 10) / 10 };
}

async function main() {
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const database = `wigi_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(urlFor(base, "postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${database}"`);
  const databaseUrl = urlFor(base, database);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wigi-bench-"));
  buildIfNeeded();
  const server = await startServer(databaseUrl, PORT, dataDir);
  try {
    const connectionId = await connectionFor(databaseUrl);
    console.log(
      `Measuring for ${DURATION_S} s each, in ${ROUNDS} rounds taking turns, at ${CONCURRENCY} concurrent senders…`,
    );
    const noopUrl = `${server.url}/api/live`;
    const inboundUrl = `${server.url}/api/ats/${connectionId}/events`;
    // Both routes get the same warm-up (JIT, module loading, the pool's connections) before measuring.
    await round(server.pid, { url: noopUrl, duration: 3 });
    await round(server.pid, { url: inboundUrl, requests: inboundRequests("warmup"), duration: 3 });
    const noopRounds: Round[] = [];
    const inboundRounds: Round[] = [];
    const duration = DURATION_S / ROUNDS;
    for (let n = 0; n < ROUNDS; n++) {
      noopRounds.push(await round(server.pid, { url: noopUrl, duration }));
      inboundRounds.push(await round(server.pid, { url: inboundUrl, requests: inboundRequests(`m${n}`), duration }));
    }
    const noop = combined(noopUrl, noopRounds);
    const inbound = combined(inboundUrl, inboundRounds);
    const inserts = await rawInsertRate(databaseUrl);
    const seed = await seedRate(databaseUrl);
    report({ noop, inbound, inserts, seed });
  } finally {
    await server.stop();
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(r: { noop: Load; inbound: Load; inserts: number; seed: { candidates: number; seconds: number } }) {
  const cpu = (l: Load) =>
    l.cpu ? [`${l.cpu.serverMs} ms`, `${l.cpu.postgresMs} ms`, `${l.cpu.machineBusyPercent}%`] : ["", "", ""];
  const load = (what: string, l: Load) => [
    what,
    `${l.rps}/s`,
    `${l.p50} ms`,
    `${l.p99} ms`,
    `${l.non2xx + l.errors}`,
    ...cpu(l),
  ];
  const rows = [
    load("no-op route (GET /api/live)", r.noop),
    load("inbound job events (POST, signed, new job each)", r.inbound),
    ["raw single-row inserts (pgbench, same PostgreSQL)", `${r.inserts}/s`, "", "", "", "", "", ""],
    [
      "demo seed, 100,000 candidates with identities",
      `${Math.round(r.seed.candidates / r.seed.seconds)}/s`,
      `${r.seed.seconds} s total`,
      "",
      "",
      "",
      "",
      "",
    ],
  ];
  const ratios = {
    inboundVsNoop: Math.round((r.inbound.rps / r.noop.rps) * 100) / 100,
    inboundVsRawInserts: Math.round((r.inbound.rps / r.inserts) * 100) / 100,
  };
  console.log(
    "\n| what | rate | p50 | p99 | failed | server CPU / request | PostgreSQL CPU / request | machine busy |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log(
    `\ninbound / no-op = ${ratios.inboundVsNoop} (goal ≥ 0.5); inbound / raw inserts = ${ratios.inboundVsRawInserts}; inbound p99 goal < 100 ms`,
  );
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    concurrency: CONCURRENCY,
    durationSeconds: DURATION_S,
    ...r,
    ratios,
  };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/latest.json", `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(`bench/results/${result.date.replace(/[:.]/g, "-")}.json`, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
