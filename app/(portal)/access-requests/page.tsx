import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { SearchParams } from "@/components/ui/table-sort";
import { getDb } from "@/db/client";
import { ACCESS_STATUS, type AccessStatus } from "@/db/schema/enums";
import { listOrgRequests, type OrgRequestRow } from "@/lib/access";
import { ACCESS_STATUS_LABELS, ACCESS_STATUS_TONES, formatDay, plural } from "@/lib/access/labels";
import { requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Access requests" };

function when(row: OrgRequestRow): string {
  if (row.status === "requested") return `Expires ${formatDay(row.expiresAt)}`;
  if (row.status === "approved") return `Access until ${formatDay(row.accessUntil)}`;
  return `Closed ${formatDay(row.closedAt ?? row.decidedAt)}`;
}

const COLUMNS: Column<OrgRequestRow>[] = [
  {
    key: "candidate",
    header: "Candidate",
    rowHeader: true,
    nowrap: true,
    cell: (r) => (
      <Link className="text-indigo-700 underline" href={`/access-requests/${r.id}`}>
        {r.candidate}
      </Link>
    ),
  },
  {
    key: "status",
    header: "Status",
    nowrap: true,
    cell: (r) => (
      <span className="inline-flex flex-wrap items-center gap-1">
        <Badge tone={ACCESS_STATUS_TONES[r.status]}>{ACCESS_STATUS_LABELS[r.status]}</Badge>
        {r.newDecision ? <Badge tone="info">New</Badge> : null}
        {r.unreadMessages > 0 ? <Badge tone="info">{plural(r.unreadMessages, "new message")}</Badge> : null}
      </span>
    ),
  },
  {
    key: "job",
    header: "Job",
    wide: true,
    cell: (r) => (
      <Link className="underline" href={`/jobs/${r.jobId}`}>
        {r.jobTitle}
      </Link>
    ),
  },
  { key: "sent", header: "Sent", nowrap: true, cell: (r) => formatDay(r.createdAt) },
  { key: "when", header: "Decided / ends", nowrap: true, cell: when },
  { key: "by", header: "Sent by", nowrap: true, cell: (r) => r.requestedBy ?? "A former member" },
];

export default async function AccessRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireMemberPage();
  const params = await searchParams;
  const status = ACCESS_STATUS.includes(params.status as AccessStatus) ? (params.status as AccessStatus) : undefined;
  const rows = await listOrgRequests(getDb(), actor.org.id, actor.userId, { status });
  return (
    <>
      <PageHeader
        title="Access requests"
        description="Requests your organisation sent from Snapshots, and the candidates' answers. Each holds a credit until it is answered; an approval spends it."
      />
      <nav aria-label="Filter requests by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {[undefined, ...ACCESS_STATUS].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/access-requests?status=${s}` : "/access-requests"}
            aria-current={status === s ? "page" : undefined}
            className="rounded-full px-3 py-1 ring-1 ring-slate-300 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white"
          >
            {s ? ACCESS_STATUS_LABELS[s] : "All"}
          </Link>
        ))}
      </nav>
      <Card>
        <DataTable
          caption="Access requests, most recently changed first"
          columns={COLUMNS}
          rows={rows}
          rowKey={(r) => r.id}
          empty={
            status ? (
              "No requests in this state."
            ) : (
              <>
                No requests yet. Open a Snapshot under{" "}
                <Link className="underline" href="/snapshots">
                  Snapshots
                </Link>{" "}
                and choose &ldquo;Request access&rdquo; to ask a candidate who they are.
              </>
            )
          }
        />
      </Card>
    </>
  );
}
