// Plain words for Access Request states, credit movements and dates, shared by the employer's and
// the candidate's pages.
import type { Tone } from "@/components/ui/badge";
import type { AccessStatus } from "@/db/schema/enums";

export const ACCESS_STATUS_LABELS: Record<AccessStatus, string> = {
  requested: "Waiting for the candidate",
  approved: "Approved",
  declined: "Declined",
  expired: "Expired unanswered",
  cancelled: "Cancelled",
  revoked: "Revoked by the candidate",
  lapsed: "Access ended",
};

/** The same states as the candidate reads them. */
export const CANDIDATE_STATUS_LABELS: Record<AccessStatus, string> = {
  requested: "Waiting for your answer",
  approved: "You approved",
  declined: "You declined",
  expired: "Expired unanswered",
  cancelled: "Withdrawn by the company",
  revoked: "You revoked access",
  lapsed: "Access ended (term over)",
};

export const ACCESS_STATUS_TONES: Record<AccessStatus, Tone> = {
  requested: "info",
  approved: "good",
  declined: "bad",
  expired: "neutral",
  cancelled: "neutral",
  revoked: "warn",
  lapsed: "neutral",
};

export const LEDGER_KIND_LABELS: Record<string, string> = {
  grant: "Credits added",
  hold: "Held for a request",
  capture: "Spent on an approval",
  release: "Returned",
  adjustment: "Adjustment",
};

/** One line of a request's history: "<who> <did what>". */
export const HISTORY_LABELS: Record<AccessStatus, string> = {
  requested: "sent the request",
  approved: "approved",
  declined: "declined",
  expired: "expired it: no answer in time",
  cancelled: "cancelled the request",
  revoked: "revoked access",
  lapsed: "ended access: its term was over",
};

export const ACTOR_LABELS = { organisation: "Your team", candidate: "The candidate", system: "Wigiwork" } as const;

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export const formatDay = (d: Date | null) => (d ? DATE.format(d) : "—");
export const formatMoment = (d: Date | null) => (d ? `${DATE_TIME.format(d)} UTC` : "—");

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
