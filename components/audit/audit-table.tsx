import { type Column, DataTable } from "@/components/ui/data-table";
import type { AuditRow } from "@/lib/audit";

type AuditTableRow = AuditRow;

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19);

const COLUMNS: Column<AuditTableRow>[] = [
  { key: "when", header: "When (UTC)", nowrap: true, cell: (row) => when(row.createdAt) },
  { key: "who", header: "Who", cell: (row) => row.actorName },
  {
    key: "what",
    header: "What",
    wide: true,
    cell: (row) => (
      <>
        {row.actionLabel}
        {typeof row.detail.reason === "string" ? (
          <span className="block text-slate-700">“{row.detail.reason}”</span>
        ) : null}
        <span className="block font-mono text-xs text-slate-500">{row.action}</span>
      </>
    ),
  },
  {
    key: "on",
    header: "On",
    cell: (row) =>
      row.targetLabel ? (
        <>
          <span className="text-slate-600">{row.targetLabel}:</span>{" "}
          {row.targetName ?? <span className="text-slate-600">no longer exists</span>}
        </>
      ) : null,
  },
];

const ORGANISATION: Column<AuditTableRow> = {
  key: "organisation",
  header: "Organisation",
  cell: (row) => row.orgName ?? "Platform",
};

/** Audit entries in words: when, who, what (with its stable code in small type), on what, and why. */
export function AuditTable({ rows, showOrganisation }: { rows: AuditTableRow[]; showOrganisation: boolean }) {
  const [first, ...rest] = COLUMNS as [Column<AuditTableRow>, ...Column<AuditTableRow>[]];
  return (
    <DataTable
      caption="Audit entries, newest first"
      columns={showOrganisation ? [first, ORGANISATION, ...rest] : COLUMNS}
      rows={rows}
      rowKey={(row) => row.id}
      empty="No entries match these filters."
    />
  );
}
