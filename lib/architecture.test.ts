// House rules as tests: identity stays in lib/identity, components stay free of server-only code,
// routes hold no SQL, and every module that touches the database is marked server-only.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib", "db", "scripts", "bench", "e2e"];
const ROOT_FILES = ["proxy.ts", "instrumentation.ts"];
const EXTENSIONS = [".ts", ".tsx"];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "migrations" ? [] : walk(full);
    return EXTENSIONS.includes(path.extname(entry.name)) ? [full] : [];
  });
}

const files = [...SOURCE_DIRS.flatMap((d) => walk(path.join(ROOT, d))), ...ROOT_FILES.map((f) => path.join(ROOT, f))];
const rel = (file: string) => path.relative(ROOT, file);
const source = new Map(files.map((f) => [f, fs.readFileSync(f, "utf8")]));
const isTest = (file: string) =>
  /\.test\.tsx?$/.test(file) || rel(file).startsWith("e2e/") || rel(file).startsWith("lib/testing/");

/** Modules a file loads at run time (type-only imports are erased, so they can't carry code anywhere). */
function importsOf(file: string): string[] {
  const text = (source.get(file) ?? "").replace(/(?:import|export)\s+type\s[^;]*?from\s+["'][^"']+["'];?/g, "");
  const found = [
    ...text.matchAll(
      /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g,
    ),
  ];
  return found.map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

function resolveLocal(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ]) {
    if (source.has(candidate)) return candidate;
  }
  return null;
}

const firstStatement = (file: string) =>
  (source.get(file) ?? "")
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith("//"));
const isServerOnly = (file: string) => /^import\s+["']server-only["']/.test(firstStatement(file) ?? "");
const isServerAction = (file: string) => /^["']use server["']/.test(firstStatement(file) ?? "");

describe("architecture", () => {
  it("lets only lib/identity import the identity table", () => {
    const offenders = files.filter(
      (f) =>
        !rel(f).startsWith("lib/identity/") &&
        !isTest(f) &&
        importsOf(f).some((s) => resolveLocal(f, s) === path.join(ROOT, "db/schema/identity.ts")),
    );
    expect(offenders.map(rel)).toEqual([]);
  });

  it("mentions the identity table in SQL only inside lib/identity", () => {
    const offenders = files.filter(
      (f) =>
        !rel(f).startsWith("lib/identity/") &&
        rel(f) !== "db/schema/identity.ts" &&
        !isTest(f) &&
        /candidate_identities|candidateIdentities/.test(source.get(f) ?? ""),
    );
    expect(offenders.map(rel)).toEqual([]);
  });

  it("keeps server-only code out of components, even indirectly", () => {
    const offenders: string[] = [];
    for (const start of files.filter((f) => rel(f).startsWith("components/"))) {
      const seen = new Set<string>();
      const queue = [start];
      while (queue.length > 0) {
        const file = queue.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        if (file !== start && isServerAction(file)) continue;
        if (isServerOnly(file)) {
          offenders.push(`${rel(start)} → ${rel(file)}`);
          continue;
        }
        for (const spec of importsOf(file)) {
          if (spec === "server-only") offenders.push(rel(file));
          const target = resolveLocal(file, spec);
          if (target) queue.push(target);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("keeps SQL out of routes: app/ never imports drizzle or the schema", () => {
    const offenders = files.filter(
      (f) =>
        rel(f).startsWith("app/") &&
        importsOf(f).some(
          (s) => s.startsWith("drizzle-orm") || (s.startsWith("@/db/schema") && s !== "@/db/schema/enums"),
        ),
    );
    expect(offenders.map(rel)).toEqual([]);
  });

  it("marks every module that touches the database as server-only", () => {
    const offenders = files.filter(
      (f) =>
        !isTest(f) &&
        !rel(f).startsWith("app/") &&
        !rel(f).startsWith("db/schema/") &&
        !rel(f).startsWith("scripts/") &&
        !rel(f).startsWith("bench/") &&
        !isServerAction(f) &&
        importsOf(f).some(
          (s) =>
            s === "@/db/client" || (s.startsWith("@/db/schema") && s !== "@/db/schema/enums") || s === "drizzle-orm",
        ) &&
        !isServerOnly(f),
    );
    expect(offenders.map(rel)).toEqual([]);
  });
});
