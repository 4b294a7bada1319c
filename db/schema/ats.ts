// ATS connections, their encrypted secrets, inbound deliveries and pull-sync runs.
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  ATS_PROVIDERS,
  CLIENT_SOURCES,
  CONNECTION_STATUS,
  DISABLED_BY,
  SECRET_PURPOSES,
  SYNC_STATUS,
  SYNC_TRIGGERS,
  sqlList,
} from "./enums";
import { brands, organisations, users } from "./organisations";

export const atsConnections = pgTable(
  "ats_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    provider: text("provider").notNull(),
    status: text("status").notNull().default("draft"),
    disabledBy: text("disabled_by"),
    disabledReason: text("disabled_reason"),
    brandId: uuid("brand_id").references(() => brands.id, { onDelete: "set null" }),
    clientSource: text("client_source"),
    clientField: text("client_field"),
    fixedClientBrandId: uuid("fixed_client_brand_id").references(() => brands.id, { onDelete: "set null" }),
    boardToken: text("board_token"),
    boardBaseUrl: text("board_base_url"),
    syncIntervalMinutes: integer("sync_interval_minutes").notNull().default(60),
    nextSyncAt: timestamp("next_sync_at", { withTimezone: true }),
    endpointUrl: text("endpoint_url"),
    endpointCheckedAt: timestamp("endpoint_checked_at", { withTimezone: true }),
    endpointLastStatus: integer("endpoint_last_status"),
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(600),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ats_connections_org_idx").on(t.orgId),
    index("ats_connections_sync_due_idx")
      .on(t.nextSyncAt)
      .where(sql`${t.status} = 'active' and ${t.boardToken} is not null`),
    check("ats_connections_provider", sql.raw(`provider in ${sqlList(ATS_PROVIDERS)}`)),
    check("ats_connections_status", sql.raw(`status in ${sqlList(CONNECTION_STATUS)}`)),
    check("ats_connections_disabled_by", sql.raw(`disabled_by is null or disabled_by in ${sqlList(DISABLED_BY)}`)),
    check("ats_connections_disabled", sql`(${t.status} = 'disabled') = (${t.disabledBy} is not null)`),
    check(
      "ats_connections_client_source",
      sql.raw(`client_source is null or client_source in ${sqlList(CLIENT_SOURCES)}`),
    ),
    check("ats_connections_sync_interval", sql`${t.syncIntervalMinutes} between 5 and 1440`),
    check("ats_connections_rate_limit", sql`${t.rateLimitPerMinute} between 1 and 1000000`),
    check("ats_connections_lever_board", sql`${t.provider} <> 'lever' or ${t.boardToken} is not null`),
  ],
);

/** Signing secrets, AES-256-GCM encrypted. A rotated secret keeps working until `expiresAt`. */
export const connectionSecrets = pgTable(
  "connection_secrets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => atsConnections.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    secretEnc: text("secret_enc").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    index("connection_secrets_connection_idx").on(t.connectionId, t.purpose),
    check("connection_secrets_purpose", sql.raw(`purpose in ${sqlList(SECRET_PURPOSES)}`)),
  ],
);

/** One row per processed inbound delivery: the idempotency record and the answer given. */
export const inboundEvents = pgTable(
  "inbound_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => atsConnections.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    deliveryId: text("delivery_id").notNull(),
    eventType: text("event_type").notNull(),
    outcome: text("outcome").notNull(),
    response: jsonb("response").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("inbound_events_delivery_key").on(t.connectionId, t.deliveryId),
    index("inbound_events_connection_time_idx").on(t.connectionId, t.receivedAt),
    check("inbound_events_outcome", sql`${t.outcome} in ('processed', 'ignored')`),
  ],
);

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => atsConnections.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    trigger: text("trigger").notNull(),
    status: text("status").notNull().default("running"),
    pagesFetched: integer("pages_fetched").notNull().default(0),
    jobsSeen: integer("jobs_seen").notNull().default(0),
    jobsChanged: integer("jobs_changed").notNull().default(0),
    jobsClosed: integer("jobs_closed").notNull().default(0),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("sync_runs_one_running_key").on(t.connectionId).where(sql`${t.status} = 'running'`),
    index("sync_runs_connection_time_idx").on(t.connectionId, t.startedAt),
    check("sync_runs_trigger", sql.raw(`trigger in ${sqlList(SYNC_TRIGGERS)}`)),
    check("sync_runs_status", sql.raw(`status in ${sqlList(SYNC_STATUS)}`)),
  ],
);
