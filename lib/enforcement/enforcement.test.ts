// Every enforcement action's effect, end to end on the real pieces: the webhook endpoint's answer,
// who may act (loadActor), what matching may use, the job, its outbox event and the audit chain.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bannedIdentifiers, jobs, outboundEvents, users } from "@/db/schema";
import { activateConnection } from "@/lib/ats/connections/commands";
import { handleInboundRequest } from "@/lib/ats/inbound/handle-request";
import { deliveryQueueFor } from "@/lib/ats/inbound/queue";
import { enforcementNotices, verifyAuditChain } from "@/lib/audit";
import { loadActor } from "@/lib/auth/actor";
import { adjustJob, moderateJob } from "@/lib/jobs/moderation";
import { genericJob, inboundRequest, makeConnection, signGeneric } from "@/lib/testing/ats";
import { makeMember, makeOrg, makeUser } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { enforceConnection } from "./connections";
import { enforceOrganisation, listOrganisationsForAdmin } from "./organisations";
import { isJobMatchable } from "./standing";

let t: TestDatabase;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  adminId = (await makeUser(t.db, { platformRole: "trust_safety", name: "Tess Safety" })).id;
});
afterAll(async () => t.drop());

let jobCounter = 0;

async function employer() {
  const org = await makeOrg(t.db);
  const owner = await makeMember(t.db, org.id, "owner", { email: `owner@${org.domains[0]}` });
  const connectionId = await makeConnection(t.db, org.id, org.brandId, {
    endpointUrl: "https://ats.example/hook",
    activatedAt: new Date(),
  });
  return { org, owner, connectionId };
}

async function post(connectionId: string, overrides: Record<string, unknown> = {}) {
  const body = JSON.stringify(genericJob({ externalId: `REQ-${++jobCounter}`, ...overrides }));
  const answer = await handleInboundRequest(
    deliveryQueueFor(t.db),
    inboundRequest(connectionId, body, signGeneric(body)),
    connectionId,
  );
  const json = (await answer.json()) as { jobs?: { jobId: string; status: string }[]; error?: { code: string } };
  return { status: answer.status, job: json.jobs?.[0], error: json.error?.code };
}

const auditActions = async (orgId: string) =>
  (
    await t.db
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.orgId, orgId))
  ).map((r) => r.action);

const statusEvents = (jobId: string) =>
  t.db
    .select({ payload: outboundEvents.payload })
    .from(outboundEvents)
    .where(and(eq(outboundEvents.type, "job.status_changed")))
    .then((rows) => rows.map((r) => r.payload as { jobId: string; status: string }).filter((p) => p.jobId === jobId));

