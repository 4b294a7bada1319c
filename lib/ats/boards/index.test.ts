import { describe, expect, it } from "vitest";
import { boardUrl, DEFAULT_BOARD_BASE_URLS, DEFAULT_BOARD_LIMITS, fetchBoardJobs } from "@/lib/ats/boards";
import type { BoardProvider } from "@/lib/ats/normalized-job";

const config = (provider: BoardProvider, baseUrl: string | null = null) => ({ provider, token: "acme", baseUrl });

describe("board dispatch", () => {
  it("uses each provider's public host by default", () => {
    expect(DEFAULT_BOARD_BASE_URLS).toEqual({
      greenhouse: "https://boards-api.greenhouse.io",
      lever: "https://api.lever.co",
      ashby: "https://api.ashbyhq.com",
    });
    expect(boardUrl(config("greenhouse"))).toBe("https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true");
    expect(boardUrl(config("lever"))).toBe("https://api.lever.co/v0/postings/acme?mode=json&skip=0&limit=100");
    expect(boardUrl(config("ashby"))).toBe(
      "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true",
    );
  });

  it("uses a configured base URL without its trailing slash", () => {
    expect(boardUrl(config("ashby", "http://localhost:9000/"))).toBe(
      "http://localhost:9000/posting-api/job-board/acme?includeCompensation=true",
    );
  });

  it.each([
    ["greenhouse", { jobs: [] }],
    ["lever", []],
    ["ashby", { jobs: [] }],
  ] as const)("dispatches %s to its parser", async (provider, empty) => {
    const urls: string[] = [];
    const page = await fetchBoardJobs(config(provider), async (url) => {
      urls.push(url);
      return empty;
    });
    expect(page).toEqual({ jobs: [], pagesFetched: 1 });
    expect(urls).toEqual([boardUrl(config(provider))]);
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
