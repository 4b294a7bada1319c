// Users, organisations, memberships and brands: who may act, and for which company.
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { MEMBER_ROLES, ORG_KINDS, ORG_STANDING, ORG_VERIFICATION, PLATFORM_ROLES, sqlList } from "./enums";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash").notNull(),
    platformRole: text("platform_role"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_platform_role", sql.raw(`platform_role is null or platform_role in ${sqlList(PLATFORM_ROLES)}`)),
  ],
);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    kind: text("kind").notNull(),
    verification: text("verification").notNull().default("unverified"),
    standing: text("standing").notNull().default("active"),
    standingReason: text("standing_reason"),
    standingChangedAt: timestamp("standing_changed_at", { withTimezone: true }),
    domains: text("domains").array().notNull().default(sql`'{}'::text[]`),
    /** Credits free to spend. */
    creditBalance: integer("credit_balance").notNull().default(0),
    /** Credits held by open Access Requests: spent on approval, back to the balance otherwise. */
    creditsHeld: integer("credits_held").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_slug_key").on(t.slug),
    check("organisations_kind", sql.raw(`kind in ${sqlList(ORG_KINDS)}`)),
    check("organisations_verification", sql.raw(`verification in ${sqlList(ORG_VERIFICATION)}`)),
    check("organisations_standing", sql.raw(`standing in ${sqlList(ORG_STANDING)}`)),
    check("organisations_credit_balance", sql`${t.creditBalance} >= 0`),
    check("organisations_credits_held", sql`${t.creditsHeld} >= 0`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_user_key").on(t.userId),
    index("memberships_org_idx").on(t.orgId),
    check("memberships_role", sql.raw(`role in ${sqlList(MEMBER_ROLES)}`)),
  ],
);

/** A brand an organisation publishes under. For an agency, `isClient` brands are the clients it hires for. */
export const brands = pgTable(
  "brands",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    isClient: boolean("is_client").notNull().default(false),
    verified: boolean("verified").notNull().default(false),
    domains: text("domains").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("brands_org_name_key").on(t.orgId, t.nameKey)],
);
