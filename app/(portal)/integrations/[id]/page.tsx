import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/integrations/auto-refresh";
import {
  ActivateForm,
  DisableForm,
  RotateSecretForm,
  SyncNowForm,
} from "@/components/integrations/connection-controls";
import { EndpointSetup } from "@/components/integrations/endpoint-setup";
import { SecretReveal } from "@/components/integrations/secret-reveal";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getConnection, listInboundEvents, listOutboundEvents, listSyncRuns } from "@/lib/ats/connections/queries";
import { CONNECTION_STATUS_LABELS, formatTime, PROVIDER_LABELS } from "@/lib/ats/labels";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";
import { JOB_STATUS_LABELS } from "@/lib/jobs/labels";

export const metadata: Metadata = { title: "Connection" };

const UUID = /^[0-9a-f-]{36}$/i;

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireMemberPage({ roles: MANAGERS });
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const db = getDb();
  const connection = await getConnection(db, actor.org.id, id);
  if (!connection) notFound();
  const [events, runs, outbound] = await Promise.all([
    listInboundEvents(db, actor.org.id, id),
    connection.boardToken ? listSyncRuns(db, actor.org.id, id) : Promise.resolve([]),
    listOutboundEvents(db, actor.org.id, id),
  ]);
  const syncing = runs.some((r) => r.status === "running");
  const canReenable =
    connection.status === "draft" || (connection.status === "disabled" && connection.disabledBy === "organisation");
  return (
    <>
      <AutoRefresh while={syncing} />
      <PageHeader
        title={connection.name}
        description={`${PROVIDER_LABELS[connection.provider] ?? connection.provider} · publishing as ${connection.brandName ?? "no brand"}`}
        actions={
          <Badge tone={connection.status === "active" ? "good" : connection.status === "draft" ? "warn" : "bad"}>
            {CONNECTION_STATUS_LABELS[connection.status] ?? connection.status}
          </Badge>
        }
      />
      {connection.status === "disabled" ? (
        <p role="status" className="mb-6 rounded-md bg-red-50 p-3 text-sm text-red-900">
          Disabled by {connection.disabledBy === "trust_safety" ? "Wigiwork trust & safety" : "your organisation"}
          {connection.disabledReason ? `: ${connection.disabledReason}` : "."} Its webhooks are refused with 403 and
          syncs are paused.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {connection.webhookUrl ? (
          <Card title="Credentials">
            <div className="space-y-4">
              <SecretReveal label="Webhook URL" value={connection.webhookUrl} />
              <p className="text-sm text-slate-700">
                {connection.activeInboundSecrets} signing secret{connection.activeInboundSecrets === 1 ? "" : "s"} valid
                {connection.previousSecretValidUntil
                  ? `; the previous one works until ${formatTime(connection.previousSecretValidUntil)}`
                  : ""}
                .
              </p>
              <RotateSecretForm connectionId={connection.id} canPaste={connection.provider !== "generic"} />
            </div>
          </Card>
        ) : null}
        <Card title="Outbound events">
          <EndpointSetup connectionId={connection.id} endpointUrl={connection.endpointUrl} />
          <p className="mt-3 text-xs text-slate-600">
            Last test:{" "}
            {connection.endpointCheckedAt
              ? `${formatTime(connection.endpointCheckedAt)}, answered ${connection.endpointLastStatus ?? "nothing"}`
              : "never"}
            .
          </p>
        </Card>
        {connection.boardToken ? (
          <Card title="Job board sync">
            <dl className="mb-3 grid grid-cols-2 gap-1 text-sm">
              <dt className="text-slate-600">Board</dt>
              <dd className="font-mono text-xs">{connection.boardToken}</dd>
              <dt className="text-slate-600">Every</dt>
              <dd>{connection.syncIntervalMinutes} minutes</dd>
              <dt className="text-slate-600">Next scheduled</dt>
              <dd>{connection.status === "active" ? formatTime(connection.nextSyncAt) : "paused"}</dd>
            </dl>
            <SyncNowForm connectionId={connection.id} disabled={connection.status !== "active" || syncing} />
          </Card>
        ) : null}
        <Card title="Connection">
          {canReenable ? (
            <ActivateForm
              connectionId={connection.id}
              label={connection.status === "draft" ? "Activate" : "Enable again"}
            />
          ) : null}
          {connection.status === "active" ? <DisableForm connectionId={connection.id} /> : null}
          {connection.status === "disabled" && !canReenable ? (
            <p className="text-sm">Only trust &amp; safety can enable it again.</p>
          ) : null}
        </Card>
      </div>
      {connection.boardToken ? (
        <div className="mt-6">
          <Card title="Sync runs">
            {runs.length === 0 ? (
              <EmptyState>No sync has run yet.</EmptyState>
            ) : (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Recent sync runs</caption>
                <thead>
                  <tr className="border-b text-slate-600">
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
                    <tr key={run.id} className="border-b align-top last:border-0">
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
            )}
          </Card>
        </div>
      ) : null}
      <div className="mt-6">
        <Card title="Events received">
          {events.length === 0 ? (
            <EmptyState>
              Nothing received yet. Events from your ATS appear here with what the posting rules said.
            </EmptyState>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Events received, newest first</caption>
              <thead>
                <tr className="border-b text-slate-600">
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
                  <tr key={e.id} className="border-b align-top last:border-0">
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
          )}
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Deliveries to your endpoint">
          {outbound.length === 0 ? (
            <EmptyState>No outbound events yet.</EmptyState>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Outbound events, newest first</caption>
              <thead>
                <tr className="border-b text-slate-600">
                  <th scope="col" className="py-2">
                    Created
                  </th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last answer</th>
                </tr>
              </thead>
              <tbody>
                {outbound.map((o) => (
                  <tr key={o.id} className="border-b last:border-0">
                    <td className="py-2">{formatTime(o.createdAt)}</td>
                    <td className="font-mono text-xs">{o.type}</td>
                    <td>{o.status === "pending" ? "queued" : o.status}</td>
                    <td>{o.lastStatus ?? o.lastError ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-3 text-xs text-slate-600">
            Test events are sent at once. Queued events are delivered with retries once the delivery worker ships with
            Snapshots.
          </p>
        </Card>
      </div>
      <p className="mt-6 text-sm">
        <Link className="text-indigo-700 underline" href="/integrations">
          Back to integrations
        </Link>
      </p>
    </>
  );
}
