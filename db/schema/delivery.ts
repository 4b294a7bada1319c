// The outbox: events for an ATS, written in the same transaction as the change they announce.
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { atsConnections } from "./ats";
import { OUTBOUND_STATUS, sqlList } from "./enums";
import { organisations } from "./organisations";

export const outboundEvents = pgTable(
  "outbound_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => atsConnections.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("outbound_events_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbound_events_connection_time_idx").on(t.connectionId, t.createdAt),
    check("outbound_events_status", sql.raw(`status in ${sqlList(OUTBOUND_STATUS)}`)),
    check(
      "outbound_events_type",
      sql`${t.type} in ('ping', 'job.status_changed', 'snapshot.created', 'snapshot.access_changed')`,
    ),
  ],
);
