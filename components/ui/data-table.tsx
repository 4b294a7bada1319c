// The one table of the portal: headers, an empty state, padded columns, sideways scrolling on a
// phone, and sorting through the URL. Renders on the server; cells may hold client components.
import Link from "next/link";
import { type ReactNode, useId } from "react";
import { EmptyState } from "./card";
import { TableScroll } from "./table-scroll";
import { nextSort, type SearchParams, type SortDirection, sortHref, type TableSort } from "./table-sort";

export type Column<Row> = {
  /** Stable key; also the `sort` value in the URL when the column is sortable. */
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row (a job's title): rendered as the row's header. */
  rowHeader?: boolean;
  /** Numbers: right-aligned with tabular figures. */
  numeric?: boolean;
  /** Keep on one line (times, codes, short labels). */
  nowrap?: boolean;
  /** Prose that wraps: gets a minimum width so it never shrinks to a word per line. */
  wide?: boolean;
  /** Offer sorting by this column; the first click sorts in this direction. */
  sortable?: SortDirection;
  /** Header read by screen readers only (an actions column). */
  hideHeader?: boolean;
};

export type DataTableSort = {
  current: TableSort;
  /** The page's path and its current search params, so sort links keep the filters. */
  path: string;
  params: SearchParams;
};

type DataTableProps<Row> = {
  /** What the table lists; read by screen readers and used to name the scroll area. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** Shown instead of the table when there are no rows: say why and what to do. */
  empty: ReactNode;
  sort?: DataTableSort;
};

const CELL = "px-3 py-2 align-top first:pl-0 last:pr-0";
const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

function cellClass(column: Column<unknown>): string {
  return [
    CELL,
    column.numeric ? "text-right tabular-nums" : "",
    column.nowrap || column.numeric ? "whitespace-nowrap" : "",
    column.wide ? "min-w-56" : "",
  ]
    .filter(Boolean)
    .join(" ");
}

function HeaderCell<Row>({ column, sort }: { column: Column<Row>; sort?: DataTableSort }) {
  const sorted = sort && sort.current.column === column.key ? sort.current.direction : undefined;
  const className = `${cellClass(column as Column<unknown>)} whitespace-nowrap font-medium text-slate-600`;
  const label = column.hideHeader ? <span className="sr-only">{column.header}</span> : column.header;
  if (!sort || !column.sortable) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  }
  const href = sortHref(sort.path, sort.params, nextSort(sort.current, column.key, column.sortable));
  return (
    <th scope="col" className={className} aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
      <Link href={href} className="inline-flex items-center gap-1 rounded hover:text-slate-900 hover:underline">
        {label}
        <span aria-hidden="true" className={sorted ? "text-slate-900" : "text-slate-400"}>
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
        </span>
      </Link>
    </th>
  );
}

export function DataTable<Row>({ caption, columns, rows, rowKey, empty, sort }: DataTableProps<Row>) {
  const captionId = useId();
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="w-full min-w-full text-left text-sm">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <thead>
          <tr className="border-b border-slate-200">
            {columns.map((column) => (
              <HeaderCell key={column.key} column={column} sort={sort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-100 last:border-0">
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={`${cellClass(column as Column<unknown>)} font-medium`}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={cellClass(column as Column<unknown>)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
