import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { AdjustJobForm } from "@/components/admin/adjust-job-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { JobStatus } from "@/db/schema/enums";
import { moderateJobAction } from "@/lib/actions/moderate-job";
import { requireAdminPage } from "@/lib/auth/guards";
import { getJobForAdmin } from "@/lib/enforcement/console";
import { isUuid } from "@/lib/ids";
import { JOB_STATUS_LABELS, JOB_STATUS_TONES } from "@/lib/jobs/labels";

export const metadata: Metadata = { title: "Job · Trust & safety" };

export default async function AdminJobPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const job = await getJobForAdmin(getDb(), id);
  if (!job) notFound();
  const status = job.status as JobStatus;
  const salary =
    job.salaryMin !== null && job.salaryMax !== null && job.salaryCurrency && job.salaryPeriod
      ? { min: job.salaryMin, max: job.salaryMax, currency: job.salaryCurrency, period: job.salaryPeriod }
      : null;
  return (
    <>
      <PageHeader
        title={job.title || `Untitled job ${job.externalId}`}
        description={
          <>
            <Link className="text-indigo-700 underline" href={`/admin/organisations/${job.orgId}`}>
              {job.orgName}
            </Link>{" "}
            · {job.brandName ?? "no brand"}
            {job.clientName ? ` for ${job.clientName}` : ""} · {job.locationLabel ?? "no location"} · from{" "}
            {job.connectionName}
          </>
        }
        actions={<Badge tone={JOB_STATUS_TONES[status]}>{JOB_STATUS_LABELS[status] ?? status}</Badge>}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Posting">
          <dl className="grid grid-cols-2 gap-1 text-sm">
            <dt className="text-slate-600">ATS id</dt>
            <dd className="font-mono text-xs">{job.externalId}</dd>
            <dt className="text-slate-600">Salary</dt>
            <dd>
              {salary ? `${salary.min}–${salary.max} ${salary.currency} per ${salary.period}` : "not given"}
              {job.salarySource === "trust_safety" ? " (adjusted by trust & safety)" : ""}
            </dd>
            <dt className="text-slate-600">Apply page</dt>
            <dd className="break-all">{job.applyUrl ?? "—"}</dd>
            <dt className="text-slate-600">Matching</dt>
            <dd>{job.restricted ? "kept from matching" : "eligible when active"}</dd>
            <dt className="text-slate-600">Rule violations</dt>
            <dd>{job.violations.map((v) => v.code).join(", ") || "none"}</dd>
            {job.note ? (
              <>
                <dt className="text-slate-600">Last note</dt>
                <dd>{job.note}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card title="Moderate">
          <div className="space-y-3">
            {status === "removed" ? (
              <ActionForm
                key="reinstate"
                action={moderateJobAction}
                fields={{ jobId: job.id, action: "reinstate" }}
                label="Reinstate job"
                variant="secondary"
                done="Reinstated: the posting rules' verdict applies again and the ATS was told."
              />
            ) : (
              <ActionForm
                key="remove"
                action={moderateJobAction}
                fields={{ jobId: job.id, action: "remove" }}
                label="Remove job"
                variant="danger"
                done="Removed: it left matching and the ATS receives job.status_changed."
                confirm="Remove this job? The organisation and its ATS are told at once."
              />
            )}
            <ActionForm
              key={job.restricted ? "unrestrict" : "restrict"}
              action={moderateJobAction}
              fields={{ jobId: job.id, action: job.restricted ? "unrestrict" : "restrict" }}
              label={job.restricted ? "Return to matching" : "Keep from matching"}
              variant="secondary"
              done={job.restricted ? "Back in matching." : "Kept from matching; still visible to the organisation."}
            />
          </div>
        </Card>
        <Card title="Adjust salary or brand">
          <AdjustJobForm jobId={job.id} salary={salary} brand={job.brandName} brands={job.brands} />
        </Card>
      </div>
    </>
  );
}
