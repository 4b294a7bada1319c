// Every threshold the posting rules use, in one place.
export const POSTING_RULES = {
  title: { minLength: 3 },
  /** "A real description": enough words to tell a candidate what the job is. */
  description: { minCharacters: 120, minWords: 20 },
  salary: {
    periods: ["year", "month", "hour"] as const,
    /** Plausible pay per period, in euro-equivalent (rough, for catching typos and placeholders). */
    plausibleEur: { year: [5_000, 1_000_000], month: [400, 85_000], hour: [3, 500] } as const,
    /** The top of a range may be at most this multiple of the bottom. */
    maxSpread: 2,
  },
  duplicate: {
    /** SimHash bits (of 64) two descriptions may differ by and still count as the same text. */
    maxDescriptionDistance: 8,
    /** Salary ranges whose midpoints differ by at most this fraction are in the same band. */
    sameBandTolerance: 0.1,
  },
  repost: {
    cooldownDays: 7,
    farmingWindowDays: 30,
    /** Closing the same job this many times within the window, then reopening it again, is farming. */
    farmingMaxClosures: 3,
  },
  /** Public job boards of the ATSs we know; the first path segment names the company's board. */
  atsBoards: [
    {
      provider: "greenhouse",
      hosts: ["boards.greenhouse.io", "job-boards.greenhouse.io", "job-boards.eu.greenhouse.io"],
    },
    { provider: "lever", hosts: ["jobs.lever.co", "jobs.eu.lever.co"] },
    { provider: "ashby", hosts: ["jobs.ashbyhq.com"] },
  ],
} as const;

/** Approximate euro value of one unit, for plausibility checks only (not for display or pay). */
export const EUR_PER_UNIT: Record<string, number> = {
  EUR: 1,
  USD: 0.92,
  GBP: 1.17,
  CHF: 1.05,
  CAD: 0.68,
  AUD: 0.61,
  NZD: 0.56,
  SEK: 0.088,
  NOK: 0.086,
  DKK: 0.134,
  PLN: 0.23,
  CZK: 0.04,
  HUF: 0.0025,
  RON: 0.2,
  INR: 0.011,
  JPY: 0.0062,
  SGD: 0.69,
  HKD: 0.12,
  CNY: 0.13,
  KRW: 0.00068,
  BRL: 0.17,
  MXN: 0.05,
  ARS: 0.001,
  COP: 0.00023,
  ZAR: 0.05,
  ILS: 0.25,
  AED: 0.25,
  TRY: 0.027,
  NGN: 0.0006,
  KES: 0.0071,
};
