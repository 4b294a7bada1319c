import Link from "next/link";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { InboundEventRow, OutboundEventRow, SyncRunRow } from "@/lib/ats/connections/queries";
import { formatTime } from "@/lib/ats/labels";
import { JOB_STATUS_LABELS } from "@/lib/jobs/labels";

const SYNC_COLUMNS: Column<SyncRunRow>[] = [
  { key: "started", header: "Started", nowrap: true, cell: (run) => formatTime(run.startedAt) },
  { key: "trigger", header: "Trigger", cell: (run) => run.trigger },
  {
    key: "status",
    header: "Status",
    cell: (run) => (
      <>
        {run.status === "running" ? <span role="status">Running…</span> : run.status}
        {run.error ? <p className="text-xs text-red-800">{run.error}</p> : null}
      </>
    ),
  },
  { key: "pages", header: "Pages", numeric: true, cell: (run) => run.pagesFetched },
  { key: "seen", header: "Jobs seen", numeric: true, cell: (run) => run.jobsSeen },
  { key: "changed", header: "Changed", numeric: true, cell: (run) => run.jobsChanged },
  { key: "closed", header: "Closed", numeric: true, cell: (run) => run.jobsClosed },
];

export function SyncRunsTable({ runs }: { runs: SyncRunRow[] }) {
  return (
    <DataTable
      caption="Recent sync runs"
      columns={SYNC_COLUMNS}
      rows={runs}
      rowKey={(run) => run.id}
      empty="No sync has run yet."
    />
  );
}

const INBOUND_COLUMNS: Column<InboundEventRow>[] = [
  { key: "received", header: "Received", nowrap: true, cell: (e) => formatTime(e.receivedAt) },
  {
    key: "event",
    header: "Event",
    nowrap: true,
    cell: (e) => <span className="font-mono text-xs">{e.eventType}</span>,
  },
  { key: "outcome", header: "Outcome", cell: (e) => e.outcome },
  {
    key: "jobs",
    header: "Job and violations",
    wide: true,
    cell: (e) =>
      e.jobs.length === 0
        ? "—"
        : e.jobs.map((j) => (
            <div key={j.jobId}>
              <Link className="text-indigo-700 underline" href={`/jobs/${j.jobId}`}>
                {j.externalId}
              </Link>{" "}
              {JOB_STATUS_LABELS[j.status as keyof typeof JOB_STATUS_LABELS] ?? j.status}
              {j.violations.length ? (
                <ul className="list-disc pl-5 text-xs text-slate-700">
                  {j.violations.map((v) => (
                    <li key={v.code}>{v.message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          )),
  },
];

export function InboundEventsTable({ events }: { events: InboundEventRow[] }) {
  return (
    <DataTable
      caption="Events received, newest first"
      columns={INBOUND_COLUMNS}
      rows={events}
      rowKey={(e) => e.id}
      empty="Nothing received yet. Events from your ATS appear here with what the posting rules said."
    />
  );
}

const OUTBOUND_COLUMNS: Column<OutboundEventRow>[] = [
  { key: "created", header: "Created", nowrap: true, cell: (o) => formatTime(o.createdAt) },
  { key: "type", header: "Type", nowrap: true, cell: (o) => <span className="font-mono text-xs">{o.type}</span> },
  { key: "status", header: "Status", cell: (o) => (o.status === "pending" ? "queued" : o.status) },
  { key: "answer", header: "Last answer", cell: (o) => o.lastStatus ?? o.lastError ?? "—" },
];

export function DeliveriesTable({ deliveries }: { deliveries: OutboundEventRow[] }) {
  return (
    <DataTable
      caption="Outbound events, newest first"
      columns={OUTBOUND_COLUMNS}
      rows={deliveries}
      rowKey={(o) => o.id}
      empty="No outbound events yet."
    />
  );
}
