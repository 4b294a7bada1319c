// Every abuse-signal threshold in one place. Counts are per organisation or per recruiter, over the
// window named beside them; a signal raises at most one flag per subject and day.
export const ABUSE_SIGNALS = {
  /** Jobs brought back after a takedown, or refused for it (`repost.*`), per organisation. */
  repostFarming: { windowHours: 24, minEvents: 5 },
  /** Jobs refused for a brand the organisation may not publish under (`brand.*`), per organisation. */
  foreignBrand: { windowHours: 24, minAttempts: 3 },
  /** Per recruiter and hour: above this they are throttled (the request is refused) and flagged. */
  harvesting: {
    windowSeconds: 3600,
    perRecruiter: { snapshot_view: 300, profile_view: 60, access_request: 40 },
  },
  /** Many access requests, few approved: decided requests per organisation over the window. */
  lowApproval: { windowDays: 30, minDecided: 20, maxApprovalRate: 0.1 },
  /** How often the background sweep evaluates the signals that read stored activity. */
  sweepMinutes: 5,
} as const;

export type ActivityKind = keyof typeof ABUSE_SIGNALS.harvesting.perRecruiter;

/** Mail providers anyone can sign up with: their domains never identify an organisation. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "mail.com",
  "yandex.ru",
  "qq.com",
  "163.com",
]);
