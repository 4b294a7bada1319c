import "server-only";
import { ASHBY_BASE_URL, ashbyBoardUrl, fetchAshbyBoard } from "@/lib/ats/boards/ashby";
import { fetchGreenhouseBoard, GREENHOUSE_BASE_URL, greenhouseBoardUrl } from "@/lib/ats/boards/greenhouse";
import { fetchLeverBoard, LEVER_BASE_URL, leverPageUrl } from "@/lib/ats/boards/lever";
// Pull sync: fetches a provider's public job board and maps its listed jobs, within limits.
import type { BoardConfig, BoardPage, BoardProvider, FetchJson } from "@/lib/ats/normalized-job";

/** Listing pages fetched and jobs listed; past either, the sync fails rather than pulling without end. */
export type BoardLimits = { maxPages: number; maxJobs: number };

export const DEFAULT_BOARD_LIMITS: BoardLimits = { maxPages: 20, maxJobs: 2000 };

export const DEFAULT_BOARD_BASE_URLS: Record<BoardProvider, string> = {
  greenhouse: GREENHOUSE_BASE_URL,
  lever: LEVER_BASE_URL,
  ashby: ASHBY_BASE_URL,
};

/** The board's listing URL (for Lever, its first page). */
export function boardUrl(config: BoardConfig): string {
  switch (config.provider) {
    case "greenhouse":
      return greenhouseBoardUrl(config);
    case "lever":
      return leverPageUrl(config, 0);
    case "ashby":
      return ashbyBoardUrl(config);
  }
}

const FETCHERS = { greenhouse: fetchGreenhouseBoard, lever: fetchLeverBoard, ashby: fetchAshbyBoard };

/** Every job the board lists, as open jobs; throws on a malformed response or when a limit is exceeded. */
export function fetchBoardJobs(
  config: BoardConfig,
  fetchJson: FetchJson,
  limits: Partial<BoardLimits> = {},
): Promise<BoardPage> {
  return FETCHERS[config.provider](config, fetchJson, {
    maxPages: limits.maxPages ?? DEFAULT_BOARD_LIMITS.maxPages,
    maxJobs: limits.maxJobs ?? DEFAULT_BOARD_LIMITS.maxJobs,
  });
}
