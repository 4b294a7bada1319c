// Once per test run: on PostgreSQL, build the migrated template database that each test file clones.
import { openDatabase } from "@/db/client";
import { adminClient, serverUrl, templateDb } from "./test-db";

export async function setup() {
  if (!process.env.DATABASE_URL) return;
  process.env.WIGI_TEST_TEMPLATE = `wigi_test_template_${process.pid}`;
  const admin = adminClient();
  try {
    await admin.unsafe(`create database "${templateDb()}"`);
  } finally {
    await admin.end();
  }
  const handle = openDatabase({ url: serverUrl(templateDb()) }, 1);
  await handle.migrate();
  await handle.close();
}

export async function teardown() {
  if (!process.env.DATABASE_URL) return;
  const admin = adminClient();
  try {
    await admin.unsafe(`drop database if exists "${templateDb()}" with (force)`);
  } finally {
    await admin.end();
  }
}
