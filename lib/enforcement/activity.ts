// Signals fed by other capabilities as things happen: per-recruiter browsing and request rates
// (bulk Snapshot harvesting) and messages that try to move contact out of the portal.
import "server-only";
import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { hit } from "@/lib/rate-limit";
import { ABUSE_SIGNALS, type ActivityKind } from "./config";
import { dayOf, raiseFlag } from "./flags";

export type { ActivityKind };
export type ActivityResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const ACTIVITY_WORDS: Record<ActivityKind, string> = {
  snapshot_view: "Snapshot views",
  profile_view: "profile views",
  access_request: "access requests",
};

/**
 * Counts one Snapshot view, profile view or access request by a recruiter. Above the hourly threshold
 * it answers `allowed: false` (refuse the request with `rate_limited`) and, the first time in that
 * hour, flags the recruiter and audits the throttling. Call it with the root database, or in a
 * transaction that commits even when you refuse, so the flag stays.
 */
export async function recordActivity(
  db: Database,
  input: { kind: ActivityKind; orgId: string; userId: string },
  now = new Date(),
): Promise<ActivityResult> {
  const { windowSeconds, perRecruiter } = ABUSE_SIGNALS.harvesting;
  const limit = perRecruiter[input.kind];
  return db.transaction(async (tx) => {
    const state = await hit(tx, { key: `activity:${input.kind}:${input.userId}`, limit, windowSeconds }, now);
    if (state.allowed) return { allowed: true } as const;
    if (state.count === limit + 1) {
      const hour = now.toISOString().slice(0, 13);
      const detail = { kind: input.kind, count: state.count, threshold: limit, windowSeconds };
      await raiseFlag(tx, {
        kind: "snapshot_harvesting",
        source: "signal",
        orgId: input.orgId,
        subjectType: "user",
        subjectId: input.userId,
        summary: `More than ${limit} ${ACTIVITY_WORDS[input.kind]} by one recruiter within an hour.`,
        evidence: detail,
        dedupeKey: `snapshot_harvesting:${input.userId}:${input.kind}:${hour}`,
      });
      await recordAudit(tx, {
        orgId: input.orgId,
        actorUserId: null,
        action: "enforcement.throttled",
        targetType: "user",
        targetId: input.userId,
        detail: { ...detail, reason: `Over ${limit} ${ACTIVITY_WORDS[input.kind]} in an hour.` },
      });
    }
    return { allowed: false, retryAfterSeconds: state.retryAfterSeconds } as const;
  });
}

const OFF_PORTAL_PATTERNS: [reason: string, pattern: RegExp][] = [
  ["email address", /[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[a-z0-9-]+(?:\.[a-z0-9-]+)*\s*(?:\.|\(dot\))\s*[a-z]{2,}/i],
  ["phone number", /(?:\+\d|(?<![\d-])0\d)(?:[\s().-]*\d){6,}|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/],
  ["link", /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./i],
  ["messaging app", /\b(?:whats\s?app|telegram|wechat|skype|viber|discord|signal\s+me)\b/i],
  [
    "request to talk elsewhere",
    /\b(?:call|text|email|e-mail|ring|ping)\s+me\b|\breach\s+me\s+(?:at|on)\b|\b(?:outside|off)\s+(?:of\s+)?(?:the\s+)?(?:portal|wigiwork|platform)\b/i,
  ],
];

/** Why a message looks like it moves contact out of the portal (empty when it doesn't). Pure. */
export function offPortalReasons(text: string): string[] {
  return OFF_PORTAL_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([reason]) => reason);
}

/**
 * For messages (access): call in the transaction that stores a message an organisation's member
 * sends. A message that tries to move contact out of the portal flags the sender (one flag per day,
 * counting repeats); the evidence names the patterns, never the text.
 */
export async function screenMessage(
  tx: Database,
  input: { orgId: string; userId: string; messageId?: string; text: string },
  now = new Date(),
): Promise<{ reasons: string[] }> {
  const reasons = offPortalReasons(input.text);
  if (reasons.length === 0) return { reasons };
  await raiseFlag(tx, {
    kind: "off_portal_contact",
    source: "signal",
    orgId: input.orgId,
    subjectType: input.messageId ? "message" : "user",
    subjectId: input.messageId ?? input.userId,
    summary: `A message tries to move contact out of the portal (${reasons.join(", ")}).`,
    evidence: { reasons, userId: input.userId, messageId: input.messageId ?? null },
    dedupeKey: `off_portal_contact:${input.userId}:${dayOf(now)}`,
  });
  return { reasons };
}
