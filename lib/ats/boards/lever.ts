import "server-only";
// Lever's public Postings API (v0): a site's postings, 100 a page.
import { escapeText } from "entities";
import { z } from "zod";
import type { BoardLimits } from "@/lib/ats/boards";
import {
  BoardError,
  countryCode,
  employmentTypeOf,
  parseLocationLabel,
  parseProviderResponse,
  salaryOf,
  webUrl,
  workplaceFromLabel,
  workplaceOf,
} from "@/lib/ats/mapping";
import type { BoardConfig, BoardPage, FetchJson, NormalizedJob, NormalizedLocation } from "@/lib/ats/normalized-job";

export const LEVER_BASE_URL = "https://api.lever.co";
const PAGE_SIZE = 100;

const posting = z.object({
  id: z.string().regex(/\S/, "must not be empty"),
  text: z.string(),
  categories: z
    .object({
      location: z.string().nullish(),
      commitment: z.string().nullish(),
      team: z.string().nullish(),
      department: z.string().nullish(),
    })
    .nullish(),
  country: z.string().nullish(),
  description: z.string().nullish(),
  lists: z.array(z.object({ text: z.string(), content: z.string() })).nullish(),
  additional: z.string().nullish(),
  hostedUrl: z.string(),
  workplaceType: z.string().nullish(),
  salaryRange: z
    .object({
      currency: z.string().nullish(),
      interval: z.string().nullish(),
      min: z.number().nullish(),
      max: z.number().nullish(),
    })
    .nullish(),
});

const postings = z.array(posting);

type Posting = z.infer<typeof posting>;

export function leverPageUrl(config: BoardConfig, skip: number): string {
  const base = (config.baseUrl || LEVER_BASE_URL).replace(/\/+$/, "");
  return `${base}/v0/postings/${encodeURIComponent(config.token)}?mode=json&skip=${skip}&limit=${PAGE_SIZE}`;
}

/** The description, then each list as a heading and its items, then the closing text. */
function descriptionOf(p: Posting): string {
  const lists = (p.lists ?? []).map((list) => `<h3>${escapeText(list.text)}</h3><ul>${list.content}</ul>`);
  return [p.description ?? "", ...lists, p.additional ?? ""].join("");
}

function locationOf(p: Posting): NormalizedLocation | null {
  const parsed = parseLocationLabel(p.categories?.location);
  const country = countryCode(p.country);
  if (!parsed) return country ? { label: null, city: null, region: null, country } : null;
  return { ...parsed, country: country ?? parsed.country };
}

function jobOf(p: Posting): NormalizedJob {
  const label = p.categories?.location;
  const pay = p.salaryRange;
  return {
    externalId: p.id,
    title: p.text,
    descriptionHtml: descriptionOf(p),
    department: p.categories?.department ?? p.categories?.team ?? null,
    location: locationOf(p),
    workplace: workplaceOf(p.workplaceType) ?? workplaceFromLabel(label) ?? null,
    employmentType: employmentTypeOf(p.categories?.commitment),
    salary: pay ? salaryOf({ min: pay.min, max: pay.max, currency: pay.currency, period: pay.interval }) : null,
    status: "open",
    applyUrl: webUrl(p.hostedUrl),
  };
}

/** Pages through the site's postings until a page comes back short. */
export async function fetchLeverBoard(
  config: BoardConfig,
  fetchJson: FetchJson,
  limits: BoardLimits,
): Promise<BoardPage> {
  const jobs = new Map<string, NormalizedJob>();
  let pagesFetched = 0;
  let fetched = 0;
  for (;;) {
    if (pagesFetched >= limits.maxPages) {
      throw new BoardError(`Lever board has more than ${limits.maxPages} pages (maxPages)`);
    }
    const data = await fetchJson(leverPageUrl(config, fetched));
    pagesFetched++;
    const page = parseProviderResponse("Lever postings response", postings, data);
    fetched += page.length;
    for (const p of page) jobs.set(p.id, jobOf(p));
    if (jobs.size > limits.maxJobs)
      throw new BoardError(`Lever board lists more than ${limits.maxJobs} jobs (maxJobs)`);
    if (page.length < PAGE_SIZE) return { jobs: [...jobs.values()], pagesFetched };
  }
}
