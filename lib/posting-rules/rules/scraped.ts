// Rule source.scraped: a job's public page must be on the organisation's own ATS board or its own domains.
import { POSTING_RULES } from "../config";
import type { Rule, RuleContext } from "../types";

function parse(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed : null;
  } catch {
    return null;
  }
}

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

function onOwnDomain(host: string, ctx: RuleContext): boolean {
  const own = [...ctx.source.boardHosts, ...ctx.org.domains, ...ctx.brands.flatMap((b) => b.domains)];
  return own.some((domain) => within(host, domain.toLowerCase()));
}

/**
 * On a known ATS board, the board must be this organisation's: its name (the first path segment)
 * matches the connection's board, or, without a configured board, the connection is that ATS (or a
 * Standard Webhooks connection, which can't say more).
 */
function onOwnBoard(url: URL, ctx: RuleContext): boolean | null {
  const board = POSTING_RULES.atsBoards.find((b) => (b.hosts as readonly string[]).includes(url.hostname));
  if (!board) return null;
  const company = url.pathname.split("/")[1]?.toLowerCase() ?? "";
  if (ctx.source.boardToken) return company === ctx.source.boardToken.toLowerCase();
  return ctx.source.provider === board.provider || ctx.source.provider === "generic";
}

export const notScraped: Rule = (job, ctx) => {
  if (!job.applyUrl) return [];
  const url = parse(job.applyUrl);
  const host = url?.hostname.toLowerCase();
  if (url && host && (onOwnDomain(host, ctx) || onOwnBoard(url, ctx))) return [];
  return [
    {
      code: "source.scraped",
      outcome: "reject",
      message:
        "The job's page isn't on your ATS board or your own website; jobs copied from elsewhere can't be published.",
    },
  ];
};
