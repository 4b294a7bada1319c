import type { Metadata } from "next";
import Link from "next/link";
import { EnforcementNotices } from "@/components/enforcement/notices";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { enforcementNotices } from "@/lib/audit";
import { requireMemberPage } from "@/lib/auth/guards";
import { JOB_STATUS_LABELS } from "@/lib/jobs/labels";
import { getOrgOverview } from "@/lib/orgs/overview";

export const metadata: Metadata = { title: "Dashboard" };

function Stat({ label, value, href }: { label: string; value: number | string; href?: string }) {
  const body = (
    <>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
    </>
  );
  return <div className="rounded-md bg-slate-50 p-3">{href ? <Link href={href}>{body}</Link> : body}</div>;
}

export default async function DashboardPage() {
  const actor = await requireMemberPage();
  const db = getDb();
  const [overview, notices] = await Promise.all([
    getOrgOverview(db, actor.org.id),
    enforcementNotices(db, actor.org.id),
  ]);
  const openRequests = overview.requestsByStatus.requested;
  return (
    <>
      <PageHeader title="Dashboard" description={`${actor.org.name} at a glance.`} />
      <EnforcementNotices title="Trust & safety actions" notices={notices} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Jobs by status">
          <dl className="grid grid-cols-3 gap-3">
            {Object.entries(overview.jobsByStatus).map(([status, n]) => (
              <Stat key={status} label={JOB_STATUS_LABELS[status as keyof typeof JOB_STATUS_LABELS]} value={n} />
            ))}
          </dl>
        </Card>
        <Card title="Candidates">
          <dl className="grid grid-cols-3 gap-3">
            <Stat label="Snapshots received" value={overview.snapshotCount} />
            <Stat label="Open access requests" value={openRequests} />
            <Stat label="Approved access" value={overview.requestsByStatus.approved} />
          </dl>
        </Card>
        <Card title="Credits">
          <dl className="grid grid-cols-3 gap-3">
            <Stat label="Balance" value={overview.creditBalance} />
          </dl>
        </Card>
        <Card title="Integration health">
          <dl className="grid grid-cols-3 gap-3">
            <Stat label="Active" value={overview.connectionsByStatus.active} />
            <Stat label="Not yet activated" value={overview.connectionsByStatus.draft} />
            <Stat label="Disabled" value={overview.connectionsByStatus.disabled} />
          </dl>
          <p className="mt-3 text-sm text-slate-600">
            {overview.lastEventAt
              ? `Last event received ${overview.lastEventAt.toISOString().replace("T", " ").slice(0, 16)} UTC.`
              : "No events received yet."}
          </p>
        </Card>
      </div>
    </>
  );
}
