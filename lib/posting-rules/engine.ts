// Runs every posting rule and turns the violations into the job's status.
import { agencyDisclosesClient } from "./rules/agency-client";
import { oneVerifiedBrand } from "./rules/brand";
import { notDuplicate } from "./rules/duplicate";
import { jobIsActive } from "./rules/job-active";
import { jobIsComplete } from "./rules/job-complete";
import { repostLimits } from "./rules/repost";
import { salaryIsValid } from "./rules/salary";
import { notScraped } from "./rules/scraped";
import { organisationVerified } from "./rules/verification";
import type { Rule, RuleContext, RuleJob, RulesResult, Violation } from "./types";

/** In the order a recruiter should read them. */
export const RULES: readonly Rule[] = [
  jobIsActive,
  jobIsComplete,
  agencyDisclosesClient,
  salaryIsValid,
  notDuplicate,
  oneVerifiedBrand,
  repostLimits,
  notScraped,
  organisationVerified,
];

export function statusFor(violations: readonly Violation[]): RulesResult["status"] {
  if (violations.some((v) => v.outcome === "reject")) return "rejected";
  if (violations.some((v) => v.outcome === "needs_info")) return "needs_info";
  if (violations.some((v) => v.outcome === "review")) return "pending_review";
  return "active";
}

export function evaluatePostingRules(job: RuleJob, ctx: RuleContext): RulesResult {
  const violations = RULES.flatMap((rule) => rule(job, ctx));
  return { status: statusFor(violations), violations };
}
