import { EmptyState } from "@/components/ui/card";

export type AuditTableRow = {
  id: number;
  createdAt: Date;
  action: string;
  actionLabel: string;
  actorName: string;
  orgName: string | null;
  targetLabel: string | null;
  targetName: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
};

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19);

function Target({ row }: { row: AuditTableRow }) {
  if (!row.targetLabel) return null;
  return (
    <>
      <span className="text-slate-600">{row.targetLabel}:</span>{" "}
      {row.targetName ?? <span className="text-slate-600">no longer exists</span>}
    </>
  );
}

/** Audit entries in words: when, who, what (with its stable code in small type), on what, and why. */
export function AuditTable({ rows, showOrganisation }: { rows: AuditTableRow[]; showOrganisation: boolean }) {
  if (rows.length === 0) return <EmptyState>No entries match.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead>
          <tr className="border-b text-slate-600">
            <th scope="col" className="py-2 pr-3">
              When (UTC)
            </th>
            {showOrganisation ? (
              <th scope="col" className="pr-3">
                Organisation
              </th>
            ) : null}
            <th scope="col" className="pr-3">
              Who
            </th>
            <th scope="col" className="pr-3">
              What
            </th>
            <th scope="col">On</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b align-top last:border-0">
              <td className="whitespace-nowrap py-2 pr-3 tabular-nums">{when(row.createdAt)}</td>
              {showOrganisation ? <td className="pr-3">{row.orgName ?? "Platform"}</td> : null}
              <td className="pr-3">{row.actorName}</td>
              <td className="pr-3">
                {row.actionLabel}
                {typeof row.detail.reason === "string" ? (
                  <span className="block text-slate-700">“{row.detail.reason}”</span>
                ) : null}
                <span className="block font-mono text-xs text-slate-500">{row.action}</span>
              </td>
              <td>
                <Target row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
