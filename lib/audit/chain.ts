// How an audit entry is hashed: a canonical serialisation (sorted keys, timestamps as fixed UTC text)
// chained to the previous entry's hash. The same function appends and verifies.
import { createHash } from "node:crypto";

export const GENESIS = "0".repeat(64);
export const PLATFORM_CHAIN = "platform";

/** The chain an entry belongs to: its organisation's, or the platform's. */
export const chainOf = (orgId: string | null) => orgId ?? PLATFORM_CHAIN;

/** JSON with object keys sorted at every depth and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The stored form of an entry, as the hash sees it. `createdAt` is always `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
export type HashedFields = {
  orgId: string | null;
  actorUserId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
};

export function entryBody(fields: HashedFields): string {
  return canonicalJson({
    orgId: fields.orgId,
    actorUserId: fields.actorUserId,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    detail: fields.detail,
    createdAt: fields.createdAt,
  });
}

/** sha256(prev ‖ "\n" ‖ body), hex: what PostgreSQL's `sha256(convert_to(prev || chr(10) || body, 'UTF8'))` gives. */
export function entryHash(prevHash: string, body: string): string {
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

/** The SQL expression that renders a timestamptz column in the hashed format, whatever the session's TimeZone. */
export const UTC_TEXT_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
