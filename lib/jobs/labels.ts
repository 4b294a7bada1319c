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

export const JOB_STATUS_TONES: Record<JobStatus, "good" | "warn" | "bad" | "neutral" | "info"> = {
  active: "good",
  pending_review: "info",
  needs_info: "warn",
  rejected: "bad",
  closed: "neutral",
  removed: "bad",
};
