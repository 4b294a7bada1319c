import { describe, expect, it } from "vitest";
import { DEFAULT_BOARD_LIMITS, fetchBoardJobs } from "@/lib/ats/boards";
import type { BoardProvider } from "@/lib/ats/normalized-job";

const config = (provider: BoardProvider, baseUrl: string | null = null) => ({ provider, token: "acme", baseUrl });

describe("board dispatch", () => {
  it.each([
    ["greenhouse", { jobs: [] }, null, "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"],
    ["lever", [], null, "https://api.lever.co/v0/postings/acme?mode=json&skip=0&limit=100"],
    ["ashby", { jobs: [] }, null, "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true"],
    [
      "ashby",
      { jobs: [] },
      "http://localhost:9000/",
      "http://localhost:9000/posting-api/job-board/acme?includeCompensation=true",
    ],
  ] as const)("dispatches %s to its parser and its board's address", async (provider, empty, baseUrl, expected) => {
    const urls: string[] = [];
    const page = await fetchBoardJobs(config(provider, baseUrl), async (url) => {
      urls.push(url);
      return empty;
    });
    expect(page).toEqual({ jobs: [], pagesFetched: 1 });
    expect(urls).toEqual([expected]);
  });

  it("applies the default limits, overridable one at a time", async () => {
    expect(DEFAULT_BOARD_LIMITS).toEqual({ maxPages: 20, maxJobs: 2000 });
    const fullPage = Array.from({ length: 100 }, (_, i) => ({
      id: `p${i}`,
      text: "Job",
      hostedUrl: "https://x.example",
    }));
    const endless = async () => fullPage;
    await expect(fetchBoardJobs(config("lever"), endless)).rejects.toThrow("Lever board has more than 20 pages");
    await expect(fetchBoardJobs(config("lever"), endless, { maxPages: 3 })).rejects.toThrow("more than 3 pages");
    const ashby = async () => ({ jobs: [{ id: "a", title: "A", jobUrl: "https://jobs.ashbyhq.com/acme/a" }] });
    await expect(fetchBoardJobs(config("ashby"), ashby, { maxJobs: 0 })).rejects.toThrow("more than 0 jobs");
  });
});
