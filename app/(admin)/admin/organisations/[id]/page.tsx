import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GrantCreditsForm } from "@/components/access/grant-credits-form";
import { ActionForm } from "@/components/admin/action-form";
import { FlagTable } from "@/components/admin/flag-table";
import { AuditTable } from "@/components/audit/audit-table";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import type { JobStatus } from "@/db/schema/enums";
import { getCredits } from "@/lib/access";
import { enforceConnectionAction } from "@/lib/actions/enforce-connection";
import { enforceOrganisationAction } from "@/lib/actions/enforce-organisation";
import { PROVIDER_LABELS } from "@/lib/ats/labels";
import { listAudit } from "@/lib/audit";
import { requireAdminPage } from "@/lib/auth/guards";
import { type AdminOrganisation, getOrganisationForAdmin } from "@/lib/enforcement/console";
import { IDENTIFIER_WORDS, STANDING_TONES, utcTime } from "@/lib/enforcement/labels";
import { isUuid } from "@/lib/ids";
import { JOB_STATUS_LABELS, JOB_STATUS_TONES } from "@/lib/jobs/labels";

export const metadata: Metadata = { title: "Organisation · Trust & safety" };

const hostOf = (url: string | null) => (url ? new URL(url).host : null);

type JobRow = AdminOrganisation["jobs"][number];

const JOB_COLUMNS: Column<JobRow>[] = [
  {
    key: "job",
    header: "Job",
    rowHeader: true,
    cell: (j) => (
      <>
        <Link className="text-indigo-700 underline" href={`/admin/jobs/${j.id}`}>
          {j.title || "Untitled job"}
        </Link>
        <span className="block font-mono text-xs font-normal text-slate-600">{j.externalId}</span>
      </>
    ),
  },
  {
    key: "status",
    header: "Status",
    cell: (j) => (
      <>
        <Badge tone={JOB_STATUS_TONES[j.status as JobStatus]}>
          {JOB_STATUS_LABELS[j.status as JobStatus] ?? j.status}
        </Badge>
        {j.restricted ? <span className="block text-xs text-amber-800">kept from matching</span> : null}
      </>
    ),
  },
  { key: "updated", header: "Updated", nowrap: true, cell: (j) => utcTime(j.updatedAt) },
];

