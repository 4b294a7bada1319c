// Jobs received from an ATS, their posting-rule results and their history.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { atsConnections, inboundEvents, syncRuns } from "./ats";
import { EMPLOYMENT_TYPES, JOB_STATUS, SALARY_PERIODS, sqlList, WORKPLACES } from "./enums";
import { brands, organisations, users } from "./organisations";

export type StoredViolation = { code: string; message: string; outcome: "reject" | "needs_info" | "review" };

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => atsConnections.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    title: text("title").notNull().default(""),
    titleKey: text("title_key").notNull().default(""),
    descriptionHtml: text("description_html").notNull().default(""),
    descriptionHash: bigint("description_hash", { mode: "bigint" }),
    department: text("department"),
    brandName: text("brand_name"),
    brandId: uuid("brand_id").references(() => brands.id, { onDelete: "set null" }),
    clientName: text("client_name"),
    clientBrandId: uuid("client_brand_id").references(() => brands.id, { onDelete: "set null" }),
    locationLabel: text("location_label"),
    city: text("city"),
    region: text("region"),
    country: text("country"),
    workplace: text("workplace"),
    employmentType: text("employment_type"),
    salaryMin: numeric("salary_min", { precision: 16, scale: 2, mode: "number" }),
    salaryMax: numeric("salary_max", { precision: 16, scale: 2, mode: "number" }),
    salaryCurrency: text("salary_currency"),
    salaryPeriod: text("salary_period"),
    salarySource: text("salary_source"),
    applyUrl: text("apply_url"),
    atsStatus: text("ats_status").notNull(),
    status: text("status").notNull(),
    violations: jsonb("violations").$type<StoredViolation[]>().notNull().default([]),
    locationKey: text("location_key").notNull().default(""),
    fingerprint: text("fingerprint").notNull(),
    reopenCount: integer("reopen_count").notNull().default(0),
    atsUpdatedAt: timestamp("ats_updated_at", { withTimezone: true }),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Last time a pull sync saw the job on the ATS's public board; a job seen there once and then gone is closed. */
    boardSeenAt: timestamp("board_seen_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_connection_external_key").on(t.connectionId, t.externalId),
    index("jobs_org_status_idx").on(t.orgId, t.status),
    index("jobs_org_title_active_idx").on(t.orgId, t.titleKey).where(sql`${t.status} = 'active'`),
    index("jobs_fingerprint_idx").on(t.fingerprint, t.orgId),
    check("jobs_status", sql.raw(`status in ${sqlList(JOB_STATUS)}`)),
    check("jobs_ats_status", sql`${t.atsStatus} in ('open', 'closed')`),
    check("jobs_workplace", sql.raw(`workplace is null or workplace in ${sqlList(WORKPLACES)}`)),
    check(
      "jobs_employment_type",
      sql.raw(`employment_type is null or employment_type in ${sqlList(EMPLOYMENT_TYPES)}`),
    ),
    check("jobs_salary_period", sql.raw(`salary_period is null or salary_period in ${sqlList(SALARY_PERIODS)}`)),
    check(
      "jobs_salary_source",
      sql`${t.salarySource} is null or ${t.salarySource} in ('ats', 'board', 'recruiter', 'trust_safety')`,
    ),
    check("jobs_country", sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

/** A job's history: what arrived, what the rules said, who completed what. */
export const jobEvents = pgTable(
  "job_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    source: text("source").notNull(),
    inboundEventId: uuid("inbound_event_id").references(() => inboundEvents.id, { onDelete: "set null" }),
    syncRunId: uuid("sync_run_id").references(() => syncRuns.id, { onDelete: "set null" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    violations: jsonb("violations").$type<StoredViolation[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("job_events_job_time_idx").on(t.jobId, t.createdAt),
    index("job_events_time_idx").on(t.createdAt),
    check("job_events_kind", sql`${t.kind} in ('received', 'updated', 'closed', 'reopened', 'completed', 'moderated')`),
    check("job_events_source", sql`${t.source} in ('webhook', 'sync', 'portal', 'trust_safety')`),
  ],
);
