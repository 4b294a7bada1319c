// Many rows in one statement whose text never changes: the rows travel as one JSON parameter and
// PostgreSQL unpacks them (`jsonb_to_recordset`), so the statement is prepared once and reused
// whatever the batch size, and no per-row SQL is built.
import "server-only";
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { type Database, resultRows } from "@/db/client";

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

type Lookup = { head: string; tail: string; columns: [string, PgColumn][] };

const lookups = new WeakMap<PgTable, Map<string, Lookup>>();

/** The statement's text around its one parameter, built once per table and key shape. */
function lookupFor(table: PgTable, by: Record<string, PgColumn>): Lookup {
  let byTable = lookups.get(table);
  if (!byTable) {
    byTable = new Map();
    lookups.set(table, byTable);
  }
  const fields = Object.entries(by);
  const shape = fields.map(([field, column]) => `${field}=${column.name}`).join(",");
  const known = byTable.get(shape);
  if (known) return known;
  const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  const record = fields.map(([field, column]) => `${field} ${column.getSQLType()}`).join(", ");
  const match = fields.map(([field, column]) => `t."${column.name}" = k.${field}`).join(" and ");
  const lookup = {
    head: "select found.* from jsonb_to_recordset(",
    tail: `::jsonb) as k(${record}) cross join lateral (
      select ${columns.map(([, c]) => `t."${c.name}"`).join(", ")} from "${getTableName(table)}" t
       where ${match} limit 1) as found`,
    columns,
  };
  byTable.set(shape, lookup);
  return lookup;
}

/**
 * The row of `table` that each key finds (at most one per key): `by` names the key's fields and the
 * columns they must equal, and each key is looked up on its own. A lateral lookup with a limit
 * stays an index lookup whatever the table's statistics said when the prepared statement's plan
 * was made; `id = any(...)` or a join became a scan of the whole table when that plan was made on
 * a new, empty table. The statement's text is built once, not per call.
 */
export function findEach<T extends PgTable>(
  tx: Database,
  table: T,
  by: Record<string, PgColumn>,
  keys: readonly Record<string, unknown>[],
): Promise<T["$inferSelect"][]> {
  if (keys.length === 0) return Promise.resolve([]);
  const { head, tail, columns } = lookupFor(table, by);
  return tx.execute(sql`${sql.raw(head)}${JSON.stringify(keys)}${sql.raw(tail)}`).then((result) =>
    resultRows<Record<string, unknown>>(result).map(
      (row) =>
        Object.fromEntries(
          columns.map(([key, column]) => {
            const value = row[column.name];
            return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
          }),
        ) as T["$inferSelect"],
    ),
  );
}
