import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, brands, jobEvents, jobs } from "@/db/schema";
import { loadConnectionContext } from "@/lib/ats/connection-context";
import type { NormalizedJob } from "@/lib/ats/normalized-job";
import { startSyncRun } from "@/lib/ats/sync";
import { LONG_DESCRIPTION, makeConnection } from "@/lib/testing/ats";
import { makeMember, makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { completeJobInfo } from "./complete";
import { findJobs, ingestJob, type JobOutcome, jobLockKey } from "./ingest";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const DAY = 86_400_000;
let counter = 0;

function job(overrides: Partial<NormalizedJob> = {}): NormalizedJob {
  return {
    externalId: `J-${++counter}`,
    title: "Senior Backend Engineer",
    descriptionHtml: LONG_DESCRIPTION,
    location: { label: "Berlin", city: "Berlin", region: null, country: "DE" },
    workplace: "hybrid",
    employmentType: "full_time",
    salary: { min: 80_000, max: 95_000, currency: "EUR", period: "year" },
    status: "open",
    ...overrides,
  };
}

type Conn = NonNullable<Awaited<ReturnType<typeof loadConnectionContext>>>;
const runs = new Map<string, string>();

async function contextOf(orgId: string, brandId: string): Promise<Conn> {
  const id = await makeConnection(t.db, orgId, brandId);
  runs.set(id, (await startSyncRun(t.db, { id, orgId }, "manual")).runId);
  return (await loadConnectionContext(t.db, id)) as Conn;
}

async function connection(orgOverrides = {}) {
  const org = await makeOrg(t.db, orgOverrides);
  return { org, conn: await contextOf(org.id, org.brandId) };
}

const source = (conn: Conn) => ({ kind: "sync", syncRunId: runs.get(conn.id) as string }) as const;

const upsert = (conn: Conn, j: NormalizedJob, now = new Date()) =>
  t.db.transaction(
    async (tx) => (await ingestJob(tx, { kind: "upsert", conn, job: j, source: source(conn), now })) as JobOutcome,
  );
const closeJob = (tx: Database, conn: Conn, externalId: string, now: Date) =>
  ingestJob(tx, { kind: "close", conn, externalId, source: source(conn), now });

describe("ingesting jobs", () => {
  it("stores sanitised HTML only", async () => {
    const { conn } = await connection();
    const html = `${LONG_DESCRIPTION}<script>steal()</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><a href="https://acme.example" target="_blank">ok</a>`;
    const { jobId } = await upsert(conn, job({ descriptionHtml: html }));
    const [row] = await t.db.select({ html: jobs.descriptionHtml }).from(jobs).where(eq(jobs.id, jobId));
    expect(row?.html).not.toMatch(/script|onerror|javascript:|<img|target=/);
    expect(row?.html).toContain('<a href="https://acme.example" rel="nofollow noopener noreferrer">ok</a>');
  });

  it("finds stored jobs with every column typed as drizzle reads them", async () => {
    const { conn } = await connection();
    const first = await upsert(conn, job({ updatedAt: "2026-11-20T10:00:00Z" }));
    const second = await upsert(conn, job({ title: "Staff Data Engineer", salary: null }));
    const found = await findJobs(t.db, [
      { connectionId: conn.id, externalId: first.externalId },
      { connectionId: conn.id, externalId: "NOT-STORED" },
      { connectionId: conn.id, externalId: second.externalId },
    ]);
    const stored = await t.db.select().from(jobs).where(eq(jobs.connectionId, conn.id));
    expect(found.size).toBe(2);
    for (const row of stored) expect(found.get(jobLockKey(conn.id, row.externalId))).toEqual(row);
    expect(typeof stored[0]?.descriptionHash).toBe("bigint");
    expect(stored.find((row) => row.externalId === first.externalId)?.atsUpdatedAt).toBeInstanceOf(Date);
  });

  it("rejects a near-duplicate of an active job under another ATS id, but not at another location", async () => {
    const { conn } = await connection();
    expect((await upsert(conn, job())).status).toBe("active");
    const copy = await upsert(
      conn,
      job({ title: "senior  backend-engineer!", descriptionHtml: LONG_DESCRIPTION.replace("thirty", "30") }),
    );
    expect(copy).toMatchObject({ status: "rejected", violations: [{ code: "job.duplicate" }] });
    const elsewhere = await upsert(
      conn,
      job({ location: { label: "Munich", city: "Munich", region: null, country: "DE" } }),
    );
    expect(elsewhere.status).toBe("active");
  });

  it("holds a closed job back during the cooldown", async () => {
    const { conn } = await connection();
    const start = new Date("2026-01-01T00:00:00Z");
    const first = job();
    await upsert(conn, first, start);
    await t.db.transaction((tx) => closeJob(tx, conn, first.externalId, new Date(start.getTime() + DAY)));
    const tooSoon = await upsert(conn, { ...first }, new Date(start.getTime() + 3 * DAY));
    expect(tooSoon).toMatchObject({ status: "rejected", violations: [{ code: "repost.cooldown" }] });
  });

  it("keeps holding a reposted job back when later updates arrive during the cooldown", async () => {
    const { conn } = await connection();
    const start = new Date("2026-03-01T00:00:00Z");
    const j = job();
    expect((await upsert(conn, j, start)).status).toBe("active");
    await t.db.transaction((tx) => closeJob(tx, conn, j.externalId, new Date(start.getTime() + DAY)));
    expect((await upsert(conn, j, new Date(start.getTime() + 2 * DAY))).violations[0]?.code).toBe("repost.cooldown");
    const later = await upsert(
      conn,
      { ...j, title: "Senior Backend Engineer II" },
      new Date(start.getTime() + 3 * DAY),
    );
    expect(later).toMatchObject({ status: "rejected", violations: [{ code: "repost.cooldown" }] });
    expect((await upsert(conn, j, new Date(start.getTime() + 10 * DAY))).status).toBe("active");
  });

  it("doesn't count closing a job that was never published against reposting it", async () => {
    const { conn } = await connection();
    const start = new Date("2026-04-01T00:00:00Z");
    const draft = job({ status: "open", salary: undefined });
    expect((await upsert(conn, draft, start)).status).toBe("needs_info");
    await t.db.transaction((tx) => closeJob(tx, conn, draft.externalId, new Date(start.getTime() + 1000)));
    const published = await upsert(
      conn,
      { ...draft, salary: { min: 80_000, max: 95_000, currency: "EUR", period: "year" } },
      new Date(start.getTime() + 2000),
    );
    expect(published).toMatchObject({ status: "active", violations: [] });
  });

  it("treats close/reopen cycles within the window as repost farming", async () => {
    const { conn } = await connection();
    const cycling = job();
    const base = Date.now() - 29 * DAY;
    await upsert(conn, cycling, new Date(base));
    for (let i = 0; i < 3; i++) {
      const closedAt = new Date(base + (i * 9 + 1) * DAY);
      await t.db.transaction((tx) => closeJob(tx, conn, cycling.externalId, closedAt));
      await upsert(conn, cycling, new Date(base + (i * 9 + 9) * DAY));
    }
    const [row] = await t.db
      .select({ status: jobs.status, violations: jobs.violations, reopenCount: jobs.reopenCount })
      .from(jobs)
      .where(eq(jobs.externalId, cycling.externalId));
    expect(row?.violations.map((v) => v.code)).toEqual(["repost.farming"]);
    expect(row?.reopenCount).toBe(3);
  });

  it("keeps a job trust & safety removed removed, whatever the ATS sends", async () => {
    const { conn } = await connection();
    const j = job();
    const { jobId } = await upsert(conn, j);
    await t.db.update(jobs).set({ status: "removed" }).where(eq(jobs.id, jobId));
    expect((await upsert(conn, { ...j, title: "Renamed" })).status).toBe("removed");
  });

  it("holds jobs of an unverified organisation for review", async () => {
    const { conn } = await connection({ verification: "pending" });
    expect(await upsert(conn, job())).toMatchObject({
      status: "pending_review",
      violations: [{ code: "org.verification_required" }],
    });
  });
});

describe("completing missing information", () => {
  it("re-runs the rules when a recruiter adds the salary, and audits it", async () => {
    const { org, conn } = await connection();
    const recruiter = await makeMember(t.db, org.id, "recruiter");
    const { jobId, status } = await upsert(conn, job({ salary: undefined }));
    expect(status).toBe("needs_info");
    const outcome = await completeJobInfo(t.db, { orgId: org.id, userId: recruiter.id }, jobId, {
      salary: { min: 70_000, max: 85_000, currency: "EUR", period: "year" },
    });
    expect(outcome).toMatchObject({ status: "active", violations: [] });
    const [row] = await t.db.select({ source: jobs.salarySource }).from(jobs).where(eq(jobs.id, jobId));
    expect(row?.source).toBe("recruiter");
    const events = await t.db
      .select({ kind: jobEvents.kind, actor: jobEvents.actorUserId })
      .from(jobEvents)
      .where(eq(jobEvents.jobId, jobId));
    expect(events).toContainEqual({ kind: "completed", actor: recruiter.id });
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(audit.map((a) => a.action)).toContain("job.completed");
  });

  it("keeps the recruiter's salary when a later ATS event says nothing about pay", async () => {
    const { org, conn } = await connection();
    const recruiter = await makeMember(t.db, org.id, "recruiter");
    const j = job({ salary: undefined });
    const { jobId } = await upsert(conn, j);
    await completeJobInfo(t.db, { orgId: org.id, userId: recruiter.id }, jobId, {
      salary: { min: 70_000, max: 85_000, currency: "EUR", period: "year" },
    });
    const later = await upsert(conn, { externalId: j.externalId, title: "Senior Backend Engineer II" });
    expect(later.status).toBe("active");
  });

  it("lets an agency name its client", async () => {
    const org = await makeOrg(t.db, { kind: "agency" });
    await t.db
      .insert(brands)
      .values({ orgId: org.id, name: "Northwind Health", nameKey: "northwind health", isClient: true, verified: true });
    const conn = await contextOf(org.id, org.brandId);
    const recruiter = await makeMember(t.db, org.id, "recruiter");
    const { jobId, status, violations } = await upsert(conn, job());
    expect({ status, codes: violations.map((v) => v.code) }).toEqual({
      status: "needs_info",
      codes: ["agency.client_undisclosed"],
    });
    const done = await completeJobInfo(t.db, { orgId: org.id, userId: recruiter.id }, jobId, {
      clientName: "Northwind Health",
    });
    expect(done.status).toBe("active");
    const [row] = await t.db.select({ clientBrandId: jobs.clientBrandId }).from(jobs).where(eq(jobs.id, jobId));
    expect(row?.clientBrandId).not.toBeNull();
  });

  it("refuses another organisation's job and jobs that aren't waiting for anything", async () => {
    const { org, conn } = await connection();
    const recruiter = await makeMember(t.db, org.id, "recruiter");
    const { jobId } = await upsert(conn, job());
    const stranger = await makeOrg(t.db);
    const outsider = await makeMember(t.db, stranger.id, "owner");
    const salary = { min: 1, max: 2, currency: "EUR", period: "year" };
    await expect(
      completeJobInfo(t.db, { orgId: stranger.id, userId: outsider.id }, jobId, { salary }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      completeJobInfo(t.db, { orgId: org.id, userId: recruiter.id }, jobId, { salary }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
