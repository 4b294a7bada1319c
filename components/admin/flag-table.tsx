import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { FlagKind } from "@/db/schema/enums";
import { FLAG_KIND_LABELS, utcTime } from "@/lib/enforcement/labels";

export type FlagListItem = {
  id: string;
  kind: FlagKind;
  source: string;
  status: string;
  orgId: string | null;
  orgName: string | null;
  summary: string;
  occurrences: number;
  lastSeenAt: Date;
};

const COLUMNS: Column<FlagListItem>[] = [
  {
    key: "flag",
    header: "Flag",
    rowHeader: true,
    cell: (f) => (
      <>
        <Link className="text-indigo-700 underline" href={`/admin/flags/${f.id}`}>
          {FLAG_KIND_LABELS[f.kind] ?? f.kind}
        </Link>
        <span className="block text-xs font-normal text-slate-600">
          {f.source === "report" ? "user report" : "signal"}
        </span>
      </>
    ),
  },
  {
    key: "organisation",
    header: "Organisation",
    cell: (f) =>
      f.orgId ? (
        <Link className="text-indigo-700 underline" href={`/admin/organisations/${f.orgId}`}>
          {f.orgName}
        </Link>
      ) : (
        "—"
      ),
  },
  { key: "seen", header: "What was seen", wide: true, cell: (f) => f.summary },
  {
    key: "when",
    header: "Last seen",
    nowrap: true,
    cell: (f) => (
      <>
        {utcTime(f.lastSeenAt)}
        {f.occurrences > 1 ? <span className="block text-xs text-slate-600">{f.occurrences} times</span> : null}
      </>
    ),
  },
  {
    key: "status",
    header: "Status",
    cell: (f) => <Badge tone={f.status === "open" ? "warn" : "neutral"}>{f.status}</Badge>,
  },
];

/** Flags, newest activity first: what, about whom, what was seen, when. */
export function FlagTable({ flags, caption, empty }: { flags: FlagListItem[]; caption: string; empty: string }) {
  return <DataTable caption={caption} columns={COLUMNS} rows={flags} rowKey={(f) => f.id} empty={empty} />;
}
