// The candidate's privacy controls: whether they are discoverable, and the companies they hide from.
// Each change bumps `candidate_profiles.updated_at` in the same transaction; the Snapshots reconciler
// re-evaluates candidates from it and withdraws Snapshots that are no longer allowed.
import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { brands, candidateHiddenOrgs, candidateProfiles, organisations } from "@/db/schema";
import { AppError } from "@/lib/errors";

async function touch(tx: Database, candidateId: string, set: Partial<typeof candidateProfiles.$inferInsert> = {}) {
  const [row] = await tx
    .update(candidateProfiles)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(candidateProfiles.id, candidateId), sql`${candidateProfiles.erasedAt} is null`))
    .returning({ id: candidateProfiles.id });
  if (!row) throw new AppError("not_found");
}

export async function setDiscoverable(db: Database, candidateId: string, discoverable: boolean): Promise<void> {
  await db.transaction((tx) => touch(tx, candidateId, { discoverable }));
}

/** "jane@acme.example" or "acme.example" → "acme.example"; a company name → null. */
export function domainOf(query: string): string | null {
  const text = query.trim().toLowerCase();
  const domain = text.includes("@") ? text.slice(text.lastIndexOf("@") + 1) : text;
  return /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain) ? domain : null;
}

/** Organisations named `query` (or with a brand of that name), or using its e-mail domain. */
export async function findCompanies(db: Database, query: string): Promise<{ id: string; name: string }[]> {
  const domain = domainOf(query);
  const name = query.trim().toLowerCase();
  const brandMatch = db
    .select({ orgId: brands.orgId })
    .from(brands)
    .where(domain ? sql`${domain} = any(${brands.domains})` : eq(brands.nameKey, name));
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      or(
        domain ? sql`${domain} = any(${organisations.domains})` : sql`lower(${organisations.name}) = ${name}`,
        sql`${organisations.id} in ${brandMatch}`,
      ),
    )
    .orderBy(organisations.name)
    .limit(20);
}

/** Hides the candidate from every company the query names. Returns those companies' names. */
export async function hideFromCompany(db: Database, candidateId: string, query: string): Promise<string[]> {
  const trimmed = query.trim();
  if (trimmed.length < 2 || trimmed.length > 200) {
    const message = "Enter a company name or an e-mail domain such as acme.com.";
    throw new AppError("invalid_input", message, { fieldErrors: { company: [message] } });
  }
  const companies = await findCompanies(db, trimmed);
  if (companies.length === 0) {
    const message = `No company on Wigiwork is called "${trimmed}" or uses that e-mail domain. Check the spelling, or try the domain of their e-mail addresses.`;
    throw new AppError("invalid_input", message, { fieldErrors: { company: [message] } });
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(candidateHiddenOrgs)
      .values(companies.map((c) => ({ candidateId, orgId: c.id })))
      .onConflictDoNothing();
    await touch(tx, candidateId);
  });
  return companies.map((c) => c.name);
}

export async function unhideCompany(db: Database, candidateId: string, orgId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .delete(candidateHiddenOrgs)
      .where(and(eq(candidateHiddenOrgs.candidateId, candidateId), eq(candidateHiddenOrgs.orgId, orgId)));
    await touch(tx, candidateId);
  });
}
