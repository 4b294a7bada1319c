// Many rows in one statement whose text never changes: the rows travel as one JSON parameter and
// PostgreSQL unpacks them (`jsonb_to_recordset`), so the statement is prepared once and reused
// whatever the batch size, and no per-row SQL is built.
import "server-only";
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
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

/**
 * The row of `table` that each key finds (at most one per key): the keys travel as JSON records `k`
 * of type `recordType`, and `match` (written against `k`) is looked up once per key. A lateral
 * lookup with a limit stays an index lookup whatever the table's statistics said when the prepared
 * statement's plan was made; `id = any(...)` or a join became a scan of the whole table when that
 * plan was made on a new, empty table.
 */
export function findEach<T extends PgTable>(
  tx: Database,
  table: T,
  keys: readonly Record<string, unknown>[],
  recordType: string,
  match: SQL,
): Promise<T["$inferSelect"][]> {
  if (keys.length === 0) return Promise.resolve([]);
  const found = tx
    .select()
    .from(table as PgTable)
    .where(match)
    .limit(1)
    .as("found");
  const columns = found as unknown as Record<string, PgColumn>;
  const fields = Object.fromEntries(Object.keys(getTableColumns(table)).map((key) => [key, columns[key] as PgColumn]));
  return tx
    .select(fields)
    .from(sql`jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(${sql.raw(recordType)})`)
    .innerJoinLateral(found, sql`true`) as unknown as Promise<T["$inferSelect"][]>;
}
