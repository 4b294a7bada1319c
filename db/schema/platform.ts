// Platform-wide tables: the hash-chained audit log, its chain heads, and rate-limit counters.
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./organisations";

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Each row's hash covers the previous
 * row's hash in the same chain: one chain per organisation, one (org_id null) for the platform.
 * Entries outlive what they name, so the references don't cascade.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid("org_id").references(() => organisations.id),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_org_idx").on(t.orgId, t.id),
    index("audit_log_org_action_idx").on(t.orgId, t.action, t.id),
    index("audit_log_org_actor_idx").on(t.orgId, t.actorUserId, t.id),
    // A candidate's own view of who saw their identity reads the log by target.
    index("audit_log_target_idx").on(t.targetType, t.targetId, t.id),
  ],
);

/**
 * The newest entry of each chain ("platform" or the organisation's id): appending locks this row, so
 * a chain never forks, and reads its hash in the same statement. Verification never trusts it.
 */
export const auditHeads = pgTable("audit_heads", {
  chain: text("chain").primaryKey(),
  entries: bigint("entries", { mode: "number" }).notNull(),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
});

/** Fixed-window counters shared by every server replica (sign-in throttling, inbound rate limits). */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_counters_window_idx").on(t.windowStart)],
);
