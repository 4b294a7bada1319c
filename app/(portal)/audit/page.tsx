import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listOrgAudit } from "@/lib/audit";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Audit log" };

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
        {rows.length === 0 ? (
          <EmptyState>Nothing recorded yet.</EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead>
              <tr className="border-b text-slate-600">
                <th scope="col" className="py-2">
                  When (UTC)
                </th>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">Target</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b align-top last:border-0">
                  <td className="py-2 whitespace-nowrap">
                    {row.createdAt.toISOString().replace("T", " ").slice(0, 19)}
                  </td>
                  <td className="font-mono text-xs">{row.action}</td>
                  <td>{row.actorName ?? "System"}</td>
                  <td className="font-mono text-xs">
                    {row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
