// How trust & safety's codes read to people (no data access; safe for any component).
import type { FlagKind } from "@/db/schema/enums";

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  repost_farming: "Repost farming",
  foreign_brand: "Posting under another brand",
  snapshot_harvesting: "Bulk Snapshot harvesting",
  low_approval: "Many requests, few approvals",
  off_portal_contact: "Contact moved out of the portal",
  ban_evasion: "Banned organisation's identifiers reused",
  user_report: "Reported by a user",
};

export const STANDING_TONES = { active: "good", suspended: "warn", banned: "bad" } as const;

export const IDENTIFIER_WORDS: Record<string, string> = {
  email_domain: "Email domain",
  greenhouse_board: "Greenhouse board",
  greenhouse_job: "Greenhouse job id",
  lever_site: "Lever site",
  ashby_board: "Ashby board",
  ashby_account: "Ashby account",
  ashby_job: "Ashby job id",
  endpoint_host: "Endpoint host",
};

export const utcTime = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
