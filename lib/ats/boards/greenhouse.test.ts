import { describe, expect, it } from "vitest";
import { fetchGreenhouseBoard, GREENHOUSE_BASE_URL, greenhouseBoardUrl } from "@/lib/ats/boards/greenhouse";
import type { BoardConfig } from "@/lib/ats/normalized-job";
import { fixtureJson } from "@/lib/testing/fixtures";

// biome-ignore lint/suspicious/noExplicitAny: fixture documents of the provider's own shape
const fixture = (name: string) => fixtureJson<any>(`greenhouse-job_board_api-${name}.json`);
const list = fixture("list_jobs_content");
const retrieved = fixture("retrieve_job");
const [listedJob] = list.jobs;

const BASE = "http://127.0.0.1:4020";
const CONFIG: BoardConfig = { provider: "greenhouse", token: "vaulttec", baseUrl: `${BASE}/` };
const LIMITS = { maxPages: 20, maxJobs: 2000 };
const LIST_URL = `${BASE}/v1/boards/vaulttec/jobs?content=true`;
const payUrl = (id: number | string) => `${BASE}/v1/boards/vaulttec/jobs/${id}?pay_transparency=true`;

/** A fake board answering from a URL → response table; a missing URL or an Error response fails the request. */
function board(responses: Record<string, unknown>) {
  const urls: string[] = [];
  const fetchJson = async (url: string) => {
    urls.push(url);
    const response = responses[url];
    if (response === undefined) throw new Error(`404 ${url}`);
    if (response instanceof Error) throw response;
    return response;
  };
  return { urls, fetchJson };
}

describe("Greenhouse board", () => {
  it("maps the documented listing, with the pay range of each job", async () => {
    const site = board({ [LIST_URL]: list, [payUrl(127817)]: retrieved });
    const page = await fetchGreenhouseBoard(CONFIG, site.fetchJson, LIMITS);
    expect(page).toEqual({
      pagesFetched: 2,
      jobs: [
        {
          externalId: "144381",
          title: "Vault Designer",
          descriptionHtml:
            "This is the job description. <p>Any HTML included through the hosted job application editor will be automatically converted into corresponding HTML entities.</p>",
          department: "Department of Departments",
          location: { label: "NYC", city: "NYC", region: null, country: null },
          workplace: null,
          fields: {},
          status: "open",
          applyUrl: "https://boards.greenhouse.io/vaulttec/jobs/127817",
          updatedAt: "2016-01-14T10:55:28-05:00",
          salary: { min: 50000, max: 75000, currency: "USD", period: "year" },
        },
      ],
    });
    expect(site.urls).toEqual([LIST_URL, payUrl(127817)]);
  });

  it("keys jobs by internal_job_id (the webhooks' job id), else by id", async () => {
    const { internal_job_id: _, ...withoutInternal } = listedJob;
    const site = board({ [LIST_URL]: { jobs: [withoutInternal], meta: { total: 1 } } });
    const page = await fetchGreenhouseBoard(CONFIG, site.fetchJson, LIMITS);
    expect(page.jobs[0]?.externalId).toBe("127817");
  });

  it("maps the retrieved job's shape too: metadata as fields, location label", async () => {
    const site = board({ [LIST_URL]: { jobs: [retrieved] }, [payUrl(44444)]: retrieved });
    const [job] = (await fetchGreenhouseBoard(CONFIG, site.fetchJson, LIMITS)).jobs;
    expect(job).toMatchObject({
      externalId: "55555",
      title: "Product Engineer",
      department: null,
      fields: { "Field Name": "Some value" },
      location: { label: "San Francisco, CA", city: "San Francisco", region: "CA" },
      applyUrl: "http://your.co/careers?gh_jid=444444",
    });
  });

  it("keeps a job without salary when its pay request fails, counting the request", async () => {
    const site = board({ [LIST_URL]: list, [payUrl(127817)]: new Error("503 Service Unavailable") });
    const page = await fetchGreenhouseBoard(CONFIG, site.fetchJson, LIMITS);
    expect(page.pagesFetched).toBe(2);
    expect(page.jobs).toHaveLength(1);
    expect("salary" in (page.jobs[0] ?? {})).toBe(false);
  });

  it("keeps a job without salary when its pay response is malformed", async () => {
    const site = board({ [LIST_URL]: list, [payUrl(127817)]: { pay_input_ranges: [{ min_cents: "lots" }] } });
    const [job] = (await fetchGreenhouseBoard(CONFIG, site.fetchJson, LIMITS)).jobs;
    expect(job && "salary" in job).toBe(false);
  });

  it("records no salary when the job publishes no pay range", async () => {
    const site = board({ [LIST_URL]: list, [payUrl(127817)]: { ...retrieved, pay_input_ranges: [] } });
    const [job] = (await fetchGreenhouseBoard(CONFIG, site.fetchJson, LIMITS)).jobs;
    expect(job?.salary).toBeNull();
  });

  it("fetches pay ranges four at a time", async () => {
    const jobs = Array.from({ length: 10 }, (_, i) => ({ ...listedJob, id: i + 1, internal_job_id: 1000 + i }));
    let inFlight = 0;
    let most = 0;
    const fetchJson = async (url: string) => {
      if (url === LIST_URL) return { jobs, meta: { total: 10 } };
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return retrieved;
    };
    const page = await fetchGreenhouseBoard(CONFIG, fetchJson, LIMITS);
    expect(most).toBe(4);
    expect(page.pagesFetched).toBe(11);
    expect(page.jobs.map((job) => job.externalId)).toEqual(jobs.map((job) => String(job.internal_job_id)));
    expect(page.jobs.every((job) => job.salary?.max === 75000)).toBe(true);
  });

  it("fails past the job limit before asking for any pay range", async () => {
    const site = board({ [LIST_URL]: { jobs: [listedJob, { ...listedJob, id: 2 }] } });
    await expect(fetchGreenhouseBoard(CONFIG, site.fetchJson, { ...LIMITS, maxJobs: 1 })).rejects.toThrow(
      "Greenhouse board lists more than 1 jobs (maxJobs)",
    );
    expect(site.urls).toEqual([LIST_URL]);
  });

  it.each([
    [{ jobs: [{ ...listedJob, title: null }] }, /jobs\.0\.title/],
    [{ jobs: [{ ...listedJob, id: undefined }] }, /jobs\.0\.id/],
    [{ meta: { total: 0 } }, /jobs: /],
    ["<html>", /\(root\)/],
  ])("refuses a malformed listing %#", async (response, problem) => {
    const site = board({ [LIST_URL]: response });
    await expect(fetchGreenhouseBoard(CONFIG, site.fetchJson, LIMITS)).rejects.toThrow(
      /^Greenhouse job board response is malformed: /,
    );
    await expect(fetchGreenhouseBoard(CONFIG, site.fetchJson, LIMITS)).rejects.toThrow(problem);
  });

  it("propagates a failed listing request", async () => {
    await expect(fetchGreenhouseBoard(CONFIG, board({}).fetchJson, LIMITS)).rejects.toThrow(/^404 /);
  });

  it("builds the listing URL on the default host, encoding the token", () => {
    expect(greenhouseBoardUrl({ provider: "greenhouse", token: "acme/../x", baseUrl: null })).toBe(
      `${GREENHOUSE_BASE_URL}/v1/boards/acme%2F..%2Fx/jobs?content=true`,
    );
  });
});
