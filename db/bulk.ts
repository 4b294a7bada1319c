// Many rows in one statement whose text never changes: the rows travel as one JSON parameter and
// PostgreSQL unpacks them (`jsonb_to_recordset`), so the statement is prepared once and reused
// whatever the batch size, and no per-row SQL is built.
import "server-only";
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";

/** A value as JSON that PostgreSQL reads back into the column's type (JSON columns take it as is). */
function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  return value instanceof Date ? value.toISOString() : value;
}

function insertShape(tx: Database, table: PgTable, keys: string[], rows: Record<string, unknown>[]) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const picked = keys.map((key) => columns[key] as PgColumn);
  const names = picked.map((c) => `"${c.name}"`).join(", ");
  const types = picked.map((c) => `"${c.name}" ${c.getSQLType()}`).join(", ");
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(picked.map((c, i) => [c.name, jsonValue(row[keys[i] as string])]))),
  );
  return tx
    .execute(
      sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${sql.raw(names)})
          select ${sql.raw(names)} from jsonb_to_recordset(${json}::jsonb) as r(${sql.raw(types)})`,
    )
    .then(() => undefined);
}

/**
 * Inserts the rows, sent at once. Rows that leave different columns out go in separate statements,
 * so a left-out column always gets its default.
 */
export function insertRows<T extends PgTable>(tx: Database, table: T, rows: readonly T["$inferInsert"][]) {
  const columns = getTableColumns(table);
  const shapes = new Map<string, Record<string, unknown>[]>();
  for (const row of rows as Record<string, unknown>[]) {
    const keys = Object.keys(columns)
      .filter((key) => row[key] !== undefined)
      .join(",");
    const group = shapes.get(keys);
    if (group) group.push(row);
    else shapes.set(keys, [row]);
  }
  return Promise.all([...shapes].map(([keys, group]) => insertShape(tx, table, keys.split(","), group)));
}
