// Plain-language names for job statuses, shared by pages.
import type { JobStatus } from "@/db/schema/enums";

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  active: "Active",
  pending_review: "Pending review",
  needs_info: "Needs information",
  rejected: "Rejected",
  closed: "Closed",
  removed: "Removed",
};
