// Value sets shared by the schema's check constraints and the zod schemas that feed them.
export const ORG_KINDS = ["employer", "agency"] as const;
export const ORG_VERIFICATION = ["unverified", "pending", "verified"] as const;
export const ORG_STANDING = ["active", "suspended", "banned"] as const;
export const MEMBER_ROLES = ["owner", "admin", "recruiter"] as const;
export const PLATFORM_ROLES = ["trust_safety"] as const;

export const WORKPLACES = ["onsite", "hybrid", "remote"] as const;
export const EMPLOYMENT_TYPES = ["full_time", "part_time", "contract", "temporary", "internship"] as const;
export const SALARY_PERIODS = ["year", "month", "hour"] as const;
export const SENIORITIES = ["junior", "mid", "senior", "staff", "principal"] as const;
export const AVAILABILITY = ["immediately", "within_1_month", "within_3_months", "open_to_offers"] as const;

export const ATS_PROVIDERS = ["generic", "greenhouse", "ashby", "lever"] as const;
export const CONNECTION_STATUS = ["draft", "active", "disabled"] as const;
export const DISABLED_BY = ["organisation", "trust_safety"] as const;
export const CLIENT_SOURCES = ["field", "department", "fixed"] as const;
export const SECRET_PURPOSES = ["inbound", "outbound"] as const;
export const SYNC_TRIGGERS = ["manual", "schedule"] as const;
export const SYNC_STATUS = ["running", "succeeded", "failed"] as const;

export const JOB_STATUS = ["active", "pending_review", "needs_info", "rejected", "closed", "removed"] as const;
export const OUTBOUND_STATUS = ["pending", "delivered", "failed", "cancelled"] as const;
export const ACCESS_STATUS = [
  "requested",
  "approved",
  "declined",
  "expired",
  "revoked",
  "cancelled",
  "lapsed",
] as const;
/** Who moved an Access Request or wrote a message: the employer, the candidate, or the scheduled sweep. */
export const ACCESS_ACTORS = ["organisation", "candidate", "system"] as const;
export const LEDGER_KINDS = ["grant", "hold", "capture", "release", "adjustment"] as const;

export const FLAG_KINDS = [
  "repost_farming",
  "foreign_brand",
  "snapshot_harvesting",
  "low_approval",
  "off_portal_contact",
  "ban_evasion",
  "user_report",
] as const;
export const FLAG_SOURCES = ["signal", "report"] as const;
export const FLAG_STATUS = ["open", "resolved", "dismissed"] as const;
export const FLAG_SUBJECTS = [
  "organisation",
  "connection",
  "job",
  "user",
  "snapshot",
  "access_request",
  "message",
  "other",
] as const;
export const IDENTIFIER_KINDS = [
  "email_domain",
  "greenhouse_board",
  "greenhouse_job",
  "lever_site",
  "ashby_board",
  "ashby_account",
  "ashby_job",
  "endpoint_host",
] as const;

export type OrgKind = (typeof ORG_KINDS)[number];
export type OrgStanding = (typeof ORG_STANDING)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type Workplace = (typeof WORKPLACES)[number];
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];
export type Seniority = (typeof SENIORITIES)[number];
export type AtsProvider = (typeof ATS_PROVIDERS)[number];
export type JobStatus = (typeof JOB_STATUS)[number];
export type FlagKind = (typeof FLAG_KINDS)[number];
export type FlagStatus = (typeof FLAG_STATUS)[number];
export type FlagSubject = (typeof FLAG_SUBJECTS)[number];
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];
export type AccessStatus = (typeof ACCESS_STATUS)[number];
export type AccessActor = (typeof ACCESS_ACTORS)[number];

/** SQL list literal for a check constraint: ('a', 'b'). Values are compile-time constants. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((v) => `'${v}'`).join(", ")})`;
}
