// Demo data: the accounts of CONTRACT.md §2 and realistic, deterministic generated candidates.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { brands, candidateProfiles, memberships, organisations, users } from "@/db/schema";
import { AVAILABILITY, SENIORITIES, type Seniority, WORKPLACES } from "@/db/schema/enums";
import { grantCredits } from "@/lib/access/credits";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { type CandidateIdentity, insertIdentities } from "@/lib/identity";
import {
  COUNTRIES,
  ROLE_FAMILIES,
  type RoleFamily,
  SENIORITY_BANDS,
  SENIORITY_PAY_FACTOR,
  SKILLS_BY_FAMILY,
} from "@/lib/taxonomy";
import { seedAccessDemo } from "./seed-access";
import { DEGREES, EMPLOYERS, FIRST_NAMES, LAST_NAMES, SCHOOLS, TITLE_NOUNS, TITLES_BY_SENIORITY } from "./seed-data";
import { seedEnforcementDemo } from "./seed-enforcement";
import { createRandom, type Random } from "./seed-random";

export const DEMO_PASSWORD = "wigiwork-demo";
const SEED_LOCK = 727_002;
const BATCH = 1_000;

type ProfileRow = typeof candidateProfiles.$inferInsert;
type Generated = { profile: ProfileRow & { id: string }; identity: CandidateIdentity };

const yearMonth = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;

function generateHistory(rng: Random, family: RoleFamily, seniority: Seniority, years: number) {
  const employment: CandidateIdentity["employment"] = [];
  let endYear: number | null = null;
  let remaining = Math.max(1, years);
  const now = 2026;
  while (remaining > 0 && employment.length < 4) {
    const span = Math.min(remaining, rng.int(1, 5));
    const startYear: number = (endYear ?? now) - span;
    const prefix = rng.pick(TITLES_BY_SENIORITY[seniority]);
    employment.push({
      employer: rng.pick(EMPLOYERS),
      title: `${prefix} ${TITLE_NOUNS[family]}`.trim(),
      start: yearMonth(startYear, rng.int(1, 12)),
      end: endYear === null ? null : yearMonth(endYear, rng.int(1, 12)),
    });
    endYear = startYear;
    remaining -= span;
  }
  const gradYear = now - years - rng.int(0, 1);
  const education = [
    {
      school: rng.pick(SCHOOLS),
      degree: rng.pick(DEGREES),
      start: yearMonth(gradYear - rng.int(3, 5), 9),
      end: yearMonth(gradYear, 7),
    },
  ];
  return { employment, education };
}

export function generateCandidate(rng: Random, index: number): Generated {
  const family = rng.weighted(Object.entries(ROLE_FAMILIES).map(([k, v]) => [k as RoleFamily, v.weight] as const));
  const seniority = rng.weighted(SENIORITIES.map((s) => [s, SENIORITY_BANDS[s].weight] as const));
  const [minYears, maxYears] = SENIORITY_BANDS[seniority].years;
  const years = rng.int(minYears, maxYears);
  const countryCode = rng.weighted(Object.entries(COUNTRIES).map(([code, c]) => [code, c.weight] as const));
  const country = COUNTRIES[countryCode] as (typeof COUNTRIES)[string];
  const skills = rng.sampleWeighted(SKILLS_BY_FAMILY[family], rng.int(3, 8));
  const pay = country.seniorPay * SENIORITY_PAY_FACTOR[seniority] * (0.85 + rng.next() * 0.3);
  const workplaces = rng.sampleWeighted(
    [
      ["remote", 45],
      ["hybrid", 40],
      ["onsite", 15],
    ] as const,
    rng.int(1, 3),
  );
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const slug = `${first}.${last}`
    .normalize("NFD")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase();
  const { employment, education } = generateHistory(rng, family, seniority, years);
  return {
    profile: {
      id: rng.uuid(),
      roleFamily: family,
      seniority,
      yearsExperience: years,
      skills,
      country: countryCode,
      region: country.region,
      workplaces: WORKPLACES.filter((w) => workplaces.includes(w)),
      salaryCurrency: country.currency,
      salaryPeriod: "year",
      salaryAmount: Math.round(pay / 1000) * 1000,
      availability: rng.weighted(AVAILABILITY.map((a, i) => [a, [15, 30, 25, 30][i] ?? 1] as const)),
      discoverable: rng.next() < 0.92,
    },
    identity: {
      fullName: `${first} ${last}`,
      email: `${slug}.${index}@candidates.example`,
      phone:
        rng.next() < 0.8
          ? `+1 555 01${String(rng.int(0, 99)).padStart(2, "0")} ${String(index % 10_000).padStart(4, "0")}`
          : null,
      links: [`https://github.example/${slug.replace(".", "-")}-${index}`],
      employment,
      education,
    },
  };
}

async function insertCandidates(db: Database, rows: Generated[]) {
  await db.insert(candidateProfiles).values(rows.map((r) => r.profile));
  await insertIdentities(
    db,
    rows.map((r) => ({ candidateId: r.profile.id, identity: r.identity })),
  );
}