export default async function AdminOrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = getDb();
  const found = await getOrganisationForAdmin(db, id);
  if (!found) notFound();
  const { org, members, connections, jobs, banned, flags } = found;
  const credits = await getCredits(db, org.id, 0);
  const audit = await listAudit(db, { orgId: org.id }, { viewer: "trust_safety", pageSize: 10 });
  const standingTone = STANDING_TONES[org.standing as keyof typeof STANDING_TONES] ?? "neutral";
  return (
    <>
      <PageHeader
        title={org.name}
        description={
          <>
            {org.kind === "agency" ? "Agency" : "Employer"} · {org.verification} · domains{" "}
            {org.domains.join(", ") || "none"} · since {utcTime(org.createdAt)}
          </>
        }
        actions={<Badge tone={standingTone}>{org.standing}</Badge>}
      />
      <p role="status" className="mb-6 rounded-md bg-slate-100 p-3 text-sm text-slate-900">
        {org.standing === "active"
          ? "In good standing."
          : `${org.standing === "banned" ? "Banned" : "Suspended"}${org.standingChangedAt ? ` since ${utcTime(org.standingChangedAt)}` : ""}: ${org.standingReason ?? "no reason recorded"}`}
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <div id="integrations" className="scroll-mt-4">
            <Card title="Integrations">
              {connections.length === 0 ? (
                <EmptyState>No integrations.</EmptyState>
              ) : (
                <ul className="space-y-4">
                  {connections.map((c) => (
                    <li
                      key={c.id}
                      className="rounded-md border border-slate-200 p-3"
                      aria-label={`Integration ${c.name}`}
                    >
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <p className="font-medium">
                          {c.name}{" "}
                          <span className="text-sm font-normal text-slate-600">
                            ({PROVIDER_LABELS[c.provider] ?? c.provider})
                          </span>
                        </p>
                        <Badge tone={c.status === "active" ? "good" : c.status === "disabled" ? "bad" : "neutral"}>
                          {c.disabledBy === "trust_safety" ? "disabled by trust & safety" : c.status}
                        </Badge>
                      </div>
                      <p className="text-xs text-slate-600">
                        {c.boardToken ? `Board ${c.boardToken} · ` : ""}
                        {c.endpointUrl ? `Endpoint ${hostOf(c.endpointUrl)}` : "No endpoint"}
                        {c.disabledReason ? ` · ${c.disabledReason}` : ""}
                      </p>
                      <div className="mt-2">
                        {c.disabledBy === "trust_safety" ? (
                          <ActionForm
                            action={enforceConnectionAction}
                            fields={{ connectionId: c.id, action: "enable" }}
                            label="Enable integration"
                            variant="secondary"
                            done="Enabled: its webhooks are accepted again."
                          />
                        ) : (
                          <ActionForm
                            action={enforceConnectionAction}
                            fields={{ connectionId: c.id, action: "disable" }}
                            label="Disable integration"
                            variant="danger"
                            done="Disabled: its webhooks now get 403 and its deliveries stop."
                            confirm={`Disable ${c.name}? Its webhooks will be refused at once.`}
                          />
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
          <div id="jobs" className="scroll-mt-4">
            <Card title="Jobs">
              <DataTable
                caption="The organisation's jobs, most recently updated first"
                columns={JOB_COLUMNS}
                rows={jobs}
                rowKey={(j) => j.id}
                empty="No jobs."
              />
            </Card>
          </div>
          <Card
            title="Recent audit entries"
            action={
              <Link className="text-sm text-indigo-700 underline" href={`/admin/audit?org=${org.id}`}>
                The whole chain
              </Link>
            }
          >
            <AuditTable rows={audit.rows} showOrganisation={false} />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Standing">
            <div className="space-y-3">
              {org.verification !== "verified" ? (
                <ActionForm
                  key="verify"
                  action={enforceOrganisationAction}
                  fields={{ orgId: org.id, action: "verify" }}
                  label="Verify organisation"
                  variant="secondary"
                  done="Verified."
                />
              ) : null}
              {org.standing === "active" ? (
                <ActionForm
                  key="suspend"
                  action={enforceOrganisationAction}
                  fields={{ orgId: org.id, action: "suspend" }}
                  label="Suspend organisation"
                  variant="danger"
                  done="Suspended: members can only read the audit log; its webhooks get 403 and its jobs left matching."
                  confirm={`Suspend ${org.name}?`}
                />
              ) : (
                <ActionForm
                  key="lift"
                  action={enforceOrganisationAction}
                  fields={{ orgId: org.id, action: "lift" }}
                  label={org.standing === "banned" ? "Lift ban" : "Lift suspension"}
                  variant="secondary"
                  done="Lifted: the organisation is in good standing again."
                />
              )}
              {org.standing !== "banned" ? (
                <ActionForm
                  key="ban"
                  action={enforceOrganisationAction}
                  fields={{ orgId: org.id, action: "ban" }}
                  label="Ban organisation"
                  variant="danger"
                  done="Banned: every member is signed out at their next request; its identifiers are kept."
                  confirm={`Ban ${org.name}? Every member is signed out and its identifiers are kept.`}
                />
              ) : null}
            </div>
          </Card>
          <Card title="Credits">
            <p className="mb-3 text-sm">
              {credits.balance} free, {credits.held} held by open access requests.
            </p>
            <GrantCreditsForm orgId={org.id} orgName={org.name} idempotencyKey={randomUUID()} />
          </Card>
          <div id="members" className="scroll-mt-4">
            <Card title={`Members (${members.length})`}>
              <ul className="space-y-1 text-sm">
                {members.map((m) => (
                  <li key={m.id}>
                    {m.name ?? m.email}{" "}
                    <span className="text-slate-600">
                      · {m.role} · {m.email}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          </div>
          {banned.length > 0 ? (
            <Card title="Identifiers kept from the ban">
              <ul className="space-y-1 text-sm">
                {banned.map((b) => (
                  <li key={`${b.kind}:${b.value}`}>
                    {IDENTIFIER_WORDS[b.kind] ?? b.kind}: <span className="font-mono text-xs">{b.value}</span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      </div>
      <div id="flags" className="mt-6">
        <Card title={`Flags (${flags.length})`}>
          <FlagTable flags={flags} caption="Flags about this organisation" empty="No flags about this organisation." />
        </Card>
      </div>
    </>
  );
}
