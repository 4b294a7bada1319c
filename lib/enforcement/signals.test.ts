// Each abuse signal raised by a simulated abuser and not by a normal user on the same day's traffic.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessRequests, auditLog, candidateProfiles, flags, snapshots } from "@/db/schema";
import { loadConnectionContext } from "@/lib/ats/connection-context";
import type { NormalizedJob } from "@/lib/ats/normalized-job";
import { startSyncRun } from "@/lib/ats/sync";
import { ingestJob, type JobOutcome } from "@/lib/jobs/ingest";
import { LONG_DESCRIPTION, makeConnection } from "@/lib/testing/ats";
import { makeMember, makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { offPortalReasons, recordActivity, screenMessage } from "./activity";
import { ABUSE_SIGNALS } from "./config";
import { evaluateSignals } from "./sweep";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const start = new Date("2026-11-20T08:00:00.000Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
let counter = 0;

function job(overrides: Partial<NormalizedJob> = {}): NormalizedJob {
  return {
    externalId: `S-${++counter}`,
    title: `Backend Engineer ${counter}`,
    descriptionHtml: LONG_DESCRIPTION.replace("platform", `platform ${counter}`),
    location: { label: "Berlin", city: "Berlin", region: null, country: "DE" },
    workplace: "hybrid",
    employmentType: "full_time",
    salary: { min: 80_000, max: 95_000, currency: "EUR", period: "year" },
    status: "open",
    ...overrides,
  };
}

async function employer() {
  const org = await makeOrg(t.db);
  const connectionId = await makeConnection(t.db, org.id, org.brandId);
  const { runId } = await startSyncRun(t.db, { id: connectionId, orgId: org.id }, "manual");
  const conn = await loadConnectionContext(t.db, connectionId);
  if (!conn) throw new Error("no connection");
  const source = { kind: "sync", syncRunId: runId } as const;
  const upsert = (j: NormalizedJob, now: Date) =>
    t.db.transaction(async (tx) => (await ingestJob(tx, { kind: "upsert", conn, job: j, source, now })) as JobOutcome);
  const close = (externalId: string, now: Date) =>
    t.db.transaction((tx) => ingestJob(tx, { kind: "close", conn, externalId, source, now }));
  return { org, upsert, close };
}

const flagKinds = async (orgId: string) =>
  (await t.db.select({ kind: flags.kind }).from(flags).where(eq(flags.orgId, orgId))).map((f) => f.kind).sort();

describe("abuse signals", () => {
  it("repost farming: a job closed and brought back again and again, not a single repost", async () => {
    const abuser = await employer();
    const normal = await employer();
    const farmed = job();
    await abuser.upsert(farmed, at(0));
    for (let i = 1; i <= ABUSE_SIGNALS.repostFarming.minEvents; i++) {
      await abuser.close(farmed.externalId, at(i * 10));
      await abuser.upsert(farmed, at(i * 10 + 5));
    }
    const reposted = job();
    await normal.upsert(reposted, at(0));
    await normal.upsert(job(), at(1));
    await normal.close(reposted.externalId, at(30));
    await normal.upsert(reposted, at(90));
    await evaluateSignals(t.db, at(120));
    expect(await flagKinds(abuser.org.id)).toEqual(["repost_farming"]);
    expect(await flagKinds(normal.org.id)).toEqual([]);
  });

  it("posting under brands not the organisation's, not one typo", async () => {
    const abuser = await employer();
    const normal = await employer();
    for (let i = 0; i < ABUSE_SIGNALS.foreignBrand.minAttempts; i++) {
      expect(
        (await abuser.upsert(job({ brand: "Globex Corporation" }), at(i))).violations.map((v) => v.code),
      ).toContain("brand.unverified");
    }
    await normal.upsert(job({ brand: "Acme Robotcs" }), at(0));
    await normal.upsert(job(), at(1));
    await evaluateSignals(t.db, at(60));
    expect(await flagKinds(abuser.org.id)).toEqual(["foreign_brand"]);
    expect(await flagKinds(normal.org.id)).toEqual([]);
  });

  it("bulk Snapshot harvesting: throttled and flagged above the hourly threshold, a busy recruiter is not", async () => {
    const org = await makeOrg(t.db);
    const harvester = await makeMember(t.db, org.id, "recruiter");
    const colleague = await makeMember(t.db, org.id, "recruiter");
    const limit = ABUSE_SIGNALS.harvesting.perRecruiter.snapshot_view;
    const view = (userId: string, minute: number) =>
      recordActivity(t.db, { kind: "snapshot_view", orgId: org.id, userId }, at(minute / 10));
    const results = [];
    for (let i = 0; i <= limit + 1; i++) results.push(await view(harvester.id, i));
    expect(results.slice(0, limit).every((r) => r.allowed)).toBe(true);
    expect(results.slice(limit)).toEqual([
      { allowed: false, retryAfterSeconds: expect.any(Number) },
      { allowed: false, retryAfterSeconds: expect.any(Number) },
    ]);
    for (let i = 0; i < limit / 2; i++) expect((await view(colleague.id, i)).allowed).toBe(true);
    const raised = await t.db.select().from(flags).where(eq(flags.orgId, org.id));
    expect(raised.map((f) => [f.kind, f.subjectId])).toEqual([["snapshot_harvesting", harvester.id]]);
    const throttled = await t.db
      .select({ targetId: auditLog.targetId })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "enforcement.throttled")));
    expect(throttled).toEqual([{ targetId: harvester.id }]);
  });

  it("access requests per hour count too", async () => {
    const org = await makeOrg(t.db);
    const recruiter = await makeMember(t.db, org.id, "recruiter");
    const limit = ABUSE_SIGNALS.harvesting.perRecruiter.access_request;
    let last = { allowed: true } as Awaited<ReturnType<typeof recordActivity>>;
    for (let i = 0; i <= limit; i++) {
      last = await recordActivity(t.db, { kind: "access_request", orgId: org.id, userId: recruiter.id }, at(i));
    }
    expect(last.allowed).toBe(false);
    expect(await flagKinds(org.id)).toEqual(["snapshot_harvesting"]);
  });

  it("many access requests with few approvals, not an ordinary approval rate", async () => {
    const { minDecided } = ABUSE_SIGNALS.lowApproval;
    const abuser = await employer();
    const normal = await employer();
    await requests(t.db, abuser.org.id, (await abuser.upsert(job(), at(0))).jobId, minDecided, 1);
    await requests(t.db, normal.org.id, (await normal.upsert(job(), at(0))).jobId, minDecided + 5, 8);
    await evaluateSignals(t.db, at(60));
    expect(await flagKinds(abuser.org.id)).toEqual(["low_approval"]);
    expect(await flagKinds(normal.org.id)).toEqual([]);
  });

  it("messages that move contact out of the portal, not ordinary ones", async () => {
    const org = await makeOrg(t.db);
    const abuser = await makeMember(t.db, org.id, "recruiter");
    const normal = await makeMember(t.db, org.id, "recruiter");
    const ordinary = [
      "Thanks for approving! Could we schedule a call through the portal next week?",
      "The range is 80000 - 95000 EUR a year, start 2026-01-15, hybrid in Berlin.",
      "Our office is at Torstrasse 12; the team has 6 engineers and 2 designers.",
    ];
    for (const text of ordinary) {
      expect(offPortalReasons(text), text).toEqual([]);
      await t.db.transaction((tx) => screenMessage(tx, { orgId: org.id, userId: normal.id, text }));
    }
    const suspicious = [
      ["Email me at hiring.lead@gmail.com", "email address"],
      ["WhatsApp me on +49 170 1234567", "phone number"],
      ["Let's continue on telegram", "messaging app"],
      ["Apply directly at https://acme.example/jobs", "link"],
      ["Can we talk outside the portal?", "request to talk elsewhere"],
      ["call me: (415) 555-0132", "phone number"],
    ] as const;
    for (const [text, reason] of suspicious) {
      expect(offPortalReasons(text), text).toContain(reason);
      await t.db.transaction((tx) => screenMessage(tx, { orgId: org.id, userId: abuser.id, text }));
    }
    const raised = await t.db.select().from(flags).where(eq(flags.orgId, org.id));
    expect(raised.map((f) => [f.kind, f.subjectType, f.occurrences])).toEqual([
      ["off_portal_contact", "user", suspicious.length],
    ]);
    expect(JSON.stringify(raised[0]?.evidence)).not.toContain("gmail");
  });
});

/** `total` decided access requests on Snapshots of one job, `approved` of them approved. */
async function requests(db: Database, orgId: string, jobId: string, total: number, approved: number) {
  for (let i = 0; i < total; i++) {
    const candidateId = randomUUID();
    await db.insert(candidateProfiles).values({
      id: candidateId,
      roleFamily: "backend",
      seniority: "senior",
      yearsExperience: 8,
      skills: ["Go"],
      country: "DE",
      region: "europe",
      workplaces: ["remote"],
      availability: "immediately",
    });
    const [snapshot] = await db
      .insert(snapshots)
      .values({ orgId, jobId, candidateId, candidateRef: `ref-${candidateId}`, matchScore: 80, fields: {} })
      .returning({ id: snapshots.id });
    await db.insert(accessRequests).values({
      orgId,
      snapshotId: snapshot?.id as string,
      candidateId,
      status: i < approved ? "approved" : "declined",
      idempotencyKey: `signals-${i}`,
      accessUntil: i < approved ? at(90 * 24 * 60) : null,
      creditsHeld: 1,
      createdAt: at(-60),
      expiresAt: at(7 * 24 * 60),
    });
  }
}
