import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, resultRows } from "@/db/client";
import { lockKeys } from "@/db/locks";
import { inboundEvents, jobs, outboundEvents } from "@/db/schema";
import { loadConnectionContext, secretsValidAt } from "@/lib/ats/connection-context";
import { rotateInboundSecret } from "@/lib/ats/connections/commands";
import { jobLockKey } from "@/lib/jobs/ingest";
import {
  fixture,
  GENERIC_SECRET,
  genericJob,
  inboundRequest,
  LONG_DESCRIPTION,
  makeConnection,
  makeEmployerWithConnection,
  setStanding,
  signAshby,
  signGeneric,
  signGreenhouse,
} from "@/lib/testing/ats";
import { makeMember } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { handleInboundRequest } from "./handle-request";
import { deliveryQueueFor } from "./queue";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

/** Sends a delivery through the route's handler, stored on this file's database. */
const deliver = (connectionId: string, body: Buffer | string, headers: Record<string, string>) =>
  handleInboundRequest(deliveryQueueFor(t.db), inboundRequest(connectionId, body, headers), connectionId);

async function sendGeneric(connectionId: string, payload: unknown, sign: Parameters<typeof signGeneric>[1] = {}) {
  const body = JSON.stringify(payload);
  const response = await deliver(connectionId, body, signGeneric(body, sign));
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function countRows(connectionId: string) {
  const [j] = await t.db.select({ n: count() }).from(jobs).where(eq(jobs.connectionId, connectionId));
  const [e] = await t.db.select({ n: count() }).from(inboundEvents).where(eq(inboundEvents.connectionId, connectionId));
  return { jobs: j?.n ?? 0, events: e?.n ?? 0 };
}

describe("generic (Standard Webhooks) events", () => {
  it("publishes a complete job and answers with its status", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const { status, body } = await sendGeneric(connectionId, genericJob(), { id: "msg_first" });
    expect(status).toBe(200);
    expect(body).toEqual({
      received: true,
      deliveryId: "msg_first",
      duplicate: false,
      jobs: [{ externalId: "REQ-1042", jobId: expect.any(String), status: "active", violations: [] }],
    });
  });

  it("answers 200 with violations when a rule rejects the job", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const { status, body } = await sendGeneric(
      connectionId,
      genericJob({ salary: { min: 95000, max: 80000, currency: "EUR", period: "year" } }),
    );
    expect(status).toBe(200);
    expect(body.jobs[0]).toMatchObject({
      status: "rejected",
      violations: [{ code: "salary.invalid", message: expect.any(String) }],
    });
  });

  it("stores text with NUL characters, broken surrogates and absurd dates instead of failing", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const { status, body } = await sendGeneric(
      connectionId,
      genericJob({
        externalId: "REQ-\u0000-1",
        title: "Engineer \ud800 \u0000",
        brand: `${"😀".repeat(50)}\ud800`,
        salary: { min: 1, max: 2, currency: "\u0000\udfff", period: "year" },
        updatedAt: "9999-12-31T23:59:59Z",
      }),
    );
    expect(status).toBe(200);
    expect(body.jobs[0]).toMatchObject({ externalId: "REQ--1", status: "rejected" });
    expect(JSON.stringify(body)).not.toMatch(/\\u0000|\\ud800|\\udfff/);
  });

  it("updates the same job on a later event and closes it on job.closed", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const first = await sendGeneric(connectionId, genericJob());
    const updated = await sendGeneric(connectionId, genericJob({ title: "Staff Backend Engineer" }, "job.updated"));
    expect(updated.body.jobs[0].jobId).toBe(first.body.jobs[0].jobId);
    const [row] = await t.db.select({ title: jobs.title }).from(jobs).where(eq(jobs.id, first.body.jobs[0].jobId));
    expect(row?.title).toBe("Staff Backend Engineer");
    const closed = await sendGeneric(connectionId, { type: "job.closed", data: { externalId: "REQ-1042" } });
    expect(closed.body.jobs[0]).toMatchObject({ jobId: first.body.jobs[0].jobId, status: "closed" });
    expect(await countRows(connectionId)).toEqual({ jobs: 1, events: 3 });
  });

  it("treats a repeated delivery id as a duplicate with the same answer", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const first = await sendGeneric(connectionId, genericJob(), { id: "msg_repeat" });
    const again = await sendGeneric(connectionId, genericJob({ title: "Changed in between" }), { id: "msg_repeat" });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    expect(await countRows(connectionId)).toEqual({ jobs: 1, events: 1 });
  });

  it("processes two identical deliveries arriving at once exactly once", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const body = JSON.stringify(genericJob());
    const headers = signGeneric(body, { id: "msg_simultaneous" });
    const answers = await Promise.all([0, 1].map(async () => (await deliver(connectionId, body, headers)).json()));
    expect(answers.map((a) => a.duplicate).sort()).toEqual([false, true]);
    expect(answers[0].jobs).toEqual(answers[1].jobs);
    expect(await countRows(connectionId)).toEqual({ jobs: 1, events: 1 });
  });

  it("serialises different deliveries for the same new job: one job, both events recorded", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const answers = await Promise.all(
      ["A", "B", "C", "D"].map((suffix) =>
        sendGeneric(connectionId, genericJob({ title: `Senior Backend Engineer ${suffix}` })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.jobs[0].jobId)).size).toBe(1);
    expect(await countRows(connectionId)).toEqual({ jobs: 1, events: 4 });
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "reads a job only after taking its lock, so queued events see each other",
    async () => {
      const { connectionId } = await makeEmployerWithConnection(t.db);
      const holder = openDatabase({ url: t.url as string }, 1);
      let pending: Promise<Awaited<ReturnType<typeof sendGeneric>>[]> = Promise.resolve([]);
      await holder.db.transaction(async (tx) => {
        await lockKeys(tx, [jobLockKey(connectionId, "REQ-1042")]);
        pending = Promise.all(
          ["A", "B", "C"].map((s) => sendGeneric(connectionId, genericJob({ title: `Engineer ${s}` }))),
        );
        await waitForLockWaiters(tx);
      });
      const answers = await pending;
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(await countRows(connectionId)).toEqual({ jobs: 1, events: 3 });
      await holder.close();
    },
  );

  it("lets only one of two copies of a job arriving at once under different ATS ids go live", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const answers = await Promise.all(
      ["COPY-1", "COPY-2", "COPY-3"].map((externalId) => sendGeneric(connectionId, genericJob({ externalId }))),
    );
    const statuses = answers.map((a) => a.body.jobs[0].status).sort();
    expect(statuses).toEqual(["active", "rejected", "rejected"]);
    expect(answers.flatMap((a) => a.body.jobs[0].violations.map((v: { code: string }) => v.code))).toEqual([
      "job.duplicate",
      "job.duplicate",
    ]);
  });

  it("keeps different jobs arriving at once apart", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sendGeneric(
          connectionId,
          genericJob({ externalId: `REQ-${i}`, location: { city: `City ${i}`, country: "DE", workplace: "onsite" } }),
        ),
      ),
    );
    expect(await countRows(connectionId)).toEqual({ jobs: 8, events: 8 });
  });

  it("writes a job.status_changed event with only the allowed keys when an endpoint is set", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db, { endpointUrl: "https://ats.example/hooks" });
    const { body } = await sendGeneric(connectionId, genericJob({ salary: null }));
    const rows = await t.db.select().from(outboundEvents).where(eq(outboundEvents.connectionId, connectionId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.type).toBe("job.status_changed");
    const payload = rows[0]?.payload as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(["externalId", "jobId", "portalUrl", "status", "violations"]);
    expect(payload).toMatchObject({
      jobId: body.jobs[0].jobId,
      status: "needs_info",
      violations: [{ code: "salary.missing" }],
    });
    expect(payload.portalUrl).toMatch(new RegExp(`/jobs/${body.jobs[0].jobId}$`));
    await sendGeneric(
      connectionId,
      genericJob({ salary: null, title: "Senior Backend Engineer (m/f/d)" }, "job.updated"),
    );
    expect(await t.db.select().from(outboundEvents).where(eq(outboundEvents.connectionId, connectionId))).toHaveLength(
      1,
    );
  });
});

