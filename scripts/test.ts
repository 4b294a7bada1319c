// `npm test`: unit and integration tests (vitest), then a production build and the browser tests
// (Playwright). Prints one closing line, "N passed, N failed", and fails if anything failed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const OUT = ".test-output";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
fs.mkdirSync(OUT, { recursive: true });

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(OUT, file), "utf8")) as T;
  } catch {
    return null;
  }
}

for (const file of ["vitest.json", "playwright.json"]) fs.rmSync(path.join(OUT, file), { force: true });

const vitestExit = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${OUT}/vitest.json`,
]);
const buildExit = run("npx", ["next", "build"]);
const e2eExit = buildExit === 0 ? run("npx", ["playwright", "test"]) : 1;

const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>("vitest.json");
const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>("playwright.json");

const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0) + (playwright?.stats.flaky ?? 0);
let failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0);
// A runner that crashed before reporting counts as one failure, so a broken run is never green.
if (!vitest || (vitestExit !== 0 && failed === 0)) failed += 1;
if (buildExit !== 0) failed += 1;
if (!playwright || (e2eExit !== 0 && (playwright?.stats.unexpected ?? 0) === 0)) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
