import { describe, expect, it } from "vitest";
import { ASHBY_BASE_URL, ashbyBoardUrl, fetchAshbyBoard } from "@/lib/ats/boards/ashby";
import type { BoardConfig } from "@/lib/ats/normalized-job";
import { fixtureJson } from "@/lib/testing/fixtures";

const boardJson = fixtureJson<{ jobs: Record<string, unknown>[] }>("ashby-posting_api-job_board.json");
const [documented] = boardJson.jobs;

const CONFIG: BoardConfig = { provider: "ashby", token: "example", baseUrl: "http://127.0.0.1:4030//" };
const LIMITS = { maxPages: 20, maxJobs: 2000 };

function serving(response: unknown) {
  const urls: string[] = [];
  const fetchJson = async (url: string) => {
    urls.push(url);
    return response;
  };
  return { urls, fetchJson };
}

async function onlyJob(changes: Record<string, unknown>) {
  const { jobs } = await fetchAshbyBoard(CONFIG, serving({ jobs: [{ ...documented, ...changes }] }).fetchJson, LIMITS);
  const [job] = jobs;
  if (!job) throw new Error("no job");
  return job;
}

describe("Ashby board", () => {
  it("maps the documented board", async () => {
    const site = serving(boardJson);
    expect(await fetchAshbyBoard(CONFIG, site.fetchJson, LIMITS)).toEqual({
      pagesFetched: 1,
      jobs: [
        {
          externalId: "example_job",
          title: "Product Manager",
          descriptionHtml: "<p>Join our team</p>",
          department: "Product",
          location: { label: "Houston, TX", city: "Houston", region: "Texas", country: "US" },
          workplace: "remote",
          employmentType: "full_time",
          salary: { min: 81000, max: 87000, currency: "USD", period: "year" },
          status: "open",
          applyUrl: "https://jobs.ashbyhq.com/example_job",
        },
      ],
    });
    expect(site.urls).toEqual(["http://127.0.0.1:4030/posting-api/job-board/example?includeCompensation=true"]);
  });

  it("skips unlisted postings", async () => {
    const site = serving({ jobs: [documented, { ...documented, id: "hidden", isListed: false }] });
    const page = await fetchAshbyBoard(CONFIG, site.fetchJson, LIMITS);
    expect(page.jobs.map((job) => job.externalId)).toEqual(["example_job"]);
  });

  it.each([
    [{ id: "5d1c0c7e-posting" }, { externalId: "5d1c0c7e-posting" }],
    [{ jobUrl: "https://jobs.ashbyhq.com/acme/0f1e2d3c/?utm=x" }, { externalId: "0f1e2d3c" }],
    [{ isRemote: false }, { workplace: null }],
    [{ isRemote: false, workplaceType: "Hybrid" }, { workplace: "hybrid" }],
    [{ isRemote: false, workplaceType: "OnSite" }, { workplace: "onsite" }],
    [
      { isRemote: null, location: "Remote (Canada)", address: null },
      { workplace: "remote", location: { country: "CA" } },
    ],
    [{ employmentType: "PartTime" }, { employmentType: "part_time" }],
    [{ employmentType: "Intern" }, { employmentType: "internship" }],
    [{ employmentType: "Contract" }, { employmentType: "contract" }],
    [{ employmentType: "Temporary" }, { employmentType: "temporary" }],
    [{ compensation: undefined }, { salary: null }],
    [{ compensation: { compensationTiers: [{ components: [] }] } }, { salary: null }],
    [
      {
        compensation: {
          compensationTiers: [
            {
              components: [
                { compensationType: "Salary", interval: "1 HOUR", currencyCode: "eur", minValue: 20, maxValue: 30 },
              ],
            },
          ],
        },
      },
      { salary: { min: 20, max: 30, currency: "EUR", period: "hour" } },
    ],
    [
      {
        compensation: {
          compensationTiers: [
            {
              components: [
                { compensationType: "Salary", interval: "1 WEEK", currencyCode: "USD", minValue: 1, maxValue: 2 },
              ],
            },
          ],
        },
      },
      { salary: { period: "1 WEEK" } },
    ],
    [
      { address: { postalAddress: { addressLocality: "Berlin", addressCountry: "Deutschland" } }, location: "Berlin" },
      { location: { label: "Berlin", city: "Berlin", region: null, country: "DE" } },
    ],
    [{ descriptionHtml: null, department: null }, { department: null }],
  ])("maps %j", async (changes, expected) => {
    expect(await onlyJob(changes)).toMatchObject(expected);
  });

  it("fails past the job limit", async () => {
    const jobs = [documented, { ...documented, id: "b" }, { ...documented, id: "c", isListed: false }];
    const site = serving({ jobs });
    await expect(fetchAshbyBoard(CONFIG, site.fetchJson, { ...LIMITS, maxJobs: 2 })).resolves.toMatchObject({
      pagesFetched: 1,
    });
    await expect(fetchAshbyBoard(CONFIG, site.fetchJson, { ...LIMITS, maxJobs: 1 })).rejects.toThrow(
      "Ashby board lists more than 1 jobs (maxJobs)",
    );
  });

  it.each([
    [{ jobs: [{ ...documented, title: 5 }] }, /jobs\.0\.title/],
    [{ jobs: [{ ...documented, jobUrl: "not a url" }] }, /jobs\.0\.id: has neither an id nor a job URL/],
    [
      { jobs: [{ ...documented, compensation: { compensationTiers: [{ components: [{ minValue: 1 }] }] } }] },
      /compensationType/,
    ],
    [{ apiVersion: "1" }, /jobs: /],
  ])("refuses a malformed board %#", async (response, problem) => {
    const { fetchJson } = serving(response);
    await expect(fetchAshbyBoard(CONFIG, fetchJson, LIMITS)).rejects.toThrow(
      /^Ashby job board response is malformed: /,
    );
    await expect(fetchAshbyBoard(CONFIG, fetchJson, LIMITS)).rejects.toThrow(problem);
  });

  it("builds the board URL on the default host, encoding the name", () => {
    expect(ashbyBoardUrl({ provider: "ashby", token: "Acme Inc?", baseUrl: null })).toBe(
      `${ASHBY_BASE_URL}/posting-api/job-board/Acme%20Inc%3F?includeCompensation=true`,
    );
  });
});
