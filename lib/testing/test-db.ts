// A fresh database per test file: a clone of a migrated template on PostgreSQL (DATABASE_URL set),
// or an in-memory PGlite otherwise. Dropped afterwards; tests never rely on leftover state.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase, type QueryListener } from "@/db/client";

/** The migrated template of this run; set by global-setup and inherited by the test workers. */
export const templateDb = () => process.env.WIGI_TEST_TEMPLATE ?? "wigi_test_template";
export type TestDatabase = DatabaseHandle & { url: string | null; drop(): Promise<void> };

export function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${database}`;
  return url.toString();
}

export function adminClient() {
  return postgres(serverUrl("postgres"), { max: 1, onnotice: () => {} });
}

/** A new, migrated database; `onQuery` is told every statement its client sends. */
export async function createTestDatabase(onQuery?: QueryListener): Promise<TestDatabase> {
  if (!process.env.DATABASE_URL) {
    const handle = openDatabase({ pgliteDir: "memory://" }, 1, onQuery);
    await handle.migrate();
    return { ...handle, url: null, drop: () => handle.close() };
  }
  const name = `wigi_test_${randomBytes(6).toString("hex")}`;
  const admin = adminClient();
  try {
    await admin.unsafe(`create database "${name}" template "${templateDb()}"`);
  } finally {
    await admin.end();
  }
  const url = serverUrl(name);
  const handle = openDatabase({ url }, 20, onQuery);
  return {
    ...handle,
    url,
    async drop() {
      await handle.close();
      const a = adminClient();
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
