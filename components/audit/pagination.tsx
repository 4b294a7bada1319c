import Link from "next/link";

/** "Page 2 of 7 · 312 entries" with previous/next links that keep the filter. */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <nav aria-label="Audit pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>
        Page {page} of {pageCount} · {total.toLocaleString("en")} {total === 1 ? "entry" : "entries"}
      </p>
      <div className="flex gap-3">
        {page > 1 ? (
          <Link className="text-indigo-700 underline" href={hrefFor(page - 1)}>
            Newer entries
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="text-indigo-700 underline" href={hrefFor(page + 1)}>
            Older entries
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
