import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EnforcementNotices } from "@/components/enforcement/notices";
import { CompleteJobForm } from "@/components/jobs/complete-job-form";
import { JobDescription } from "@/components/jobs/job-description";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { JobStatus } from "@/db/schema/enums";
import { formatTime, PROVIDER_LABELS } from "@/lib/ats/labels";
import { enforcementNotices } from "@/lib/audit";
import { requireMemberPage } from "@/lib/auth/guards";
import { isUuid } from "@/lib/ids";
import { COMPLETABLE_STATUSES } from "@/lib/jobs/ingest";
import { JOB_STATUS_LABELS, JOB_STATUS_TONES } from "@/lib/jobs/labels";
import { getJob } from "@/lib/jobs/queries";
import { listBrands } from "@/lib/orgs/brands";

export const metadata: Metadata = { title: "Job" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireMemberPage();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = getDb();
  const job = await getJob(db, actor.org.id, id);
  if (!job) notFound();
  const notices = await enforcementNotices(db, actor.org.id, { type: "job", id: job.id });
  const codes = new Set(job.violations.map((v) => v.code));
  const askSalary = ["salary.missing", "salary.invalid", "salary.implausible"].some((c) => codes.has(c));
  const askClient = codes.has("agency.client_undisclosed") && actor.org.kind === "agency";
  const clients = askClient ? (await listBrands(db, actor.org.id)).filter((b) => b.isClient && b.verified) : null;
  const status = job.status as JobStatus;
  return (
    <>
      <PageHeader
        title={job.title || `Untitled job ${job.externalId}`}
        description={`${job.brandName ?? "No brand"}${job.clientName ? ` for ${job.clientName}` : ""} · ${job.locationLabel ?? job.workplace ?? "no location"}`}
        actions={<Badge tone={JOB_STATUS_TONES[status]}>{JOB_STATUS_LABELS[status]}</Badge>}
      />
      <EnforcementNotices title="Trust & safety on this job" notices={notices} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Posting rules">
            {job.violations.length === 0 ? (
              <p className="text-sm">
                {status === "active" ? "Every rule passed: the job is live on Wigiwork." : "No rule violations."}
              </p>
            ) : (
              <ul className="space-y-2 text-sm">
                {job.violations.map((v) => (
                  <li key={`${v.code}-${v.message}`} className="rounded-md bg-slate-50 p-3">
                    <p>{v.message}</p>
                    <p className="font-mono text-xs text-slate-500">{v.code}</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {COMPLETABLE_STATUSES.has(status) && (askSalary || askClient) ? (
            <Card title="Complete missing information">
              <CompleteJobForm jobId={job.id} askSalary={askSalary} clients={clients} salary={job.salary} />
            </Card>
          ) : null}
          <Card title="Description">
            {job.descriptionHtml ? (
              <JobDescription sanitizedHtml={job.descriptionHtml} />
            ) : (
              <EmptyState>The ATS hasn&apos;t sent a description yet.</EmptyState>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Details">
            <dl className="grid grid-cols-2 gap-1 text-sm">
              <dt className="text-slate-600">ATS id</dt>
              <dd className="font-mono text-xs">{job.externalId}</dd>
              <dt className="text-slate-600">Source</dt>
              <dd>
                <Link className="text-indigo-700 underline" href={`/integrations/${job.connection.id}`}>
                  {job.connection.name}
                </Link>{" "}
                ({PROVIDER_LABELS[job.connection.provider] ?? job.connection.provider})
              </dd>
              <dt className="text-slate-600">In the ATS</dt>
              <dd>{job.atsStatus}</dd>
              <dt className="text-slate-600">Reopened</dt>
              <dd>{job.reopenCount === 1 ? "once" : `${job.reopenCount} times`}</dd>
              <dt className="text-slate-600">Salary</dt>
              <dd>
                {job.salary
                  ? `${job.salary.min}–${job.salary.max} ${job.salary.currency} per ${job.salary.period}`
                  : "not given"}
                {job.salary?.source === "recruiter"
                  ? " (added in the portal)"
                  : job.salary?.source === "board"
                    ? " (from the job board)"
                    : ""}
              </dd>
              <dt className="text-slate-600">Workplace</dt>
              <dd>{job.workplace ?? "—"}</dd>
              <dt className="text-slate-600">Type</dt>
              <dd>{job.employmentType?.replace("_", " ") ?? "—"}</dd>
              <dt className="text-slate-600">First seen</dt>
              <dd>{formatTime(job.firstSeenAt)}</dd>
            </dl>
          </Card>
          <Card title="History">
            <ol className="space-y-2 text-sm">
              {job.history.map((h) => (
                <li key={h.id}>
                  <span className="block text-xs text-slate-600">{formatTime(h.createdAt)}</span>
                  {h.kind} via {h.source}
                  {h.actorName ? ` by ${h.actorName}` : ""}: {h.fromStatus ? `${h.fromStatus} → ` : ""}
                  {h.toStatus}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
