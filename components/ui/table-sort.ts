// Table sorting kept in the URL (?sort=column&dir=asc), so server components sort in their query.
export type SortDirection = "asc" | "desc";
export type TableSort<Key extends string = string> = { column: Key; direction: SortDirection };
export type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The sort a request asks for, if it names one of `columns`; otherwise `fallback`. */
export function parseSort<Key extends string>(
  params: SearchParams,
  columns: readonly Key[],
  fallback: TableSort<Key>,
): TableSort<Key> {
  const column = first(params.sort);
  const dir = first(params.dir);
  if (!column || !columns.includes(column as Key)) return fallback;
  return { column: column as Key, direction: dir === "asc" || dir === "desc" ? dir : "asc" };
}

/**
 * The link behind a sortable header: the other parameters (filters) stay, the page number goes
 * (page 3 of another order is a different set of rows).
 */
export function sortHref(path: string, params: SearchParams, sort: TableSort): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const v = first(value);
    if (v === undefined || v === "" || key === "sort" || key === "dir" || key === "page") continue;
    query.set(key, v);
  }
  query.set("sort", sort.column);
  query.set("dir", sort.direction);
  return `${path}?${query.toString()}`;
}

/** Clicking the sorted column flips it; clicking another starts at that column's natural order. */
export function nextSort(current: TableSort | undefined, column: string, firstDirection: SortDirection): TableSort {
  if (current?.column === column) return { column, direction: current.direction === "asc" ? "desc" : "asc" };
  return { column, direction: firstDirection };
}
