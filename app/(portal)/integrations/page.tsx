import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { type ConnectionListItem, listConnections } from "@/lib/ats/connections/queries";
import { CONNECTION_STATUS_LABELS, formatTime, PROVIDER_LABELS } from "@/lib/ats/labels";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Integrations" };

const TONE = { active: "good", draft: "warn", disabled: "bad" } as const;

const COLUMNS: Column<ConnectionListItem>[] = [
  {
    key: "name",
    header: "Connection",
    rowHeader: true,
    cell: (c) => (
      <Link className="text-indigo-700 underline" href={`/integrations/${c.id}`}>
        {c.name}
      </Link>
    ),
  },
  { key: "provider", header: "ATS", cell: (c) => PROVIDER_LABELS[c.provider] ?? c.provider },
  {
    key: "status",
    header: "Status",
    nowrap: true,
    cell: (c) => (
      <Badge tone={TONE[c.status as keyof typeof TONE] ?? "neutral"}>
        {CONNECTION_STATUS_LABELS[c.status] ?? c.status}
      </Badge>
    ),
  },
  { key: "brand", header: "Brand", cell: (c) => c.brandName ?? "—" },
  { key: "event", header: "Last event", nowrap: true, cell: (c) => formatTime(c.lastEventAt) },
  {
    key: "sync",
    header: "Last sync",
    cell: (c) =>
      c.hasBoard
        ? c.lastSync
          ? `${c.lastSync.status}${c.lastSync.error ? `: ${c.lastSync.error}` : ""}`
          : "not yet"
        : "—",
  },
];

export default async function IntegrationsPage() {
  const actor = await requireMemberPage({ roles: MANAGERS });
  const connections = await listConnections(getDb(), actor.org.id);
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Connect your ATS: jobs come in under Wigiwork's posting rules, and status changes go back out."
        actions={
          <Link href="/integrations/new" className={buttonClass()}>
            Connect an ATS
          </Link>
        }
      />
      <Card>
        <DataTable
          caption="Your ATS connections"
          columns={COLUMNS}
          rows={connections}
          rowKey={(c) => c.id}
          empty="No ATS connected yet. Connect one to start publishing jobs."
        />
      </Card>
    </>
  );
}
