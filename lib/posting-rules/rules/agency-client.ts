// Rule agency.client_undisclosed: an agency names the employer it hires for, and may hire for it.
import { cleanText, normalizeText } from "@/lib/jobs/text";
import type { Rule } from "../types";

export const agencyDisclosesClient: Rule = (job, ctx) => {
  if (ctx.org.kind !== "agency") return [];
  if (!job.clientName?.trim()) {
    return [
      {
        code: "agency.client_undisclosed",
        outcome: "needs_info",
        message: "As an agency, say which employer this job is for.",
      },
    ];
  }
  const key = normalizeText(job.clientName);
  const client = ctx.brands.find((b) => b.isClient && b.nameKey === key);
  if (client?.verified) return [];
  return [
    {
      code: "agency.client_undisclosed",
      outcome: "reject",
      message: `"${cleanText(job.clientName, 80)}" isn't a verified client your agency may hire for.`,
    },
  ];
};
