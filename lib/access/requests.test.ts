// Access Requests: the state machine with its credits, ATS events and audit entries; the sweep;
// one open request per organisation and candidate; the daily cap; refused contact details.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "@/db/client";
import { accessRequests, outboundEvents } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import {
  creditsOf,
  type Employer,
  ledgerBalance,
  makeCandidate,
  makeEmployer,
  makeJob,
  makeSnapshot,
} from "@/lib/testing/access";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { decideRequest } from "./decisions";
import { cancelRequest, requestAccess } from "./requests";
import { sweepAccess } from "./sweep";

const DAY = 24 * 60 * 60 * 1000;
const SETTINGS = { cost: 1, requestDays: 7, termDays: 90, dailyCap: 50 };
let t: TestDatabase;
let acme: Employer;

beforeAll(async () => {
  t = await createTestDatabase();
  acme = await makeEmployer(t.db, { credits: 20 });
});
afterAll(async () => t.drop());

async function fresh(employer = acme) {
  const candidate = await makeCandidate(t.db);
  const snapshotId = await makeSnapshot(t.db, employer, candidate.candidateId);
  return { candidate, snapshotId, who: { candidateId: candidate.candidateId, userId: candidate.userId } };
}

const send = (snapshotId: string, at = new Date(), employer = acme, key = randomUUID(), settings = SETTINGS) =>
  requestAccess(
    t.db,
    { orgId: employer.org.id, userId: employer.recruiter.id },
    { snapshotId, message: "We'd love to talk about our platform team.", idempotencyKey: key },
    at,
    settings,
  );

async function statusOf(id: string) {
  const [row] = await t.db.select().from(accessRequests).where(eq(accessRequests.id, id));
  return row;
}

async function eventsFor(snapshotId: string) {
  const rows = await t.db
    .select()
    .from(outboundEvents)
    .where(eq(outboundEvents.type, "snapshot.access_changed"))
    .orderBy(outboundEvents.createdAt);
  return rows
    .map((r) => r.payload as Record<string, unknown>)
    .filter((p) => p.snapshotId === snapshotId)
    .map((p) => p.status);
}

