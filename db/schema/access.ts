// Snapshots sent to employers, Access Requests on them, and the credit ledger that pays for access.
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { candidateProfiles } from "./candidates";
import { ACCESS_STATUS, LEDGER_KINDS, sqlList } from "./enums";
import { jobs } from "./jobs";
import { organisations, users } from "./organisations";

export const snapshots = pgTable(
  "snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidateProfiles.id, { onDelete: "cascade" }),
    candidateRef: text("candidate_ref").notNull(),
    matchScore: integer("match_score").notNull(),
    fields: jsonb("fields").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("snapshots_job_candidate_key").on(t.jobId, t.candidateId),
    index("snapshots_org_time_idx").on(t.orgId, t.createdAt),
    check("snapshots_match_score", sql`${t.matchScore} between 0 and 100`),
  ],
);

/**
 * An organisation asking a candidate to see who they are. `requested` → approved | declined | expired |
 * cancelled; approved → revoked | lapsed. At most one open (requested or approved) per organisation and
 * candidate; `idempotencyKey` makes a repeated submit the same request.
 */
export const accessRequests = pgTable(
  "access_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => snapshots.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidateProfiles.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status").notNull().default("requested"),
    /** The employer's note to the candidate; contact details are refused before it is stored. */
    message: text("message"),
    creditsHeld: integer("credits_held").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** A pending request expires at this time. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** An approved access lapses at this time. */
    accessUntil: timestamp("access_until", { withTimezone: true }),
    /** When the request or the access ended (declined, expired, cancelled, revoked, lapsed). */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("access_requests_org_status_idx").on(t.orgId, t.status),
    index("access_requests_org_time_idx").on(t.orgId, t.createdAt),
    index("access_requests_candidate_idx").on(t.candidateId, t.status),
    index("access_requests_snapshot_idx").on(t.snapshotId),
    index("access_requests_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'requested'`),
    index("access_requests_lapse_idx").on(t.accessUntil).where(sql`${t.status} = 'approved'`),
    uniqueIndex("access_requests_idempotency_key").on(t.orgId, t.idempotencyKey),
    uniqueIndex("access_requests_one_open_key")
      .on(t.orgId, t.candidateId)
      .where(sql`${t.status} in ('requested', 'approved')`),
    check("access_requests_status", sql.raw(`status in ${sqlList(ACCESS_STATUS)}`)),
    check("access_requests_credits", sql`${t.creditsHeld} > 0`),
    check("access_requests_message", sql`${t.message} is null or length(${t.message}) <= 1000`),
    check("access_requests_approved", sql`${t.status} <> 'approved' or ${t.accessUntil} is not null`),
  ],
);

/**
 * Append-only record of every credit movement, each under an idempotency key. `balanceAfter` and
 * `heldAfter` are `organisations.credit_balance` and `credits_held` after it: a hold moves credits
 * from the balance to held, a capture spends held credits, a release returns them to the balance.
 */
export const creditLedger = pgTable(
  "credit_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    delta: integer("delta").notNull(),
    heldDelta: integer("held_delta").notNull().default(0),
    balanceAfter: integer("balance_after").notNull(),
    heldAfter: integer("held_after").notNull().default(0),
    accessRequestId: uuid("access_request_id").references(() => accessRequests.id, { onDelete: "set null" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("credit_ledger_org_time_idx").on(t.orgId, t.createdAt),
    uniqueIndex("credit_ledger_idempotency_key").on(t.orgId, t.idempotencyKey),
    check("credit_ledger_kind", sql.raw(`kind in ${sqlList(LEDGER_KINDS)}`)),
    check("credit_ledger_balance", sql`${t.balanceAfter} >= 0 and ${t.heldAfter} >= 0`),
  ],
);