describe("every status code of the contract", () => {
  it("400 for a body that isn't JSON, and for the wrong shape with issues", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const notJson = "{not json";
    const r1 = await deliver(connectionId, notJson, signGeneric(notJson));
    expect(r1.status).toBe(400);
    expect((await r1.json()).error.code).toBe("invalid_payload");
    const { status, body } = await sendGeneric(connectionId, { type: "job.exploded", data: {} });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_payload", issues: expect.any(Array) });
    expect(await countRows(connectionId)).toEqual({ jobs: 0, events: 0 });
  });

  it("401 for a missing, wrong or stale signature", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const body = JSON.stringify(genericJob());
    const unsigned = await deliver(connectionId, body, { "content-type": "application/json" });
    expect(unsigned.status).toBe(401);
    expect((await unsigned.json()).error.code).toBe("invalid_signature");
    const wrongSecret = `whsec_${Buffer.from("somebody-else-entirely-0123456789").toString("base64")}`;
    expect((await sendGeneric(connectionId, genericJob(), { secret: wrongSecret })).status).toBe(401);
    expect(
      (await sendGeneric(connectionId, genericJob(), { timestamp: new Date(Date.now() - 6 * 60_000) })).status,
    ).toBe(401);
    const tampered = signGeneric(body);
    const r = await deliver(connectionId, body.replace("Senior", "Junior"), tampered);
    expect(r.status).toBe(401);
    expect(await countRows(connectionId)).toEqual({ jobs: 0, events: 0 });
  });

  it("403 when the connection is disabled or the organisation suspended, and for jobs before activation", async () => {
    const disabled = await makeEmployerWithConnection(t.db, { status: "disabled", disabledBy: "trust_safety" });
    expect((await sendGeneric(disabled.connectionId, genericJob())).body.error.code).toBe("connection_disabled");
    const suspended = await makeEmployerWithConnection(t.db);
    await setStanding(t.db, suspended.org.id, "suspended");
    const r = await sendGeneric(suspended.connectionId, genericJob());
    expect(r.status).toBe(403);
    const draft = await makeEmployerWithConnection(t.db, { status: "draft" });
    expect((await sendGeneric(draft.connectionId, genericJob())).status).toBe(403);
    const ping = fixture("greenhouse-webhook-ping.json");
    const ghDraft = await makeEmployerWithConnection(t.db, { status: "draft", provider: "greenhouse" });
    const pinged = await handleInboundRequest(
      deliveryQueueFor(t.db),
      inboundRequest(ghDraft.connectionId, ping, signGreenhouse(ping)),
      ghDraft.connectionId,
    );
    expect(pinged.status).toBe(200);
  });

  it("404 for an unknown, malformed or pull-only connection", async () => {
    expect((await sendGeneric("00000000-0000-4000-8000-000000000000", genericJob())).status).toBe(404);
    expect((await sendGeneric("not-a-uuid", genericJob())).status).toBe(404);
    const { org } = await makeEmployerWithConnection(t.db);
    const lever = await makeConnection(t.db, org.id, org.brandId, { provider: "lever", boardToken: "acme" });
    expect((await sendGeneric(lever, genericJob())).body.error.code).toBe("not_found");
  });

  it("413 over 256 KiB, whether or not the length is declared", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const big = JSON.stringify(genericJob({ description: "x".repeat(300 * 1024) }));
    const declared = await deliver(connectionId, big, signGeneric(big));
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 300; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const streamed = new Request(`http://portal.test/api/ats/${connectionId}/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const r = await handleInboundRequest(deliveryQueueFor(t.db), streamed, connectionId);
    expect(r.status).toBe(413);
    expect((await r.json()).error.code).toBe("payload_too_large");
  });

  it("415 for a body that isn't declared as JSON", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const body = JSON.stringify(genericJob());
    const r = await deliver(connectionId, body, { ...signGeneric(body), "content-type": "text/plain" });
    expect(r.status).toBe(415);
  });

  it("429 with Retry-After over the connection's rate limit, counted in PostgreSQL", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db, { rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await sendGeneric(
            connectionId,
            genericJob({ externalId: `R-${i}`, location: { city: `C${i}`, country: "DE" } }),
          )
        ).status,
      );
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await sendGeneric(connectionId, genericJob());
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe("rate_limited");
  });

  it("503 with Retry-After when the database can't be reached", async () => {
    const down = openDatabase({ url: "postgres://postgres@127.0.0.1:1/nowhere" }, 1);
    const response = await handleInboundRequest(
      deliveryQueueFor(down.db),
      inboundRequest("00000000-0000-4000-8000-000000000001", "{}", {}),
      "00000000-0000-4000-8000-000000000001",
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error.code).toBe("database_unavailable");
    await down.close();
  });
});

describe("providers, signed as each provider signs", () => {
  it("Greenhouse: a job and its post land on one job that waits for a salary", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db, { provider: "greenhouse" });
    const created = fixture("greenhouse-webhook-job_created.json");
    const r1 = await deliver(connectionId, created, signGreenhouse(created));
    const b1 = await r1.json();
    expect(r1.status).toBe(200);
    expect(b1.jobs[0]).toMatchObject({ externalId: "371417", status: "needs_info" });
    expect(b1.jobs[0].violations.map((v: { code: string }) => v.code)).toContain("salary.missing");
    const deleted = fixture("greenhouse-webhook-job_deleted.json");
    const r2 = await deliver(connectionId, deleted, signGreenhouse(deleted));
    expect((await r2.json()).jobs).toEqual([]);
  });

  it("Greenhouse: job_post_deleted closes the job its post belongs to", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db, { provider: "greenhouse" });
    const post = Buffer.from(
      JSON.stringify({
        action: "job_post_created",
        payload: {
          id: 258341,
          job_id: 284999,
          title: "Software Engineer",
          location: "Dallas",
          content: LONG_DESCRIPTION,
          live: true,
          external: true,
          internal: false,
        },
      }),
    );
    const created = await (await deliver(connectionId, post, signGreenhouse(post))).json();
    expect(created.jobs[0]).toMatchObject({ externalId: "284999", status: "needs_info" });
    const deleted = fixture("greenhouse-webhook-job_post_deleted.json");
    const answer = await (await deliver(connectionId, deleted, signGreenhouse(deleted))).json();
    expect(answer.jobs).toEqual([
      { externalId: "284999", jobId: created.jobs[0].jobId, status: "closed", violations: [] },
    ]);
  });

  it("Ashby: jobPostingUnpublish closes the posting's job", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db, { provider: "ashby" });
    const update = fixture("ashby-webhook-jobPostingUpdate.RECONSTRUCTED.json");
    const first = await (await deliver(connectionId, update, signAshby(update))).json();
    const unpublish = Buffer.from(update.toString("utf8").replace('"jobPostingUpdate"', '"jobPostingUnpublish"'));
    const answer = await (await deliver(connectionId, unpublish, signAshby(unpublish))).json();
    expect(answer.jobs).toEqual([
      { externalId: first.jobs[0].externalId, jobId: first.jobs[0].jobId, status: "closed", violations: [] },
    ]);
  });

  it("Greenhouse: an unknown Greenhouse-Event-ID is the idempotency key", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db, { provider: "greenhouse" });
    const post = fixture("greenhouse-webhook-job_post_created.json");
    const headers = signGreenhouse(post, { eventId: "gh-evt-1" });
    await deliver(connectionId, post, headers);
    const again = await (await deliver(connectionId, post, headers)).json();
    expect(again).toMatchObject({ deliveryId: "gh-evt-1", duplicate: true });
  });

  it("Ashby: a posting update is processed; an unknown action is acknowledged and ignored", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db, { provider: "ashby" });
    const update = fixture("ashby-webhook-jobPostingUpdate.RECONSTRUCTED.json");
    const r = await deliver(connectionId, update, signAshby(update));
    expect(r.status).toBe(200);
    expect((await r.json()).jobs[0]).toMatchObject({ externalId: "d5a6bc97-4259-4bc5-b3fe-6d3edfd538e3" });
    const create = fixture("ashby-webhook-jobCreate.RECONSTRUCTED.json");
    const ignored = await deliver(connectionId, create, signAshby(create));
    expect(ignored.status).toBe(200);
    expect((await ignored.json()).jobs).toEqual([]);
    const [row] = await t.db
      .select({ outcome: inboundEvents.outcome })
      .from(inboundEvents)
      .where(and(eq(inboundEvents.connectionId, connectionId), eq(inboundEvents.eventType, "jobCreate")));
    expect(row?.outcome).toBe("ignored");
  });
});

describe("deliveries arriving together (stored in shared batches)", () => {
  const distinct = (i: number) =>
    genericJob({
      externalId: `TOGETHER-${i}`,
      title: `Platform Engineer ${i}`,
      location: { city: `Town ${i}`, country: "DE" },
    });

  it("counts each against the rate limit: exactly the limit gets through", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db, { rateLimitPerMinute: 4 });
    const answers = await Promise.all(Array.from({ length: 7 }, (_, i) => sendGeneric(connectionId, distinct(i))));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429]);
    expect(await countRows(connectionId)).toEqual({ jobs: 4, events: 4 });
  });

  it("answers each delivery on its own merits, across connections", async () => {
    const first = await makeEmployerWithConnection(t.db);
    const second = await makeEmployerWithConnection(t.db);
    const good = (id: string, i: number) => sendGeneric(id, distinct(i));
    const badSignature = sendGeneric(first.connectionId, distinct(90), { secret: `whsec_${"A".repeat(32)}` });
    const badPayload = sendGeneric(second.connectionId, { type: "job.published", data: { title: 7 } });
    const answers = await Promise.all([
      good(first.connectionId, 1),
      badSignature,
      good(second.connectionId, 2),
      badPayload,
      good(first.connectionId, 3),
      good(second.connectionId, 4),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 401, 200, 400, 200, 200]);
    expect(answers.filter((a) => a.status === 200).map((a) => a.body.jobs[0].status)).toEqual([
      "active",
      "active",
      "active",
      "active",
    ]);
    expect(await countRows(first.connectionId)).toEqual({ jobs: 2, events: 2 });
    expect(await countRows(second.connectionId)).toEqual({ jobs: 2, events: 2 });
  });

  it("stores fifty different jobs sent at once, each with its history and delivery record", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => sendGeneric(connectionId, distinct(i))));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body.jobs[0].jobId)).size).toBe(50);
    expect(await countRows(connectionId)).toEqual({ jobs: 50, events: 50 });
  });
});

describe("secret rotation", () => {
  it("keeps the previous secret valid for 24 hours, then refuses it", async () => {
    const { org, connectionId } = await makeEmployerWithConnection(t.db);
    const owner = await makeMember(t.db, org.id, "owner");
    const { signingSecret } = await rotateInboundSecret(
      t.db,
      { orgId: org.id, userId: owner.id, orgKind: "employer" },
      connectionId,
    );
    expect(signingSecret).toMatch(/^whsec_/);
    expect((await sendGeneric(connectionId, genericJob(), { secret: GENERIC_SECRET })).status).toBe(200);
    expect(
      (await sendGeneric(connectionId, genericJob({ title: "New secret" }), { secret: signingSecret as string }))
        .status,
    ).toBe(200);
    const valid = async (at: Date) => {
      const conn = await loadConnectionContext(t.db, connectionId, { inboundSecretsAt: at });
      return conn && secretsValidAt(conn, at);
    };
    expect(await valid(new Date(Date.now() + 23 * 3600_000))).toEqual([signingSecret, GENERIC_SECRET]);
    expect(await valid(new Date(Date.now() + 25 * 3600_000))).toEqual([signingSecret]);
  });
});

describe("a database that fails mid-request", () => {
  it.skipIf(!process.env.DATABASE_URL)("answers 503 and leaves nothing half-written", async () => {
    const { connectionId } = await makeEmployerWithConnection(t.db);
    const blocker = openDatabase({ url: t.url as string }, 1);
    const victim = openDatabase({ url: t.url as string }, 1);
    await blocker.db.transaction(async (tx) => {
      await tx.execute(sql`lock table jobs in access exclusive mode`);
      const pending = sendGenericOn(victim.db, connectionId);
      await waitForLockWaiters(tx);
      await tx.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() and pid <> pg_backend_pid()`,
      );
      const response = await pending;
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
    });
    expect(await countRows(connectionId)).toEqual({ jobs: 0, events: 0 });
    await blocker.close();
    await victim.close().catch(() => {});
  });
});

async function sendGenericOn(db: TestDatabase["db"], connectionId: string) {
  const body = JSON.stringify(genericJob());
  return handleInboundRequest(
    deliveryQueueFor(db),
    inboundRequest(connectionId, body, signGeneric(body)),
    connectionId,
  );
}

/** Polls (no sleep) until this many requests under test are blocked on a lock. */
async function waitForLockWaiters(tx: TestDatabase["db"], count = 1) {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    await tx.execute(sql`select pg_stat_clear_snapshot()`);
    const rows = resultRows<{ n: number }>(
      await tx.execute(
        sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
      ),
    );
    if ((rows[0]?.n ?? 0) >= count) return;
  }
  throw new Error("the request never waited on the lock");
}
