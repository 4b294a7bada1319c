// Demo for trust & safety: one suspended organisation, one banned one (its identifiers kept), and
// a few flags to review, so the console shows its work on a fresh start.
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { brands, memberships, organisations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { raiseFlag } from "@/lib/enforcement/flags";
import { keepBannedIdentifiers } from "@/lib/enforcement/identifiers";

async function organisation(
  db: Database,
  values: {
    name: string;
    slug: string;
    kind: "employer" | "agency";
    domain: string;
    standing: "suspended" | "banned";
    reason: string;
  },
  ownerEmail: string,
  passwordHash: string,
) {
  const [org] = await db
    .insert(organisations)
    .values({
      name: values.name,
      slug: values.slug,
      kind: values.kind,
      verification: "verified",
      standing: values.standing,
      standingReason: values.reason,
      standingChangedAt: new Date(),
      domains: [values.domain],
    })
    .returning({ id: organisations.id });
  const orgId = org?.id as string;
  await db
    .insert(brands)
    .values({ orgId, name: values.name, nameKey: values.name.toLowerCase(), verified: true, domains: [values.domain] });
  const [owner] = await db
    .insert(users)
    .values({ email: ownerEmail, name: `${values.name} owner`, passwordHash })
    .returning({ id: users.id });
  await db.insert(memberships).values({ userId: owner?.id as string, orgId, role: "owner" });
  return orgId;
}

export async function seedEnforcementDemo(db: Database, passwordHash: string): Promise<void> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@wigiwork.example"));
  const [acmeRecruiter] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "recruiter@acme.example"));
  const adminId = admin?.id ?? null;
  const suspendedReason = "Salaries in its postings didn't match the offers candidates received.";
  const globex = await organisation(
    db,
    {
      name: "Globex Logistics",
      slug: "globex-logistics",
      kind: "employer",
      domain: "globex.example",
      standing: "suspended",
      reason: suspendedReason,
    },
    "owner@globex.example",
    passwordHash,
  );
  await recordAudit(db, {
    orgId: globex,
    actorUserId: adminId,
    action: "enforcement.org_suspended",
    targetType: "organisation",
    targetId: globex,
    detail: { reason: suspendedReason, from: { standing: "active" }, to: { standing: "suspended" } },
  });
  const banReason = "Harvested Snapshots in bulk and asked candidates to reply by e-mail.";
  const initech = await organisation(
    db,
    {
      name: "Initech Talent",
      slug: "initech-talent",
      kind: "agency",
      domain: "initech.example",
      standing: "banned",
      reason: banReason,
    },
    "owner@initech.example",
    passwordHash,
  );
  await recordAudit(db, {
    orgId: initech,
    actorUserId: adminId,
    action: "enforcement.org_banned",
    targetType: "organisation",
    targetId: initech,
    detail: { reason: banReason, from: { standing: "active" }, to: { standing: "banned" } },
  });
  await keepBannedIdentifiers(db, initech, [
    { kind: "email_domain", value: "initech.example" },
    { kind: "greenhouse_board", value: "initech" },
    { kind: "endpoint_host", value: "hooks.initech.example" },
  ]);
  await raiseFlag(db, {
    kind: "repost_farming",
    source: "signal",
    orgId: globex,
    subjectType: "organisation",
    subjectId: globex,
    summary: "7 jobs brought back after a takedown, or refused for reposting, within 24 hours.",
    evidence: { events: 7, threshold: 5, windowHours: 24 },
    dedupeKey: "demo:repost_farming:globex",
  });
  await raiseFlag(db, {
    kind: "foreign_brand",
    source: "signal",
    orgId: globex,
    subjectType: "organisation",
    subjectId: globex,
    summary: "4 jobs posted under a brand the organisation may not publish under, within 24 hours.",
    evidence: { attempts: 4, threshold: 3, windowHours: 24 },
    dedupeKey: "demo:foreign_brand:globex",
  });
  await raiseFlag(db, {
    kind: "user_report",
    source: "report",
    orgId: null,
    subjectType: "other",
    summary: "An organisation's member reported something else.",
    reason:
      "A staffing agency is advertising our Senior Robotics Engineer role under the Acme Robotics name on other boards.",
    reportedBy: acmeRecruiter?.id ?? null,
    evidence: { reporter: "member" },
  });
}