describe("access requests", () => {
  it("holds a credit when sent and spends it on approval; the ATS hears each change, without identity", async () => {
    const before = await creditsOf(t.db, acme.org.id);
    const { candidate, snapshotId, who } = await fresh();
    const { requestId } = await send(snapshotId);
    expect(await creditsOf(t.db, acme.org.id)).toEqual({ balance: before.balance - 1, held: before.held + 1 });
    await decideRequest(t.db, who, requestId, "approved", new Date());
    expect(await creditsOf(t.db, acme.org.id)).toEqual({ balance: before.balance - 1, held: before.held });
    const row = await statusOf(requestId);
    expect(row?.status).toBe("approved");
    expect(row?.accessUntil?.getTime()).toBeGreaterThan(Date.now() + 89 * DAY);
    expect(await eventsFor(snapshotId)).toEqual(["requested", "approved"]);
    const [payload] = resultRows<{ body: string }>(
      await t.db.execute(
        sql`select payload::text as body from outbound_events where type = 'snapshot.access_changed' limit 1`,
      ),
    );
    expect(Object.keys(JSON.parse(payload?.body ?? "{}")).sort()).toEqual([
      "candidateRef",
      "portalUrl",
      "snapshotId",
      "status",
    ]);
    for (const value of [candidate.identity.fullName, candidate.identity.email])
      expect(payload?.body).not.toContain(value);
    expect(await ledgerBalance(t.db, acme.org.id)).toMatchObject({ balance: before.balance - 1 });
    expect(await verifyAuditChain(t.db, acme.org.id)).toBeNull();
  });

  it("returns the credit on decline and on cancel, and a decided request can't be decided again", async () => {
    const before = await creditsOf(t.db, acme.org.id);
    const a = await fresh();
    const b = await fresh();
    const first = await send(a.snapshotId);
    const second = await send(b.snapshotId);
    await decideRequest(t.db, a.who, first.requestId, "declined", new Date());
    await cancelRequest(t.db, { orgId: acme.org.id, userId: acme.owner.id }, second.requestId, new Date());
    expect(await creditsOf(t.db, acme.org.id)).toEqual(before);
    await expect(decideRequest(t.db, a.who, first.requestId, "approved", new Date())).rejects.toMatchObject({
      code: "request_closed",
    });
    expect(await eventsFor(a.snapshotId)).toEqual(["requested", "declined"]);
    expect(await eventsFor(b.snapshotId)).toEqual(["requested", "cancelled"]);
  });

  it("refuses another organisation's or candidate's request as not found", async () => {
    const other = await makeEmployer(t.db, { credits: 1 });
    const mine = await fresh();
    const stranger = await fresh();
    const { requestId } = await send(mine.snapshotId);
    await expect(
      cancelRequest(t.db, { orgId: other.org.id, userId: other.owner.id }, requestId, new Date()),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(decideRequest(t.db, stranger.who, requestId, "approved", new Date())).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(send(mine.snapshotId, new Date(), other)).rejects.toMatchObject({ code: "not_found" });
    expect((await statusOf(requestId))?.status).toBe("requested");
  });

  it("keeps one open request per organisation and candidate, and a repeated key is the same request", async () => {
    const { snapshotId, candidate } = await fresh();
    const otherJob = await makeJob(t.db, acme.org.id, acme.connectionId, "Staff Engineer");
    const secondSnapshot = await makeSnapshot(t.db, { org: acme.org, jobId: otherJob }, candidate.candidateId);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      send(snapshotId, new Date(), acme, key),
      send(snapshotId, new Date(), acme, key),
    ]);
    expect(a.requestId).toBe(b.requestId);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    await expect(send(secondSnapshot)).rejects.toMatchObject({ code: "already_requested" });
    const rows = await t.db.select().from(accessRequests).where(eq(accessRequests.candidateId, candidate.candidateId));
    expect(rows).toHaveLength(1);
  });

  it("refuses links, e-mail addresses and phone numbers in the message, and writes nothing", async () => {
    const { snapshotId } = await fresh();
    const before = await creditsOf(t.db, acme.org.id);
    for (const message of ["Write to jobs@acme.example", "See acme.example/careers", "Call +49 30 5550 1234"]) {
      await expect(
        requestAccess(
          t.db,
          { orgId: acme.org.id, userId: acme.recruiter.id },
          { snapshotId, message, idempotencyKey: randomUUID() },
          new Date(),
        ),
      ).rejects.toMatchObject({ code: "invalid_input" });
    }
    expect(await creditsOf(t.db, acme.org.id)).toEqual(before);
  });

  it("stops at the daily cap", async () => {
    const capped = await makeEmployer(t.db, { credits: 5 });
    const settings = { ...SETTINGS, dailyCap: 2 };
    const at = new Date();
    await send((await fresh(capped)).snapshotId, at, capped, randomUUID(), settings);
    await send((await fresh(capped)).snapshotId, at, capped, randomUUID(), settings);
    await expect(send((await fresh(capped)).snapshotId, at, capped, randomUUID(), settings)).rejects.toMatchObject({
      code: "daily_cap_reached",
    });
    await send((await fresh(capped)).snapshotId, new Date(at.getTime() + DAY + 1000), capped, randomUUID(), settings);
    expect(await creditsOf(t.db, capped.org.id)).toEqual({ balance: 2, held: 3 });
  });

  it("expires pending requests and lapses accesses in a sweep that runs once across replicas", async () => {
    const employer = await makeEmployer(t.db, { credits: 10 });
    const pending = await Promise.all([fresh(employer), fresh(employer), fresh(employer)]);
    const sent = new Date();
    const ids = [];
    for (const p of pending) ids.push((await send(p.snapshotId, sent, employer)).requestId);
    const approved = await fresh(employer);
    const access = await send(approved.snapshotId, sent, employer);
    await decideRequest(t.db, approved.who, access.requestId, "approved", sent);

    const early = await sweepAccess(t.db, new Date(sent.getTime() + 6 * DAY));
    expect(early).toMatchObject({ expired: 0, lapsed: 0 });
    await expect(
      decideRequest(t.db, pending[0]?.who as never, ids[0] as string, "approved", new Date(sent.getTime() + 8 * DAY)),
    ).rejects.toMatchObject({ code: "request_closed" });

    const later = new Date(sent.getTime() + 91 * DAY);
    const sweeps = await Promise.all([sweepAccess(t.db, later), sweepAccess(t.db, later), sweepAccess(t.db, later)]);
    expect(sweeps.filter((s) => s.ran).length).toBeGreaterThanOrEqual(1);
    for (const id of ids) expect((await statusOf(id))?.status).toBe("expired");
    for (const p of pending) expect(await eventsFor(p.snapshotId)).toEqual(["requested", "expired"]);
    expect((await statusOf(access.requestId))?.status).toBe("lapsed");
    expect(await creditsOf(t.db, employer.org.id)).toEqual({ balance: 9, held: 0 });
    const balance = await ledgerBalance(t.db, employer.org.id);
    expect(balance.ledger).toBe(balance.balance);
    expect(balance.ledger_held).toBe(0);
    expect(await eventsFor(approved.snapshotId)).toEqual(["requested", "approved", "lapsed"]);
    expect(await sweepAccess(t.db, later)).toMatchObject({ expired: 0, lapsed: 0 });
  });

  it("revokes an approved access at the candidate's word", async () => {
    const { snapshotId, who } = await fresh();
    const { requestId } = await send(snapshotId);
    await decideRequest(t.db, who, requestId, "approved", new Date());
    await decideRequest(t.db, who, requestId, "revoked", new Date());
    expect((await statusOf(requestId))?.status).toBe("revoked");
    expect(await eventsFor(snapshotId)).toEqual(["requested", "approved", "revoked"]);
  });
});
