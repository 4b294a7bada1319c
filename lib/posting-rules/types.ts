// The inputs and outputs of the posting rules.
import type { AtsProvider, EmploymentType, JobStatus, OrgKind, Workplace } from "@/db/schema/enums";
import type { NormalizedLocation, NormalizedSalary } from "@/lib/ats/normalized-job";

export const VIOLATION_CODES = [
  "job.inactive",
  "job.incomplete",
  "agency.client_undisclosed",
  "salary.missing",
  "salary.invalid",
  "salary.implausible",
  "job.duplicate",
  "brand.multiple",
  "brand.unverified",
  "repost.cooldown",
  "repost.farming",
  "source.scraped",
  "org.verification_required",
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** What a violation does to the job: reject it, wait for missing information, or wait for review. */
export type Outcome = "reject" | "needs_info" | "review";

export type Violation = { code: ViolationCode; message: string; outcome: Outcome };

export type RuleBrand = {
  id: string;
  name: string;
  nameKey: string;
  isClient: boolean;
  verified: boolean;
  domains: string[];
};

/** The job as the rules see it: the stored job merged with what the latest event said. */
export type RuleJob = {
  atsStatus: "open" | "closed";
  title: string;
  descriptionText: string;
  location: NormalizedLocation | null;
  workplace: Workplace | null;
  employmentType: EmploymentType | null;
  salary: NormalizedSalary | null;
  /** The brand the job asks to be published under (the event's, else the connection's). */
  brandName: string | null;
  clientName: string | null;
  applyUrl: string | null;
  titleKey: string;
  locationKey: string;
  descriptionHash: bigint;
};

/** An active job of the same organisation with the same normalised title. */
export type ActiveTwin = {
  id: string;
  locationKey: string;
  salary: NormalizedSalary | null;
  descriptionHash: bigint | null;
};

export type RuleContext = {
  org: { kind: OrgKind; verification: string; domains: string[] };
  brands: RuleBrand[];
  /** Where the job came from: the connection's ATS, its public board (if any) and a custom board host. */
  source: { provider: AtsProvider; boardToken: string | null; boardHosts: string[] };
  activeTwins: ActiveTwin[];
  reposting: {
    /** The job is new, or comes back after being closed. */
    isRepost: boolean;
    /** When this job, or a job with the same fingerprint, was last closed. */
    lastClosedAt: Date | null;
    /** How often this job or its fingerprint was closed within the farming window. */
    closuresInWindow: number;
  };
  now: Date;
};

export type Rule = (job: RuleJob, ctx: RuleContext) => Violation[];

export type RulesResult = {
  status: Extract<JobStatus, "active" | "pending_review" | "needs_info" | "rejected">;
  violations: Violation[];
};
