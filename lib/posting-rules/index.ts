// Wigiwork's posting rules: pure functions over a job and its context.
export { POSTING_RULES } from "./config";
export { evaluatePostingRules, statusFor } from "./engine";
export { findBrand } from "./rules/brand";
export type { ActiveTwin, RuleBrand, RuleContext, RuleJob, RulesResult, Violation, ViolationCode } from "./types";
export { VIOLATION_CODES } from "./types";
