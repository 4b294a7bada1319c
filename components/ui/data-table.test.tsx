import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type Column, DataTable } from "./data-table";
import { nextSort, parseSort, sortHref } from "./table-sort";

type Row = { id: string; name: string; balance: number; note: string };
const ROWS: Row[] = [
  { id: "a", name: "Grant", balance: 50, note: "Welcome credits" },
  { id: "b", name: "Hold", balance: 49, note: "Access request" },
];
const COLUMNS: Column<Row>[] = [
  { key: "name", header: "Kind", rowHeader: true, sortable: "asc", cell: (r) => r.name },
  { key: "balance", header: "Balance", numeric: true, sortable: "desc", cell: (r) => r.balance },
  { key: "note", header: "Note", wide: true, cell: (r) => r.note },
];

function render(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  return renderToStaticMarkup(
    <DataTable caption="Ledger" columns={COLUMNS} rows={ROWS} rowKey={(r) => r.id} empty="Nothing yet." {...props} />,
  );
}

describe("DataTable", () => {
  it("renders a captioned table with column headers and a row header per row", () => {
    const html = render();
    expect(html).toMatch(/<caption id="[^"]+" class="sr-only">Ledger<\/caption>/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toContain(">Welcome credits</td>");
  });

  it("pads every cell, so neighbouring columns never run together", () => {
    const html = render();
    const cells = html.match(/<t[hd] [^>]*class="[^"]*"/g) ?? [];
    expect(cells).toHaveLength(9);
    for (const cell of cells) expect(cell).toMatch(/px-3/);
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums[^"]*">50<\/td>/);
  });

  it("shows the empty state instead of an empty table", () => {
    const html = render({ rows: [] });
    expect(html).not.toContain("<table");
    expect(html).toContain("Nothing yet.");
  });

  it("links sortable headers to the next sort, keeping filters and dropping the page", () => {
    const html = render({
      sort: {
        current: { column: "balance", direction: "desc" },
        path: "/credits",
        params: { kind: "hold", page: "3" },
      },
    });
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('href="/credits?kind=hold&amp;sort=balance&amp;dir=asc"');
    expect(html).toContain('href="/credits?kind=hold&amp;sort=name&amp;dir=asc"');
    expect(html.match(/<a /g)).toHaveLength(2);
  });

  it("renders plain headers when the page offers no sorting", () => {
    expect(render()).not.toContain("<a ");
  });
});

describe("table sorting in the URL", () => {
  const columns = ["name", "balance"] as const;
  const fallback = { column: "balance", direction: "desc" } as const;

  it("reads a known column and direction", () => {
    expect(parseSort({ sort: "name", dir: "desc" }, columns, fallback)).toEqual({ column: "name", direction: "desc" });
    expect(parseSort({ sort: "name" }, columns, fallback)).toEqual({ column: "name", direction: "asc" });
  });

  it("falls back for unknown columns, so a crafted URL can't pick what the query orders by", () => {
    expect(parseSort({ sort: "password_hash", dir: "asc" }, columns, fallback)).toEqual(fallback);
    expect(parseSort({}, columns, fallback)).toEqual(fallback);
    expect(parseSort({ sort: ["name", "balance"] }, columns, fallback)).toEqual({ column: "name", direction: "asc" });
  });

  it("flips the sorted column and starts others at their own direction", () => {
    expect(nextSort({ column: "name", direction: "asc" }, "name", "asc")).toEqual({
      column: "name",
      direction: "desc",
    });
    expect(nextSort({ column: "name", direction: "asc" }, "balance", "desc")).toEqual({
      column: "balance",
      direction: "desc",
    });
  });

  it("builds links that drop empty parameters", () => {
    expect(sortHref("/jobs", { q: "", status: "active" }, { column: "title", direction: "asc" })).toBe(
      "/jobs?status=active&sort=title&dir=asc",
    );
  });
});
