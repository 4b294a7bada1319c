import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { parseSort, type SearchParams } from "@/components/ui/table-sort";
import { getDb } from "@/db/client";
import { JOB_STATUS, type JobStatus } from "@/db/schema/enums";
import { formatTime } from "@/lib/ats/labels";
import { requireMemberPage } from "@/lib/auth/guards";
import { JOB_STATUS_LABELS, JOB_STATUS_TONES } from "@/lib/jobs/labels";
import { JOB_SORTS, type JobListItem, listJobs } from "@/lib/jobs/queries";

export const metadata: Metadata = { title: "Jobs" };

const COLUMNS: Column<JobListItem>[] = [
  {
    key: "title",
    header: "Job",
    rowHeader: true,
    wide: true,
    sortable: "asc",
    cell: (job) => (
      <>
        <Link className="text-indigo-700 underline" href={`/jobs/${job.id}`}>
          {job.title || `Untitled (${job.externalId})`}
        </Link>
        <span className="block text-xs font-normal text-slate-600">{job.locationLabel ?? ""}</span>
      </>
    ),
  },
  {
    key: "status",
    header: "Status",
    nowrap: true,
    sortable: "asc",
    cell: (job) => (
      <Badge tone={JOB_STATUS_TONES[job.status as JobStatus]}>{JOB_STATUS_LABELS[job.status as JobStatus]}</Badge>
    ),
  },
  {
    key: "fix",
    header: "What to fix",
    wide: true,
    cell: (job) => <span className="text-xs">{job.violations.map((v) => v.message).join(" ") || "—"}</span>,
  },
  { key: "source", header: "Source", cell: (job) => job.connectionName },
  { key: "updated", header: "Updated", nowrap: true, sortable: "desc", cell: (job) => formatTime(job.updatedAt) },
];

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireMemberPage();
  const params = await searchParams;
  const requested = params.status;
  const status = JOB_STATUS.includes(requested as JobStatus) ? (requested as JobStatus) : undefined;
  const sort = parseSort(params, JOB_SORTS, { column: "updated", direction: "desc" });
  const rows = await listJobs(getDb(), actor.org.id, { status }, sort);
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
        <DataTable
          caption="Jobs"
          columns={COLUMNS}
          rows={rows}
          rowKey={(job) => job.id}
          sort={{ current: sort, path: "/jobs", params }}
          empty={
            status
              ? "No jobs with this status."
              : "No jobs yet. Connect an ATS under Integrations and publish a job from it."
          }
        />
      </Card>
    </>
  );
}
