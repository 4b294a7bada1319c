import Link from "next/link";
import { Badge } from "@/components/ui/badge";
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

/** Flags, newest activity first: what, about whom, what was seen, when. */
export function FlagTable({ flags, caption }: { flags: FlagListItem[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b text-slate-600">
            <th scope="col" className="py-2 pr-3">
              Flag
            </th>
            <th scope="col" className="pr-3">
              Organisation
            </th>
            <th scope="col" className="pr-3">
              What was seen
            </th>
            <th scope="col" className="pr-3">
              Last seen
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {flags.map((f) => (
            <tr key={f.id} className="border-b align-top last:border-0">
              <th scope="row" className="py-2 pr-3 font-medium">
                <Link className="text-indigo-700 underline" href={`/admin/flags/${f.id}`}>
                  {FLAG_KIND_LABELS[f.kind] ?? f.kind}
                </Link>
                <span className="block text-xs font-normal text-slate-600">
                  {f.source === "report" ? "user report" : "signal"}
                </span>
              </th>
              <td className="pr-3">
                {f.orgId ? (
                  <Link className="text-indigo-700 underline" href={`/admin/organisations/${f.orgId}`}>
                    {f.orgName}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="pr-3">{f.summary}</td>
              <td className="whitespace-nowrap pr-3">
                {utcTime(f.lastSeenAt)}
                {f.occurrences > 1 ? <span className="block text-xs text-slate-600">{f.occurrences} times</span> : null}
              </td>
              <td>
                <Badge tone={f.status === "open" ? "warn" : "neutral"}>{f.status}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
