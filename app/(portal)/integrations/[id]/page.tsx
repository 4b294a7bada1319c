import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveriesTable, InboundEventsTable, SyncRunsTable } from "@/components/integrations/activity-tables";
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
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getConnection, listInboundEvents, listOutboundEvents, listSyncRuns } from "@/lib/ats/connections/queries";
import { CONNECTION_STATUS_LABELS, formatTime, PROVIDER_LABELS } from "@/lib/ats/labels";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Connection" };

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireMemberPage({ roles: MANAGERS });
  const { id } = await params;
  if (!isUuid(id)) notFound();
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
            <SyncRunsTable runs={runs} />
          </Card>
        </div>
      ) : null}
      <div className="mt-6">
        <Card title="Events received">
          <InboundEventsTable events={events} />
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Deliveries to your endpoint">
          <DeliveriesTable deliveries={outbound} />
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
