import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { listOrgAudit } from "@/lib/audit";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Audit log" };

type AuditRow = Awaited<ReturnType<typeof listOrgAudit>>[number];

const COLUMNS: Column<AuditRow>[] = [
  {
    key: "when",
    header: "When (UTC)",
    nowrap: true,
    cell: (row) => row.createdAt.toISOString().replace("T", " ").slice(0, 19),
  },
  {
    key: "action",
    header: "Action",
    nowrap: true,
    cell: (row) => <span className="font-mono text-xs">{row.action}</span>,
  },
  { key: "by", header: "By", cell: (row) => row.actorName ?? "System" },
  {
    key: "target",
    header: "Target",
    cell: (row) => (
      <span className="font-mono text-xs">{row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : ""}</span>
    ),
  },
];

export default async function AuditPage() {
  const actor = await requireMemberPage({ roles: MANAGERS, allowSuspended: true });
  const rows = await listOrgAudit(getDb(), actor.org.id);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sensitive action in your organisation, append-only and hash-chained."
      />
      <Card>
        <DataTable
          caption="Audit entries, newest first"
          columns={COLUMNS}
          rows={rows}
          rowKey={(row) => row.id}
          empty="Nothing recorded yet."
        />
      </Card>
    </>
  );
}
