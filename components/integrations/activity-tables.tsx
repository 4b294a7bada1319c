import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import type { InboundEventRow, OutboundEventRow, SyncRunRow } from "@/lib/ats/connections/queries";
import { formatTime } from "@/lib/ats/labels";
import { JOB_STATUS_LABELS } from "@/lib/jobs/labels";

const TABLE = "w-full text-left text-sm";
const HEAD_ROW = "border-b text-slate-600";
const ROW = "border-b align-top last:border-0";

export function SyncRunsTable({ runs }: { runs: SyncRunRow[] }) {
  if (runs.length === 0) return <EmptyState>No sync has run yet.</EmptyState>;
  return (
    <table className={TABLE}>
      <caption className="sr-only">Recent sync runs</caption>
      <thead>
        <tr className={HEAD_ROW}>
          <th scope="col" className="py-2">
            Started
          </th>
          <th scope="col">Trigger</th>
          <th scope="col">Status</th>
          <th scope="col" className="text-right">
            Pages
          </th>
          <th scope="col" className="text-right">
            Jobs seen
          </th>
          <th scope="col" className="text-right">
            Changed
          </th>
          <th scope="col" className="text-right">
            Closed
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} className={ROW}>
            <td className="py-2">{formatTime(run.startedAt)}</td>
            <td>{run.trigger}</td>
            <td>
              {run.status === "running" ? <span role="status">Running…</span> : run.status}
              {run.error ? <p className="text-xs text-red-800">{run.error}</p> : null}
            </td>
            <td className="text-right tabular-nums">{run.pagesFetched}</td>
            <td className="text-right tabular-nums">{run.jobsSeen}</td>
            <td className="text-right tabular-nums">{run.jobsChanged}</td>
            <td className="text-right tabular-nums">{run.jobsClosed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InboundEventsTable({ events }: { events: InboundEventRow[] }) {
  if (events.length === 0) {
    return (
      <EmptyState>Nothing received yet. Events from your ATS appear here with what the posting rules said.</EmptyState>
    );
  }
  return (
    <table className={TABLE}>
      <caption className="sr-only">Events received, newest first</caption>
      <thead>
        <tr className={HEAD_ROW}>
          <th scope="col" className="py-2">
            Received
          </th>
          <th scope="col">Event</th>
          <th scope="col">Outcome</th>
          <th scope="col">Job and violations</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} className={ROW}>
            <td className="py-2 whitespace-nowrap">{formatTime(e.receivedAt)}</td>
            <td className="font-mono text-xs">{e.eventType}</td>
            <td>{e.outcome}</td>
            <td>
              {e.jobs.length === 0 ? "—" : null}
              {e.jobs.map((j) => (
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
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DeliveriesTable({ deliveries }: { deliveries: OutboundEventRow[] }) {
  if (deliveries.length === 0) return <EmptyState>No outbound events yet.</EmptyState>;
  return (
    <table className={TABLE}>
      <caption className="sr-only">Outbound events, newest first</caption>
      <thead>
        <tr className={HEAD_ROW}>
          <th scope="col" className="py-2">
            Created
          </th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Last answer</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((o) => (
          <tr key={o.id} className={ROW}>
            <td className="py-2">{formatTime(o.createdAt)}</td>
            <td className="font-mono text-xs">{o.type}</td>
            <td>{o.status === "pending" ? "queued" : o.status}</td>
            <td>{o.lastStatus ?? o.lastError ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
