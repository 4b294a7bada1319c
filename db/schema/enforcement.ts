// Trust & safety: flags to review, identifiers of banned organisations, and moderation of jobs.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { FLAG_KINDS, FLAG_SOURCES, FLAG_STATUS, FLAG_SUBJECTS, IDENTIFIER_KINDS, sqlList } from "./enums";
import { jobs } from "./jobs";
import { organisations, users } from "./organisations";

/**
 * Something for trust & safety to look at: raised by an abuse signal or reported by a user. A signal
 * names its flag with `dedupeKey` (kind, subject, day), so evaluating again counts an occurrence
 * instead of raising a second flag, and a dismissed flag stays dismissed for that day.
 */
export const flags = pgTable(
  "flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    source: text("source").notNull(),
    status: text("status").notNull().default("open"),
    orgId: uuid("org_id").references(() => organisations.id, { onDelete: "cascade" }),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    /** A sentence the system wrote: what was seen. */
    summary: text("summary").notNull(),
    /** The reporter's own words (reports only); shown to trust & safety only. */
    reason: text("reason"),
    evidence: jsonb("evidence").$type<Record<string, unknown>>().notNull().default({}),
    reportedBy: uuid("reported_by").references(() => users.id, { onDelete: "set null" }),
    dedupeKey: text("dedupe_key"),
    occurrences: integer("occurrences").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolution: text("resolution"),
  },
  (t) => [
    uniqueIndex("flags_dedupe_key").on(t.dedupeKey),
    index("flags_status_time_idx").on(t.status, t.createdAt),
    index("flags_org_idx").on(t.orgId, t.createdAt),
    check("flags_kind", sql.raw(`kind in ${sqlList(FLAG_KINDS)}`)),
    check("flags_source", sql.raw(`source in ${sqlList(FLAG_SOURCES)}`)),
    check("flags_status", sql.raw(`status in ${sqlList(FLAG_STATUS)}`)),
    check("flags_subject_type", sql.raw(`subject_type in ${sqlList(FLAG_SUBJECTS)}`)),
    check("flags_resolved", sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);

/** What identified a banned organisation (normalised values); a new organisation or connection reusing one is held. */
export const bannedIdentifiers = pgTable(
  "banned_identifiers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("banned_identifiers_kind_value_key").on(t.kind, t.value, t.orgId),
    index("banned_identifiers_org_idx").on(t.orgId),
    check("banned_identifiers_kind", sql.raw(`kind in ${sqlList(IDENTIFIER_KINDS)}`)),
  ],
);

/** Trust & safety's hand on a job (removed, kept from matching, adjusted): the standing restriction and the last note. */
export const jobModeration = pgTable("job_moderation", {
  jobId: uuid("job_id")
    .primaryKey()
    .references(() => jobs.id, { onDelete: "cascade" }),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  matchingRestricted: boolean("matching_restricted").notNull().default(false),
  /** The last action's note, shown to the organisation. */
  note: text("note").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
