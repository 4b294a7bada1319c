// Candidate identity, encrypted field by field. Only lib/identity may import this module.
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { candidateProfiles } from "./candidates";

export const candidateIdentities = pgTable("candidate_identities", {
  candidateId: uuid("candidate_id")
    .primaryKey()
    .references(() => candidateProfiles.id, { onDelete: "cascade" }),
  fullNameEnc: text("full_name_enc").notNull(),
  emailEnc: text("email_enc").notNull(),
  phoneEnc: text("phone_enc"),
  linksEnc: text("links_enc").notNull(),
  employmentEnc: text("employment_enc").notNull(),
  educationEnc: text("education_enc").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
