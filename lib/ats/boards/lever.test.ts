import { describe, expect, it } from "vitest";
import { fetchLeverBoard, LEVER_BASE_URL, leverPageUrl } from "@/lib/ats/boards/lever";
import type { BoardConfig } from "@/lib/ats/normalized-job";
import { fixtureJson } from "@/lib/testing/fixtures";

const posting = fixtureJson<Record<string, unknown>>("lever-postings_api_v0-posting.RECONSTRUCTED.json");

const CONFIG: BoardConfig = { provider: "lever", token: "example", baseUrl: "http://127.0.0.1:4010/" };
const LIMITS = { maxPages: 20, maxJobs: 2000 };

/** A fake Lever site with `total` postings that honours skip and limit, recording the URLs asked for. */
function leverSite(postings: unknown[]) {
  const urls: string[] = [];
  const fetchJson = async (url: string) => {
    urls.push(url);
    const params = new URL(url).searchParams;
    const skip = Number(params.get("skip"));
    return postings.slice(skip, skip + Number(params.get("limit")));
  };
  return { urls, fetchJson };
}

const many = (total: number) => Array.from({ length: total }, (_, i) => ({ ...posting, id: `posting-${i}` }));

async function onlyJob(changes: Record<string, unknown>) {
  const { jobs } = await fetchLeverBoard(CONFIG, leverSite([{ ...posting, ...changes }]).fetchJson, LIMITS);
  const [job] = jobs;
  if (!job) throw new Error("no job");
  return job;
}

describe("Lever board", () => {
  it("maps the documented posting", async () => {
    const site = leverSite([posting]);
    const page = await fetchLeverBoard(CONFIG, site.fetchJson, LIMITS);
    expect(page).toEqual({
      pagesFetched: 1,
      jobs: [
        {
          externalId: "f2f01e16-27f8-4711-a728-7d49499795a0",
          title: "Infrastructure Engineer",
          descriptionHtml:
            "<div>Opening paragraph</div><div>Body</div><h3>Requirements</h3><ul><li>Quick learner</li></ul>",
          department: "Engineering",
          location: { label: "San Francisco", city: "San Francisco", region: null, country: "US" },
          workplace: "onsite",
          employmentType: "full_time",
          salary: { min: 40000, max: 60000, currency: "USD", period: "year" },
          status: "open",
          applyUrl: "https://jobs.lever.co/example/f2f01e16-27f8-4711-a728-7d49499795a0",
        },
      ],
    });
    expect(site.urls).toEqual(["http://127.0.0.1:4010/v0/postings/example?mode=json&skip=0&limit=100"]);
  });

  it("follows pagination: 250 postings in three pages", async () => {
    const site = leverSite(many(250));
    const page = await fetchLeverBoard(CONFIG, site.fetchJson, LIMITS);
    expect(page.pagesFetched).toBe(3);
    expect(page.jobs).toHaveLength(250);
    expect(new Set(page.jobs.map((job) => job.externalId)).size).toBe(250);
    expect(site.urls.map((url) => new URL(url).searchParams.get("skip"))).toEqual(["0", "100", "200"]);
  });

  it("asks once more after a full last page", async () => {
    const page = await fetchLeverBoard(CONFIG, leverSite(many(200)).fetchJson, LIMITS);
    expect(page).toMatchObject({ pagesFetched: 3 });
    expect(page.jobs).toHaveLength(200);
  });

  it("fails past the page limit", async () => {
    await expect(fetchLeverBoard(CONFIG, leverSite(many(250)).fetchJson, { ...LIMITS, maxPages: 2 })).rejects.toThrow(
      "Lever board has more than 2 pages (maxPages)",
    );
  });

  it("fails past the job limit", async () => {
    await expect(fetchLeverBoard(CONFIG, leverSite(many(250)).fetchJson, { ...LIMITS, maxJobs: 150 })).rejects.toThrow(
      "Lever board lists more than 150 jobs (maxJobs)",
    );
  });

  it("stops a site that ignores skip at the limits instead of looping forever", async () => {
    const fetchJson = async () => many(100);
    await expect(fetchLeverBoard(CONFIG, fetchJson, LIMITS)).rejects.toThrow(/maxPages/);
  });

  it.each([
    [{ categories: { commitment: "Part-time" } }, { employmentType: "part_time" }],
    [{ categories: { commitment: "Internship" } }, { employmentType: "internship" }],
    [{ categories: { commitment: "Contract" } }, { employmentType: "contract" }],
    [{ categories: { commitment: "Temporary" } }, { employmentType: "temporary" }],
    [
      { categories: { team: "Platform" } },
      {
        department: "Platform",
        employmentType: null,
        location: { label: null, city: null, region: null, country: "US" },
      },
    ],
    [
      { categories: {}, country: null },
      { department: null, location: null, workplace: "onsite" },
    ],
    [{ categories: { location: "Berlin" }, country: "DE" }, { location: { city: "Berlin", country: "DE" } }],
    [{ workplaceType: "onsite" }, { workplace: "onsite" }],
    [{ workplaceType: "remote" }, { workplace: "remote" }],
    [{ workplaceType: "hybrid" }, { workplace: "hybrid" }],
    [{ workplaceType: "unspecified" }, { workplace: null }],
    [{ workplaceType: "unspecified", categories: { location: "Remote" } }, { workplace: "remote" }],
    [
      { salaryRange: { currency: "eur", interval: "per-month-salary", min: 4000, max: 5000 } },
      { salary: { period: "month", currency: "EUR" } },
    ],
    [
      { salaryRange: { currency: "USD", interval: "per-hour-wage", min: 30, max: 45 } },
      { salary: { period: "hour", min: 30, max: 45 } },
    ],
    [
      { salaryRange: { currency: "USD", interval: "per-week-salary", min: 1, max: 2 } },
      { salary: { period: "per-week-salary" } },
    ],
    [{ salaryRange: undefined }, { salary: null }],
    [{ salaryRange: { currency: "USD", interval: "per-year-salary", min: 1 } }, { salary: null }],
    [
      { lists: [{ text: "R&D <skills>", content: "<li>x</li>" }], description: "<p>d</p>", additional: "<p>a</p>" },
      { descriptionHtml: "<p>d</p><h3>R&amp;D &lt;skills&gt;</h3><ul><li>x</li></ul><p>a</p>" },
    ],
    [{ hostedUrl: "javascript:alert(1)" }, { applyUrl: null }],
  ])("maps %j", async (changes, expected) => {
    expect(await onlyJob(changes)).toMatchObject(expected);
  });

  it.each([
    [[{ ...posting, text: 5 }], /0\.text/],
    [[{ ...posting, id: undefined }], /0\.id/],
    [{ postings: [] }, /\(root\)/],
  ])("refuses a malformed response %#", async (response, problem) => {
    const fetchJson = async () => response;
    const failure = fetchLeverBoard(CONFIG, fetchJson, LIMITS);
    await expect(failure).rejects.toThrow(/^Lever postings response is malformed: /);
    await expect(fetchLeverBoard(CONFIG, fetchJson, LIMITS)).rejects.toThrow(problem);
  });

  it("builds page URLs on the default host, encoding the site", () => {
    expect(leverPageUrl({ provider: "lever", token: "a b/c", baseUrl: null }, 200)).toBe(
      `${LEVER_BASE_URL}/v0/postings/a%20b%2Fc?mode=json&skip=200&limit=100`,
    );
  });
});
