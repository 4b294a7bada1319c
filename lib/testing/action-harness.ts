// How the action matrix runs a row: find every server action in the source, call one as a role,
// tell what it answered, and fingerprint every table so a refusal provably wrote nothing.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "@/db/client";
import type { ActionInput } from "@/lib/actions/safe-action";
import type { ErrorCode } from "@/lib/errors";
import { actAs, type TestBrowser } from "./act-as";
import type { MatrixRow, Outcome, ServerAction } from "./action-matrix";
import { isRedirect, type Role, type World } from "./action-world";
import { setStanding } from "./ats";

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const USE_SERVER = /^\s*["']use server["'];?\s*$/m;
const firstStatement = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith("//"));

/**
 * Every "use server" module, and every file that declares a server action inline (a "use server"
 * directive inside a function): the matrix can't reach those, so they must move to a module.
 */
export function serverActionSources(): { modules: string[]; inline: string[] } {
  const files = SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d)));
  const modules: string[] = [];
  const inline: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    if (!USE_SERVER.test(text)) continue;
    const rel = path.relative(ROOT, file);
    if (/^["']use server["']/.test(firstStatement(text) ?? "")) modules.push(rel);
    else inline.push(rel);
  }
  return { modules: modules.sort(), inline: inline.sort() };
}

/** The exported functions of every "use server" module, each named "file#export". */
export async function serverActions(): Promise<Map<ServerAction, string>> {
  const found = new Map<ServerAction, string>();
  for (const rel of serverActionSources().modules) {
    const module = (await import(/* @vite-ignore */ path.join(ROOT, rel))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function") found.set(value as ServerAction, `${rel}#${name}`);
    }
  }
  return found;
}

/**
 * The input `role` acts with: rows of tenant a (the outsider's are not its own), or for the
 * suspended owner its own organisation's rows, made as they were before the suspension.
 */
export async function inputFor(row: MatrixRow, w: World, role: Role): Promise<ActionInput> {
  if (role !== "suspended") return row.input(w, w.a);
  await setStanding(w.db, w.suspended.org.id, "active");
  try {
    return await row.input(w, w.suspended);
  } finally {
    await setStanding(w.db, w.suspended.org.id, "suspended");
  }
}

/** What a refused call of `row` answers `role`, or "ok" when the role may call it. */
export function expectedAnswer(row: MatrixRow, role: Role): "ok" | ErrorCode {
  if (row.allowed.includes(role)) return "ok";
  if (role === "signedOut") return "unauthenticated";
  if (role === "outsider" && row.foreign && row.foreign !== "none") return row.foreign;
  if (role === "suspended" && row.allowed.includes("owner")) return "org_suspended";
  return "not_found";
}

/** Calls the action as one request from `browser`; a redirect (sign-in, sign-out) counts as success. */
export async function call(row: MatrixRow, browser: TestBrowser, input: unknown): Promise<Outcome> {
  try {
    const result = (await actAs(browser, () => row.action(null, input))) as
      | { ok: true; data: unknown }
      | { ok: false; code: ErrorCode; error: string }
      | undefined;
    if (!result) return { ok: true };
    return result.ok ? { ok: true, data: result.data } : { ok: false, code: result.code, error: result.error };
  } catch (error) {
    if (isRedirect(error)) return { ok: true, redirect: error.digest.split(";")[2] };
    throw error;
  }
}

/** Row count and a hash of every row, per table: equal digests mean nothing was written. */
export async function tableDigest(db: Database): Promise<Record<string, string>> {
  const tables = resultRows<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((t) => t.name);
  const parts = tables.map(
    (
      name,
    ) => sql`select ${name} as name, count(*)::int || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.identifier(name)} t`,
  );
  const rows = resultRows<{ name: string; digest: string }>(await db.execute(sql.join(parts, sql` union all `)));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** The digest without the tables a case may write. */
export const without = (digest: Record<string, string>, tables: readonly string[] = []) =>
  Object.fromEntries(Object.entries(digest).filter(([name]) => !tables.includes(name)));
