import "server-only";
// Greenhouse's Job Board API: a board's jobs with their content, then each job's pay ranges.
import { z } from "zod";
import type { BoardLimits } from "@/lib/ats/boards";
import {
  BoardError,
  decodeHtmlEntities,
  dropUndefined,
  parseLocationLabel,
  parseProviderResponse,
  salaryOf,
  webUrl,
  workplaceFromLabel,
} from "@/lib/ats/mapping";
import type { BoardConfig, BoardPage, FetchJson, NormalizedJob, NormalizedSalary } from "@/lib/ats/normalized-job";

export const GREENHOUSE_BASE_URL = "https://boards-api.greenhouse.io";
const PAY_CONCURRENCY = 4;
/** The Job Board API gives pay ranges no period; Greenhouse's pay transparency ranges are annual in practice. */
const PAY_PERIOD = "year";

const id = z.union([z.number().int(), z.string().regex(/\S/, "must not be empty")]);

const job = z.object({
  id,
  internal_job_id: id.nullish(),
  title: z.string(),
  content: z.string().nullish(),
  location: z.object({ name: z.string().nullish() }).nullish(),
  absolute_url: z.string(),
  updated_at: z.string().nullish(),
  departments: z.array(z.object({ name: z.string().nullish() })).nullish(),
  metadata: z.array(z.object({ name: z.string().nullish(), value: z.unknown() })).nullish(),
});

const list = z.object({ jobs: z.array(job) });

const payRanges = z.object({
  pay_input_ranges: z
    .array(z.object({ min_cents: z.number(), max_cents: z.number(), currency_type: z.string() }))
    .nullish(),
});

type Job = z.infer<typeof job>;

const boardBase = (config: BoardConfig) =>
  `${(config.baseUrl || GREENHOUSE_BASE_URL).replace(/\/+$/, "")}/v1/boards/${encodeURIComponent(config.token)}`;

export function greenhouseBoardUrl(config: BoardConfig): string {
  return `${boardBase(config)}/jobs?content=true`;
}

function payUrl(config: BoardConfig, jobId: string | number): string {
  return `${boardBase(config)}/jobs/${encodeURIComponent(String(jobId))}?pay_transparency=true`;
}

/** Metadata with a text or number value, by name. */
function metadataFields(metadata: Job["metadata"]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { name, value } of metadata ?? []) {
    if (name && (typeof value === "string" || typeof value === "number")) fields[name] = String(value);
  }
  return fields;
}

/** internal_job_id is the job id Greenhouse webhooks use, so board and webhooks update the same job. */
function jobOf(j: Job): NormalizedJob {
  const label = j.location?.name;
  return dropUndefined({
    externalId: String(j.internal_job_id ?? j.id),
    title: j.title,
    descriptionHtml: j.content == null ? undefined : decodeHtmlEntities(j.content),
    department: j.departments?.[0]?.name ?? null,
    location: parseLocationLabel(label),
    workplace: workplaceFromLabel(label) ?? null,
    fields: metadataFields(j.metadata),
    status: "open",
    applyUrl: webUrl(j.absolute_url),
    updatedAt: j.updated_at ?? null,
  });
}

/** The job's first pay range; undefined (salary unknown, not absent) when its request fails. */
async function payOf(
  config: BoardConfig,
  fetchJson: FetchJson,
  jobId: string | number,
): Promise<NormalizedSalary | null | undefined> {
  let data: unknown;
  try {
    data = await fetchJson(payUrl(config, jobId));
  } catch {
    return undefined;
  }
  const parsed = payRanges.safeParse(data);
  if (!parsed.success) return undefined;
  const range = parsed.data.pay_input_ranges?.[0];
  if (!range) return null;
  const pay = { min: range.min_cents / 100, max: range.max_cents / 100, currency: range.currency_type };
  return salaryOf({ ...pay, period: PAY_PERIOD });
}

async function mapConcurrently<T, R>(items: readonly T[], concurrency: number, map: (item: T) => Promise<R>) {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** The listing (one request, no pagination), then one pay-range request per job, four at a time. */
export async function fetchGreenhouseBoard(
  config: BoardConfig,
  fetchJson: FetchJson,
  limits: BoardLimits,
): Promise<BoardPage> {
  const data = await fetchJson(greenhouseBoardUrl(config));
  const { jobs } = parseProviderResponse("Greenhouse job board response", list, data);
  if (jobs.length > limits.maxJobs) {
    throw new BoardError(`Greenhouse board lists more than ${limits.maxJobs} jobs (maxJobs)`);
  }
  const withPay = await mapConcurrently(jobs, PAY_CONCURRENCY, async (j) => {
    const salary = await payOf(config, fetchJson, j.id);
    return salary === undefined ? jobOf(j) : { ...jobOf(j), salary };
  });
  return { jobs: withPay, pagesFetched: 1 + jobs.length };
}
