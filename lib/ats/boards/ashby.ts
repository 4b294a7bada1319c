import "server-only";
// Ashby's public Job Postings API: one job board's listed postings, with compensation.
import { z } from "zod";
import type { BoardLimits } from "@/lib/ats/boards";
import {
  BoardError,
  countryCode,
  dropUndefined,
  employmentTypeOf,
  parseLocationLabel,
  parseProviderResponse,
  salaryOf,
  webUrl,
  workplaceFromLabel,
  workplaceOf,
} from "@/lib/ats/mapping";
import type {
  BoardConfig,
  BoardPage,
  FetchJson,
  NormalizedJob,
  NormalizedLocation,
  NormalizedSalary,
} from "@/lib/ats/normalized-job";

export const ASHBY_BASE_URL = "https://api.ashbyhq.com";

const text = z.string().nullish();

const component = z.object({
  compensationType: z.string(),
  interval: text,
  currencyCode: text,
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
});

const job = z
  .object({
    id: text,
    title: z.string(),
    location: text,
    department: text,
    isListed: z.boolean().nullish(),
    isRemote: z.boolean().nullish(),
    workplaceType: text,
    descriptionHtml: text,
    employmentType: text,
    address: z
      .object({
        postalAddress: z.object({ addressLocality: text, addressRegion: text, addressCountry: text }).nullish(),
      })
      .nullish(),
    jobUrl: z.string(),
    compensation: z
      .object({ compensationTiers: z.array(z.object({ components: z.array(component).nullish() })).nullish() })
      .nullish(),
  })
  .refine((j) => externalIdOf(j) !== "", { message: "has neither an id nor a job URL", path: ["id"] });

const board = z.object({ jobs: z.array(job) });

type Job = z.infer<typeof job>;

export function ashbyBoardUrl(config: BoardConfig): string {
  const base = (config.baseUrl || ASHBY_BASE_URL).replace(/\/+$/, "");
  return `${base}/posting-api/job-board/${encodeURIComponent(config.token)}?includeCompensation=true`;
}

/** The posting's id, or else the last path segment of its page (jobs.ashbyhq.com/{board}/{id}); "" when neither. */
function externalIdOf(j: { id?: string | null; jobUrl: string }): string {
  if (j.id) return j.id;
  return URL.canParse(j.jobUrl) ? (new URL(j.jobUrl).pathname.split("/").filter(Boolean).at(-1) ?? "") : "";
}

/** The postal address where there is one, the label's reading otherwise. */
function locationOf(j: Job): NormalizedLocation | null {
  const parsed = parseLocationLabel(j.location);
  const postal = j.address?.postalAddress;
  if (!postal) return parsed;
  return {
    label: parsed?.label ?? null,
    city: postal.addressLocality ?? parsed?.city ?? null,
    region: postal.addressRegion ?? parsed?.region ?? null,
    country: countryCode(postal.addressCountry) ?? parsed?.country ?? null,
  };
}

/** The first "Salary" component of any tier; equity and bonus components are not pay ranges. */
function salaryOfJob(j: Job): NormalizedSalary | null {
  const components = (j.compensation?.compensationTiers ?? []).flatMap((tier) => tier.components ?? []);
  const pay = components.find((c) => c.compensationType === "Salary");
  if (!pay) return null;
  return salaryOf({ min: pay.minValue, max: pay.maxValue, currency: pay.currencyCode, period: pay.interval });
}

function jobOf(j: Job): NormalizedJob {
  return dropUndefined({
    externalId: externalIdOf(j),
    title: j.title,
    descriptionHtml: j.descriptionHtml ?? undefined,
    department: j.department ?? null,
    location: locationOf(j),
    workplace: j.isRemote ? "remote" : (workplaceOf(j.workplaceType) ?? workplaceFromLabel(j.location) ?? null),
    employmentType: employmentTypeOf(j.employmentType),
    salary: salaryOfJob(j),
    status: "open",
    applyUrl: webUrl(j.jobUrl),
  });
}

/** The board in one request; postings marked unlisted are skipped. */
export async function fetchAshbyBoard(
  config: BoardConfig,
  fetchJson: FetchJson,
  limits: BoardLimits,
): Promise<BoardPage> {
  const data = await fetchJson(ashbyBoardUrl(config));
  const listed = parseProviderResponse("Ashby job board response", board, data).jobs.filter(
    (j) => j.isListed !== false,
  );
  if (listed.length > limits.maxJobs)
    throw new BoardError(`Ashby board lists more than ${limits.maxJobs} jobs (maxJobs)`);
  return { jobs: listed.map(jobOf), pagesFetched: 1 };
}