describe("enforcement actions take effect at once", () => {
  it("a connection disabled by trust & safety gets 403 until trust & safety enables it again", async () => {
    const { org, owner, connectionId } = await employer();
    expect((await post(connectionId)).status).toBe(200);
    await enforceConnection(t.db, adminId, { connectionId, action: "disable", reason: "Scraped postings" });
    expect(await post(connectionId)).toMatchObject({ status: 403, error: "connection_disabled" });
    const scope = { orgId: org.id, userId: owner.id, orgKind: "employer" as const };
    await expect(activateConnection(t.db, scope, connectionId)).rejects.toMatchObject({ code: "forbidden" });
    await enforceConnection(t.db, adminId, { connectionId, action: "enable", reason: "Fixed" });
    expect((await post(connectionId)).status).toBe(200);
    expect(await auditActions(org.id)).toEqual(
      expect.arrayContaining(["enforcement.connection_disabled", "enforcement.connection_enabled"]),
    );
    expect((await enforcementNotices(t.db, org.id))[1]).toMatchObject({ reason: "Scraped postings" });
  });

  it("a suspension refuses webhooks, leaves members only reading, takes jobs out of matching; lifting restores", async () => {
    const { org, owner, connectionId } = await employer();
    const { job } = await post(connectionId);
    expect(await isJobMatchable(t.db, job?.jobId as string)).toBe(true);
    await enforceOrganisation(t.db, adminId, { orgId: org.id, action: "suspend", reason: "Fake salaries" });
    expect(await post(connectionId)).toMatchObject({ status: 403, error: "connection_disabled" });
    expect(await loadActor(t.db, owner.id)).toMatchObject({
      org: { standing: "suspended", standingReason: "Fake salaries" },
    });
    expect(await isJobMatchable(t.db, job?.jobId as string)).toBe(false);
    await enforceOrganisation(t.db, adminId, { orgId: org.id, action: "lift", reason: "Salaries corrected" });
    expect(await isJobMatchable(t.db, job?.jobId as string)).toBe(true);
    expect((await post(connectionId)).status).toBe(200);
    expect(await loadActor(t.db, owner.id)).toMatchObject({ org: { standing: "active", standingReason: null } });
  });

  it("a ban signs every member out at their next request and keeps the organisation's identifiers", async () => {
    const { org, owner, connectionId } = await employer();
    const recruiter = await makeMember(t.db, org.id, "recruiter");
    await enforceOrganisation(t.db, adminId, { orgId: org.id, action: "ban", reason: "Harvesting candidates" });
    expect(await loadActor(t.db, owner.id)).toBeNull();
    expect(await loadActor(t.db, recruiter.id)).toBeNull();
    expect((await post(connectionId)).status).toBe(403);
    const kept = await t.db.select().from(bannedIdentifiers).where(eq(bannedIdentifiers.orgId, org.id));
    expect(kept.map((k) => `${k.kind}:${k.value}`)).toEqual(
      expect.arrayContaining([`email_domain:${org.domains[0]}`, "endpoint_host:ats.example"]),
    );
    await enforceOrganisation(t.db, adminId, { orgId: org.id, action: "lift", reason: "Appeal upheld" });
    expect(await t.db.select().from(bannedIdentifiers).where(eq(bannedIdentifiers.orgId, org.id))).toEqual([]);
    expect(await loadActor(t.db, owner.id)).not.toBeNull();
  });

  it("removing a job tells the ATS, survives the ATS's next update, and reinstating restores the rules' verdict", async () => {
    const { org, connectionId } = await employer();
    const { job } = await post(connectionId);
    const jobId = job?.jobId as string;
    await moderateJob(t.db, adminId, { jobId, action: "remove", note: "Misleading pay" });
    const [stored] = await t.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId));
    expect(stored?.status).toBe("removed");
    expect((await statusEvents(jobId)).map((e) => e.status)).toEqual(expect.arrayContaining(["removed"]));
    expect(await isJobMatchable(t.db, jobId)).toBe(false);

    const externalId = `REQ-${jobCounter}`;
    const again = await post(connectionId, { externalId, title: "Senior Backend Engineer (updated)" });
    expect(again.job).toMatchObject({ jobId, status: "removed" });

    await moderateJob(t.db, adminId, { jobId, action: "reinstate", note: "Pay corrected" });
    const [back] = await t.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId));
    expect(back?.status).toBe("active");
    expect((await statusEvents(jobId)).at(-1)?.status).toBe("active");
    const notices = await enforcementNotices(t.db, org.id, { type: "job", id: jobId });
    expect(notices.map((n) => [n.action, n.reason])).toEqual([
      ["enforcement.job_reinstated", "Pay corrected"],
      ["enforcement.job_removed", "Misleading pay"],
    ]);
    expect(await verifyAuditChain(t.db, org.id)).toBeNull();
  });

  it("a job kept from matching stays live for its organisation but out of matching", async () => {
    const { connectionId } = await employer();
    const jobId = (await post(connectionId)).job?.jobId as string;
    await moderateJob(t.db, adminId, { jobId, action: "restrict", note: "Duplicate of a removed job" });
    expect(await isJobMatchable(t.db, jobId)).toBe(false);
    const [stored] = await t.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId));
    expect(stored?.status).toBe("active");
    await moderateJob(t.db, adminId, { jobId, action: "unrestrict", note: "Cleared" });
    expect(await isJobMatchable(t.db, jobId)).toBe(true);
  });

  it("adjusts a job's salary with a note, audited with what it was", async () => {
    const { org, connectionId } = await employer();
    const jobId = (await post(connectionId)).job?.jobId as string;
    const salary = { min: 60_000, max: 70_000, currency: "EUR", period: "year" as const };
    await adjustJob(t.db, adminId, { jobId, note: "The ATS's range was a typo", salary });
    const [stored] = await t.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(stored).toMatchObject({ salaryMin: 60_000, salaryMax: 70_000, salarySource: "trust_safety" });
    const [entry] = await t.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "enforcement.job_adjusted")));
    expect(entry?.detail).toMatchObject({
      reason: "The ATS's range was a typo",
      salary: { from: { min: 80_000 }, to: salary },
    });
    await expect(adjustJob(t.db, adminId, { jobId, note: "x", brandName: "Someone Else" })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });

  it("lists organisations for the console with their counts", async () => {
    const { org, connectionId } = await employer();
    await post(connectionId);
    await makeMember(t.db, org.id, "recruiter");
    const row = (await listOrganisationsForAdmin(t.db)).find((o) => o.id === org.id);
    expect(row).toMatchObject({ members: 2, connections: 1, activeJobs: 1, openFlags: 0, standing: "active" });
  });

  it("refuses an action the state doesn't allow, and writes nothing when any part fails", async () => {
    const { org } = await employer();
    await expect(
      enforceOrganisation(t.db, adminId, { orgId: org.id, action: "lift", reason: "x" }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    const before = await auditActions(org.id);
    await expect(
      enforceOrganisation(t.db, adminId, { orgId: org.id, action: "suspend", reason: "x", flagId: "not-a-uuid" }),
    ).rejects.toThrow();
    expect(
      (
        await loadActor(
          t.db,
          (
            await t.db
              .select({ id: users.id })
              .from(users)
              .where(eq(users.email, `owner@${org.domains[0]}`))
          )[0]?.id as string,
        )
      )?.kind,
    ).toBe("member");
    expect(await auditActions(org.id)).toEqual(before);
  });
});
