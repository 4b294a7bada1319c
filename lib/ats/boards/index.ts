import "server-only";
// Pull sync: fetches a provider's public job board and maps its listed jobs, within limits.
import { fetchAshbyBoard } from "@/lib/ats/boards/ashby";
import { fetchGreenhouseBoard } from "@/lib/ats/boards/greenhouse";
import { fetchLeverBoard } from "@/lib/ats/boards/lever";
import type { BoardConfig, BoardPage, FetchJson } from "@/lib/ats/normalized-job";

/** Listing pages fetched and jobs listed; past either, the sync fails rather than pulling without end. */
export type BoardLimits = { maxPages: number; maxJobs: number };

export const DEFAULT_BOARD_LIMITS: BoardLimits = { maxPages: 20, maxJobs: 2000 };

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

export { BoardError } from "@/lib/ats/mapping";
