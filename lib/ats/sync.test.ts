import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { atsConnections, jobs, syncRuns } from "@/db/schema";
import { completeJobInfo } from "@/lib/jobs/complete";
import { fixture, inboundRequest, LONG_DESCRIPTION, makeConnection, signGreenhouse } from "@/lib/testing/ats";
import { type BoardServer, startBoardServer } from "@/lib/testing/board-server";
import { makeMember, makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { handleInboundRequest } from "./inbound/handle-request";
import { deliveryQueueFor } from "./inbound/queue";
import { requestSync, runDueSyncs, runSync, startSyncRun } from "./sync";

let t: TestDatabase;
let board: BoardServer;
beforeAll(async () => {
  t = await createTestDatabase();
  board = await startBoardServer();
});
afterAll(async () => {
  await board.close();
  await t.drop();
});
beforeEach(() => {
  board.failWith = null;
  board.hang = false;
  board.requests.length = 0;
});

function greenhouseJob(id: number, internalId: number, title: string) {
  return {
    id,
    internal_job_id: internalId,
    title,
    updated_at: "2026-11-20T10:00:00-05:00",
    location: { name: "Berlin, Germany" },
    absolute_url: `https://boards.greenhouse.io/acme/jobs/${id}`,
    content: LONG_DESCRIPTION.replaceAll("<", "&lt;").replaceAll(">", "&gt;"),
    departments: [{ id: 1, name: "Engineering" }],
    metadata: null,
  };
}

const pay = (min: number, max: number) => ({
  pay_input_ranges: [{ min_cents: min * 100, max_cents: max * 100, currency_type: "EUR", title: "Berlin" }],
});

async function setup(provider: "greenhouse" | "lever" | "ashby") {
  const org = await makeOrg(t.db);
  const connectionId = await makeConnection(t.db, org.id, org.brandId, {
    provider,
    boardToken: "acme",
    boardBaseUrl: board.url,
  });
  return { org, connectionId };
}

async function sync(org: { id: string }, connectionId: string, options?: { timeoutMs: number }) {
  const { runId } = await startSyncRun(t.db, { id: connectionId, orgId: org.id }, "manual");
  await runSync(t.db, runId, connectionId, options);
  const [run] = await t.db.select().from(syncRuns).where(eq(syncRuns.id, runId));
  return run;
}

const jobsOf = (connectionId: string) =>
  t.db
    .select({
      externalId: jobs.externalId,
      status: jobs.status,
      salaryMin: jobs.salaryMin,
      salarySource: jobs.salarySource,
    })
    .from(jobs)
    .where(eq(jobs.connectionId, connectionId));

describe("pull sync", () => {
  it("Greenhouse: pulls jobs with their pay ranges, then closes the ones that vanish", async () => {
    const { org, connectionId } = await setup("greenhouse");
    board.greenhouse.jobs = [
      greenhouseJob(1001, 5001, "Senior Backend Engineer"),
      greenhouseJob(1002, 5002, "Data Engineer"),
    ];
    board.greenhouse.pay = { "1001": pay(80_000, 95_000), "1002": pay(70_000, 85_000) };
    const first = await sync(org, connectionId);
    expect(first).toMatchObject({
      status: "succeeded",
      jobsSeen: 2,
      jobsClosed: 0,
      jobsChanged: 2,
      pagesFetched: 3,
      error: null,
    });
    expect(await jobsOf(connectionId)).toEqual(
      expect.arrayContaining([
        { externalId: "5001", status: "active", salaryMin: 80_000, salarySource: "board" },
        { externalId: "5002", status: "active", salaryMin: 70_000, salarySource: "board" },
      ]),
    );
    board.greenhouse.jobs = [greenhouseJob(1001, 5001, "Senior Backend Engineer")];
    const second = await sync(org, connectionId);
    expect(second).toMatchObject({ status: "succeeded", jobsSeen: 1, jobsClosed: 1, jobsChanged: 1 });
    const [closed] = await t.db
      .select({ status: jobs.status })
      .from(jobs)
      .where(and(eq(jobs.connectionId, connectionId), eq(jobs.externalId, "5002")));
    expect(closed?.status).toBe("closed");
  });

  it("Greenhouse: the board supplies the pay range a webhook job was waiting for", async () => {
    const { org, connectionId } = await setup("greenhouse");
    const post = Buffer.from(
      JSON.stringify({
        action: "job_post_created",
        payload: {
          id: 77,
          title: "Platform Engineer",
          location: "Berlin, Germany",
          content: LONG_DESCRIPTION,
          job_id: 6001,
          live: true,
          external: true,
          internal: false,
        },
      }),
    );
    const answer = await (
      await handleInboundRequest(
        deliveryQueueFor(t.db),
        inboundRequest(connectionId, post, signGreenhouse(post)),
        connectionId,
      )
    ).json();
    expect(answer.jobs[0]).toMatchObject({ externalId: "6001", status: "needs_info" });
    board.greenhouse.jobs = [greenhouseJob(77, 6001, "Platform Engineer")];
    board.greenhouse.pay = { "77": pay(75_000, 90_000) };
    await sync(org, connectionId);
    expect(await jobsOf(connectionId)).toEqual([
      { externalId: "6001", status: "active", salaryMin: 75_000, salarySource: "board" },
    ]);
  });

  it("Lever: follows pagination", async () => {
    const { org, connectionId } = await setup("lever");
    const posting = JSON.parse(fixture("lever-postings_api_v0-posting.RECONSTRUCTED.json").toString("utf8"));
    board.lever = Array.from({ length: 130 }, (_, i) => ({
      ...posting,
      id: `posting-${i}`,
      text: `Infrastructure Engineer ${i}`,
      hostedUrl: `https://jobs.lever.co/acme/posting-${i}`,
      description: LONG_DESCRIPTION,
      categories: { ...posting.categories, location: `City ${i}` },
    }));
    const run = await sync(org, connectionId);
    expect(run).toMatchObject({ status: "succeeded", jobsSeen: 130, pagesFetched: 2 });
    expect(board.requests.filter((r) => r.startsWith("/v0/postings/acme"))).toEqual([
      "/v0/postings/acme?mode=json&skip=0&limit=100",
      "/v0/postings/acme?mode=json&skip=100&limit=100",
    ]);
    expect((await jobsOf(connectionId)).every((j) => j.status === "active")).toBe(true);
  });

  it("keeps the salary a recruiter added when the board lists the job without pay", async () => {
    const { org, connectionId } = await setup("lever");
    const posting = JSON.parse(fixture("lever-postings_api_v0-posting.RECONSTRUCTED.json").toString("utf8"));
    const { salaryRange: _none, ...withoutPay } = posting;
    board.lever = [
      { ...withoutPay, id: "no-pay", description: LONG_DESCRIPTION, hostedUrl: "https://jobs.lever.co/acme/no-pay" },
    ];
    await sync(org, connectionId);
    const [job] = await t.db
      .select({ id: jobs.id, status: jobs.status })
      .from(jobs)
      .where(eq(jobs.connectionId, connectionId));
    expect(job?.status).toBe("needs_info");
    const recruiter = await makeMember(t.db, org.id, "recruiter");
    await completeJobInfo(t.db, { orgId: org.id, userId: recruiter.id }, job?.id as string, {
      salary: { min: 90_000, max: 110_000, currency: "USD", period: "year" },
    });
    await sync(org, connectionId);
    expect(await jobsOf(connectionId)).toEqual([
      { externalId: "no-pay", status: "active", salaryMin: 90_000, salarySource: "recruiter" },
    ]);
  });

  it("Ashby: maps the posting API with compensation", async () => {
    const { org, connectionId } = await setup("ashby");
    const boardFixture = JSON.parse(fixture("ashby-posting_api-job_board.json").toString("utf8"));
    board.ashby = [
      {
        ...boardFixture.jobs[0],
        id: "ash-1",
        descriptionHtml: LONG_DESCRIPTION,
        jobUrl: "https://jobs.ashbyhq.com/acme/ash-1",
      },
    ];
    const run = await sync(org, connectionId);
    expect(run).toMatchObject({ status: "succeeded", jobsSeen: 1 });
    expect(await jobsOf(connectionId)).toEqual([
      { externalId: "ash-1", status: "active", salaryMin: 81_000, salarySource: "board" },
    ]);
  });

  it("records a failing board on the run instead of crashing, and closes nothing", async () => {
    const { org, connectionId } = await setup("greenhouse");
    board.greenhouse.jobs = [greenhouseJob(1, 7001, "Backend Engineer")];
    board.greenhouse.pay = { "1": pay(80_000, 95_000) };
    await sync(org, connectionId);
    board.failWith = 500;
    const failed = await sync(org, connectionId);
    expect(failed).toMatchObject({ status: "failed", error: "The job board answered 500." });
    expect((await jobsOf(connectionId))[0]?.status).toBe("active");
    board.failWith = null;
    board.greenhouse.jobs = [{ nonsense: true }];
    const malformed = await sync(org, connectionId);
    expect(malformed?.status).toBe("failed");
    expect(malformed?.error).toMatch(/greenhouse/i);
  });

  it("records a board that doesn't answer in time as a failed run", async () => {
    const { org, connectionId } = await setup("ashby");
    board.hang = true;
    const run = await sync(org, connectionId, { timeoutMs: 300 });
    expect(run).toMatchObject({ status: "failed", error: expect.stringMatching(/Timed out/) });
  });

  it("runs one sync per connection at a time", async () => {
    const { org, connectionId } = await setup("lever");
    const [a, b] = await Promise.all([
      startSyncRun(t.db, { id: connectionId, orgId: org.id }, "manual"),
      startSyncRun(t.db, { id: connectionId, orgId: org.id }, "schedule"),
    ]);
    expect([a?.alreadyRunning, b?.alreadyRunning].sort()).toEqual([false, true]);
    expect(a?.runId).toBe(b?.runId);
  });

  it("runs due connections on schedule, once", async () => {
    const { connectionId } = await setup("lever");
    board.lever = [];
    await t.db
      .update(atsConnections)
      .set({ nextSyncAt: new Date(Date.now() - 1000) })
      .where(eq(atsConnections.id, connectionId));
    expect(await runDueSyncs(t.db, 50)).toBeGreaterThanOrEqual(1);
    const runs = await t.db.select().from(syncRuns).where(eq(syncRuns.connectionId, connectionId));
    expect(runs).toEqual([expect.objectContaining({ trigger: "schedule", status: "succeeded" })]);
    const [connection] = await t.db
      .select({ nextSyncAt: atsConnections.nextSyncAt })
      .from(atsConnections)
      .where(eq(atsConnections.id, connectionId));
    expect(connection?.nextSyncAt?.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    await runDueSyncs(t.db, 50);
    expect(await t.db.select().from(syncRuns).where(eq(syncRuns.connectionId, connectionId))).toHaveLength(1);
  });

  it("refuses Sync now for another organisation's connection, or one without a board", async () => {
    const { connectionId } = await setup("lever");
    const stranger = await makeOrg(t.db);
    await expect(requestSync(t.db, stranger.id, connectionId)).rejects.toMatchObject({ code: "not_found" });
    const generic = await makeConnection(t.db, stranger.id, stranger.brandId);
    await expect(requestSync(t.db, stranger.id, generic)).rejects.toMatchObject({ code: "invalid_input" });
  });
});
