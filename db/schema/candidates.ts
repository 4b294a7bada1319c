// The candidate's anonymous profile: generalised, structured fields only. Identity lives in identity.ts.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { AVAILABILITY, SALARY_PERIODS, SENIORITIES, sqlList } from "./enums";
import { organisations, users } from "./organisations";

export const candidateProfiles = pgTable(
  "candidate_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    roleFamily: text("role_family").notNull(),
    seniority: text("seniority").notNull(),
    yearsExperience: smallint("years_experience").notNull(),
    skills: text("skills").array().notNull(),
    country: text("country").notNull(),
    region: text("region").notNull(),
    workplaces: text("workplaces").array().notNull(),
    salaryCurrency: text("salary_currency"),
    salaryPeriod: text("salary_period"),
    salaryAmount: integer("salary_amount"),
    availability: text("availability").notNull(),
    discoverable: boolean("discoverable").notNull().default(true),
    /** Set when the candidate deleted their data: identity is gone, Snapshots are being withdrawn, the row is purged after. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("candidate_profiles_user_key").on(t.userId),
    index("candidate_profiles_match_idx").on(t.roleFamily, t.region).where(sql`${t.discoverable}`),
    index("candidate_profiles_skills_idx").using("gin", t.skills),
    check("candidate_profiles_erased", sql`${t.erasedAt} is null or not ${t.discoverable}`),
    check("candidate_profiles_seniority", sql.raw(`seniority in ${sqlList(SENIORITIES)}`)),
    check("candidate_profiles_years", sql`${t.yearsExperience} between 0 and 60`),
    check("candidate_profiles_skills_count", sql`cardinality(${t.skills}) between 1 and 30`),
    check("candidate_profiles_country", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check("candidate_profiles_availability", sql.raw(`availability in ${sqlList(AVAILABILITY)}`)),
    check(
      "candidate_profiles_salary",
      sql.raw(
        `(salary_amount is null and salary_currency is null and salary_period is null) or (salary_amount > 0 and salary_currency ~ '^[A-Z]{3}$' and salary_period in ${sqlList(SALARY_PERIODS)})`,
      ),
    ),
  ],
);

/** Organisations a candidate never wants to be shown to. */
export const candidateHiddenOrgs = pgTable(
  "candidate_hidden_orgs",
  {
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidateProfiles.id, { onDelete: "cascade" }),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.orgId] }), index("candidate_hidden_orgs_org_idx").on(t.orgId)],
);
