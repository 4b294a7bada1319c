// What happens on an Access Request after it is sent: its history, the in-portal conversation, and
// who has read what (for the navigation's counts of new decisions, requests and messages).
import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accessRequests } from "./access";
import { ACCESS_ACTORS, ACCESS_STATUS, sqlList } from "./enums";
import { organisations, users } from "./organisations";

/** One row per state an Access Request entered, with who moved it there. */
export const accessRequestEvents = pgTable(
  "access_request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => accessRequests.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    actor: text("actor").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("access_request_events_request_idx").on(t.requestId, t.createdAt),
    index("access_request_events_org_idx").on(t.orgId, t.createdAt),
    check("access_request_events_status", sql.raw(`status in ${sqlList(ACCESS_STATUS)}`)),
    check("access_request_events_actor", sql.raw(`actor in ${sqlList(ACCESS_ACTORS)}`)),
  ],
);

/** The conversation of an approved access. Bodies are encrypted at rest (they are the parties' own words). */
export const accessMessages = pgTable(
  "access_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => accessRequests.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    sender: text("sender").notNull(),
    senderUserId: uuid("sender_user_id").references(() => users.id, { onDelete: "set null" }),
    bodyEnc: text("body_enc").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("access_messages_request_idx").on(t.requestId, t.createdAt),
    check("access_messages_sender", sql`${t.sender} in ('organisation', 'candidate')`),
  ],
);

/** When a person last looked at a request (its decision and its messages). */
export const accessReadMarks = pgTable(
  "access_read_marks",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => accessRequests.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.requestId] }), index("access_read_marks_request_idx").on(t.requestId)],
);
