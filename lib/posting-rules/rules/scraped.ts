// Rule source.scraped: a job's public page must be on the organisation's ATS or its own domains.
import { POSTING_RULES } from "../config";
import type { Rule } from "../types";

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

export const notScraped: Rule = (job, ctx) => {
  if (!job.applyUrl) return [];
  const host = hostOf(job.applyUrl);
  const trusted = [
    ...POSTING_RULES.atsHosts,
    ...ctx.connectionHosts,
    ...ctx.org.domains,
    ...ctx.brands.flatMap((b) => b.domains),
  ].map((d) => d.toLowerCase());
  if (host && trusted.some((domain) => within(host, domain))) return [];
  return [
    {
      code: "source.scraped",
      outcome: "reject",
      message: "The job's page isn't on your ATS or your own website; jobs copied from elsewhere can't be published.",
    },
  ];
};
