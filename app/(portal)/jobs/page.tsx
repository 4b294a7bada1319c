import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { JOB_STATUS, type JobStatus } from "@/db/schema/enums";
import { formatTime } from "@/lib/ats/labels";
import { requireMemberPage } from "@/lib/auth/guards";
import { JOB_STATUS_LABELS, JOB_STATUS_TONES } from "@/lib/jobs/labels";
import { listJobs } from "@/lib/jobs/queries";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requireMemberPage();
  const requested = (await searchParams).status;
  const status = JOB_STATUS.includes(requested as JobStatus) ? (requested as JobStatus) : undefined;
  const rows = await listJobs(getDb(), actor.org.id, { status });
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Jobs published from your ATS, and what Wigiwork's posting rules said about each."
      />
      <nav aria-label="Filter jobs by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link
          href="/jobs"
          aria-current={status ? undefined : "page"}
          className="rounded-full px-3 py-1 ring-1 ring-slate-300 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white"
        >
          All
        </Link>
        {JOB_STATUS.map((s) => (
          <Link
            key={s}
            href={`/jobs?status=${s}`}
            aria-current={status === s ? "page" : undefined}
            className="rounded-full px-3 py-1 ring-1 ring-slate-300 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white"
          >
            {JOB_STATUS_LABELS[s]}
          </Link>
        ))}
      </nav>
      <Card>
        {rows.length === 0 ? (
          <EmptyState>
            {status
              ? "No jobs with this status."
              : "No jobs yet. Connect an ATS under Integrations and publish a job from it."}
          </EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Jobs, most recently updated first</caption>
            <thead>
              <tr className="border-b text-slate-600">
                <th scope="col" className="py-2">
                  Job
                </th>
                <th scope="col">Status</th>
                <th scope="col">What to fix</th>
                <th scope="col">Source</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((job) => (
                <tr key={job.id} className="border-b align-top last:border-0">
                  <th scope="row" className="py-2 font-medium">
                    <Link className="text-indigo-700 underline" href={`/jobs/${job.id}`}>
                      {job.title || `Untitled (${job.externalId})`}
                    </Link>
                    <span className="block text-xs font-normal text-slate-600">{job.locationLabel ?? ""}</span>
                  </th>
                  <td>
                    <Badge tone={JOB_STATUS_TONES[job.status as JobStatus]}>
                      {JOB_STATUS_LABELS[job.status as JobStatus]}
                    </Badge>
                  </td>
                  <td className="text-xs">{job.violations.map((v) => v.message).join(" ") || "—"}</td>
                  <td>{job.connectionName}</td>
                  <td className="whitespace-nowrap">{formatTime(job.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
