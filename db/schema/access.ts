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
    status: text("status").notNull().default("requested"),
    creditsHeld: integer("credits_held").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("access_requests_org_status_idx").on(t.orgId, t.status),
    index("access_requests_candidate_idx").on(t.candidateId, t.status),
    uniqueIndex("access_requests_one_open_key")
      .on(t.orgId, t.candidateId)
      .where(sql`${t.status} in ('requested', 'approved')`),
    check("access_requests_status", sql.raw(`status in ${sqlList(ACCESS_STATUS)}`)),
    check("access_requests_credits", sql`${t.creditsHeld} > 0`),
  ],
);

/** Append-only record of every credit movement; `organisations.credit_balance` is its running total. */
export const creditLedger = pgTable(
  "credit_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    delta: integer("delta").notNull(),
    balanceAfter: integer("balance_after").notNull(),
    accessRequestId: uuid("access_request_id").references(() => accessRequests.id, { onDelete: "set null" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("credit_ledger_org_time_idx").on(t.orgId, t.createdAt),
    check("credit_ledger_kind", sql.raw(`kind in ${sqlList(LEDGER_KINDS)}`)),
    check("credit_ledger_balance", sql`${t.balanceAfter} >= 0`),
  ],
);
