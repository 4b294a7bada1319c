// Typed error codes: logged with context on the server, shown to people as plain sentences.
export const ERROR_MESSAGES = {
  unauthenticated: "Please sign in to continue.",
  invalid_credentials: "That email and password don't match an account we can sign in.",
  not_found: "We couldn't find that.",
  forbidden: "You don't have permission to do that.",
  org_suspended:
    "Your organisation is suspended. Only the audit log is available until trust & safety lifts the suspension.",
  invalid_input: "Some fields need your attention.",
  conflict: "Someone else changed this at the same time. Reload and try again.",
  rate_limited: "Too many attempts. Please wait a moment and try again.",
  database_unavailable: "The service is temporarily unavailable. Please try again shortly.",
  target_refused: "That address can't be used: it must be a public https address.",
  upstream_failed: "The other system didn't answer as expected.",
  insufficient_credits:
    "Your organisation has no credits left to hold for this request. An owner can see the balance under Credits.",
  daily_cap_reached: "Your organisation has sent as many access requests as it may today. Please try again tomorrow.",
  already_requested: "Your organisation already has an open access request for this candidate.",
  request_closed: "This request can't be changed any more: it has already been decided, has expired or was closed.",
  internal: "Something went wrong on our side. It has been logged; please try again.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The connection to the database is gone (or never came): nothing more can be sent on it. */
const CONNECTION_LOST_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

const UNAVAILABLE_CODES = new Set([
  ...CONNECTION_LOST_CODES,
  "53300",
  // Transient: the same request will very likely succeed when retried.
  "40001",
  "40P01",
  "55P03",
  "57014",
]);

function hasCode(error: unknown, codes: ReadonlySet<string>): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && codes.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const isConnectionLost = (error: unknown) => hasCode(error, CONNECTION_LOST_CODES);

/** True when the database can't be reached or asked for a retry (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return hasCode(error, UNAVAILABLE_CODES);
}
