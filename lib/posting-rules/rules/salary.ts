// Rules salary.missing, salary.invalid and salary.implausible: pay is stated, well-formed and believable.
import { cleanText } from "@/lib/jobs/text";
import { EUR_PER_UNIT, POSTING_RULES } from "../config";
import type { Rule, Violation } from "../types";

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const PERIODS: readonly string[] = POSTING_RULES.salary.periods;

const invalid = (message: string): Violation[] => [{ code: "salary.invalid", outcome: "reject", message }];
const implausible = (message: string): Violation[] => [{ code: "salary.implausible", outcome: "reject", message }];

export const salaryIsValid: Rule = (job) => {
  const salary = job.salary;
  if (!salary) {
    return [
      {
        code: "salary.missing",
        outcome: "needs_info",
        message: "Add the salary range (currency, period, minimum and maximum).",
      },
    ];
  }
  if (!CURRENCIES.has(salary.currency))
    return invalid(`"${cleanText(salary.currency, 10)}" isn't a known currency code.`);
  if (!PERIODS.includes(salary.period)) return invalid("The salary period must be per year, per month or per hour.");
  if (!Number.isFinite(salary.min) || !Number.isFinite(salary.max) || salary.min <= 0 || salary.max <= 0) {
    return invalid("The salary minimum and maximum must be positive amounts.");
  }
  if (salary.min > salary.max) return invalid("The salary minimum is above the maximum.");
  if (salary.max > salary.min * POSTING_RULES.salary.maxSpread) {
    return implausible(
      `The salary range is too wide: the maximum may be at most ${POSTING_RULES.salary.maxSpread}× the minimum.`,
    );
  }
  const rate = EUR_PER_UNIT[salary.currency];
  if (rate === undefined) return [];
  const [low, high] = POSTING_RULES.salary.plausibleEur[salary.period as (typeof POSTING_RULES.salary.periods)[number]];
  if (salary.min * rate < low || salary.max * rate > high) {
    return implausible(
      `${salary.min}–${salary.max} ${salary.currency} per ${salary.period} is outside a plausible range.`,
    );
  }
  return [];
};