async function seedAccounts(db: Database) {
  const hash = await hashPassword(DEMO_PASSWORD);
  const [acme, bridge] = await db
    .insert(organisations)
    .values([
      {
        name: "Acme Robotics",
        slug: "acme-robotics",
        kind: "employer",
        verification: "verified",
        domains: ["acme.example"],
      },
      {
        name: "TalentBridge",
        slug: "talentbridge",
        kind: "agency",
        verification: "verified",
        domains: ["talentbridge.example"],
      },
    ])
    .returning({ id: organisations.id });
  if (!acme || !bridge) throw new Error("seed: organisations not created");
  await db.insert(brands).values([
    { orgId: acme.id, name: "Acme Robotics", nameKey: "acme robotics", verified: true, domains: ["acme.example"] },
    {
      orgId: bridge.id,
      name: "TalentBridge",
      nameKey: "talentbridge",
      verified: true,
      domains: ["talentbridge.example"],
    },
    {
      orgId: bridge.id,
      name: "Northwind Health",
      nameKey: "northwind health",
      isClient: true,
      verified: true,
      domains: ["northwind-health.example"],
    },
  ]);
  const people = await db
    .insert(users)
    .values([
      { email: "owner@acme.example", name: "Olivia Owner", passwordHash: hash },
      { email: "recruiter@acme.example", name: "Rafael Recruiter", passwordHash: hash },
      { email: "agency@talentbridge.example", name: "Alex Agency", passwordHash: hash },
      { email: "admin@wigiwork.example", name: "Tess Safety", passwordHash: hash, platformRole: "trust_safety" },
      { email: "candidate@wigiwork.example", passwordHash: hash },
    ])
    .returning({ id: users.id, email: users.email });
  const id = (email: string) => people.find((p) => p.email === email)?.id as string;
  await db.insert(memberships).values([
    { userId: id("owner@acme.example"), orgId: acme.id, role: "owner" },
    { userId: id("recruiter@acme.example"), orgId: acme.id, role: "recruiter" },
    { userId: id("agency@talentbridge.example"), orgId: bridge.id, role: "recruiter" },
  ]);
  await grantCredits(db, {
    orgId: acme.id,
    amount: 50,
    idempotencyKey: "demo-seed",
    actorUserId: null,
    note: "Demo credits",
    // Before the demo's request history (db/seed-access.ts).
    at: new Date(Date.now() - 130 * 24 * 60 * 60 * 1000),
  });
  await recordAudit(db, { orgId: acme.id, actorUserId: null, action: "org.created", detail: { source: "demo seed" } });
  await recordAudit(db, {
    orgId: bridge.id,
    actorUserId: null,
    action: "org.created",
    detail: { source: "demo seed" },
  });
  return id("candidate@wigiwork.example");
}

async function seedDemoCandidate(db: Database, userId: string) {
  const candidateId = "00000000-0000-4000-8000-0000000000c1";
  await db.insert(candidateProfiles).values({
    id: candidateId,
    userId,
    roleFamily: "backend",
    seniority: "senior",
    yearsExperience: 9,
    skills: ["Go", "PostgreSQL", "Kubernetes", "Kafka", "AWS", "Python"],
    country: "DE",
    region: "europe",
    workplaces: ["remote", "hybrid"],
    salaryCurrency: "EUR",
    salaryPeriod: "year",
    salaryAmount: 88_000,
    availability: "within_1_month",
    discoverable: true,
  });
  await insertIdentities(db, [
    {
      candidateId,
      identity: {
        fullName: "Dana Demo",
        email: "candidate@wigiwork.example",
        phone: "+49 30 5550 1234",
        links: ["https://github.example/dana-demo"],
        employment: [
          { employer: "Woodgrove Bank", title: "Senior Backend Engineer", start: "2021-03", end: null },
          { employer: "Tailspin Logistics", title: "Backend Engineer", start: "2017-01", end: "2021-02" },
        ],
        education: [
          {
            school: "Technical University of Munich",
            degree: "MSc Computer Science",
            start: "2014-10",
            end: "2016-09",
          },
        ],
      },
    },
  ]);
}

/** Generates `count` candidates in batches; returns how many were inserted. */
export async function seedCandidates(db: Database, count: number, seed = 20_261_125): Promise<number> {
  const rng = createRandom(seed);
  for (let start = 0; start < count; start += BATCH) {
    const rows: Generated[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) rows.push(generateCandidate(rng, i));
    await insertCandidates(db, rows);
  }
  return count;
}

/** Seeds the demo once; a database that already has the demo organisation is left as it is. */
export async function seedDemo(db: Database, options: { candidates: number }): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [existing] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, "acme-robotics"));
    if (existing) return { seeded: false };
    const candidateUserId = await seedAccounts(tx);
    await seedDemoCandidate(tx, candidateUserId);
    await seedEnforcementDemo(tx, await hashPassword(DEMO_PASSWORD));
    await seedCandidates(tx, options.candidates);
    await seedAccessDemo(tx, new Date());
    return { seeded: true };
  });
}
