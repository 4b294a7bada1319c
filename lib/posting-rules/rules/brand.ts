// Rules brand.multiple and brand.unverified: one brand per job, and one the organisation may publish under.
import { cleanText, normalizeText } from "@/lib/jobs/text";
import type { Rule, RuleBrand, RuleContext } from "../types";

const SEPARATORS = /\s*(?:,|\/|\||\+|&|\band\b)\s*/i;

/** The brands an organisation may publish under: its own, and for an agency also its clients. */
function publishable(ctx: RuleContext): RuleBrand[] {
  return ctx.brands.filter((b) => !b.isClient || ctx.org.kind === "agency");
}

export function findBrand(name: string | null, ctx: RuleContext): RuleBrand | null {
  if (!name) return null;
  const key = normalizeText(name);
  return publishable(ctx).find((b) => b.nameKey === key) ?? null;
}

export const oneVerifiedBrand: Rule = (job, ctx) => {
  if (!job.brandName?.trim()) {
    return [{ code: "brand.unverified", outcome: "reject", message: "Choose the brand this job is published under." }];
  }
  const exact = findBrand(job.brandName, ctx);
  if (!exact) {
    const parts = job.brandName.split(SEPARATORS).filter(Boolean);
    const named = new Set(parts.map((p) => findBrand(p, ctx)?.id).filter(Boolean));
    if (named.size > 1) {
      return [{ code: "brand.multiple", outcome: "reject", message: "A job may be published under one brand only." }];
    }
    return [
      {
        code: "brand.unverified",
        outcome: "reject",
        message: `"${cleanText(job.brandName, 80)}" isn't a brand your organisation may publish under.`,
      },
    ];
  }
  if (!exact.verified) {
    return [{ code: "brand.unverified", outcome: "reject", message: `The brand "${exact.name}" isn't verified yet.` }];
  }
  return [];
};
