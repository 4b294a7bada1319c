// In-portal conversations: open only on an approved access, closed on revoke or lapse, contact
// details refused, bodies encrypted at rest, and unread counts for the navigation.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "@/db/client";
import { decideRequest } from "@/lib/access/decisions";
import { candidateCounts, memberCounts } from "@/lib/access/nav-counts";
import { requestAccess } from "@/lib/access/requests";
import { type Employer, makeCandidate, makeEmployer, makeSnapshot } from "@/lib/testing/access";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { type Participant, readConversation, sendMessage } from "./index";

const DAY = 24 * 60 * 60 * 1000;
let t: TestDatabase;
let acme: Employer;

beforeAll(async () => {
  t = await createTestDatabase();
  acme = await makeEmployer(t.db, { credits: 10 });
});
afterAll(async () => t.drop());

async function approvedAccess() {
  const candidate = await makeCandidate(t.db);
  const snapshotId = await makeSnapshot(t.db, acme, candidate.candidateId);
  const { requestId } = await requestAccess(
    t.db,
    { orgId: acme.org.id, userId: acme.recruiter.id },
    { snapshotId, message: null, idempotencyKey: randomUUID() },
    new Date(),
  );
  const who = { candidateId: candidate.candidateId, userId: candidate.userId };
  const recruiter: Participant = { kind: "organisation", orgId: acme.org.id, userId: acme.recruiter.id };
  const owner: Participant = { kind: "organisation", orgId: acme.org.id, userId: acme.owner.id };
  const me: Participant = { kind: "candidate", ...who };
  return { requestId, who, recruiter, owner, me };
}

describe("messages", () => {
  it("can't start before approval, then carries both sides' words, encrypted, with unread counts", async () => {
    const { requestId, who, recruiter, owner, me } = await approvedAccess();
    await expect(sendMessage(t.db, recruiter, requestId, "Hello!", new Date())).rejects.toMatchObject({
      code: "request_closed",
    });
    await decideRequest(t.db, who, requestId, "approved", new Date());
    await sendMessage(t.db, recruiter, requestId, "Thanks for approving. Could we talk on Tuesday?", new Date());
    expect(await candidateCounts(t.db, who.candidateId, who.userId)).toEqual({ pendingRequests: 0, unreadMessages: 1 });
    const seen = await readConversation(t.db, me, requestId, new Date());
    expect(seen.map((m) => [m.mine, m.body])).toEqual([[false, "Thanks for approving. Could we talk on Tuesday?"]]);
    expect(await candidateCounts(t.db, who.candidateId, who.userId)).toEqual({ pendingRequests: 0, unreadMessages: 0 });
    await sendMessage(t.db, me, requestId, "Tuesday works.", new Date());
    expect((await memberCounts(t.db, acme.org.id, owner.userId)).unreadMessages).toBeGreaterThanOrEqual(1);
    const stored = resultRows<{ body: string }>(await t.db.execute(sql`select body_enc as body from access_messages`));
    expect(stored.map((r) => r.body).join(" ")).not.toContain("Tuesday");
  });

  it("refuses contact details and empty messages", async () => {
    const { requestId, who, recruiter } = await approvedAccess();
    await decideRequest(t.db, who, requestId, "approved", new Date());
    for (const body of ["mail me: hr@acme.example", "call 030 5550 1234", "   "]) {
      await expect(sendMessage(t.db, recruiter, requestId, body, new Date())).rejects.toMatchObject({
        code: "invalid_input",
      });
    }
  });

  it("closes on revoke (the organisation no longer reads it) and on lapse", async () => {
    const { requestId, who, recruiter, me } = await approvedAccess();
    await decideRequest(t.db, who, requestId, "approved", new Date());
    await sendMessage(t.db, recruiter, requestId, "First message", new Date());
    await expect(
      sendMessage(t.db, recruiter, requestId, "Later", new Date(Date.now() + 91 * DAY)),
    ).rejects.toMatchObject({
      code: "request_closed",
    });
    await decideRequest(t.db, who, requestId, "revoked", new Date());
    await expect(sendMessage(t.db, me, requestId, "Still there?", new Date())).rejects.toMatchObject({
      code: "request_closed",
    });
    expect(await readConversation(t.db, recruiter, requestId, new Date())).toEqual([]);
    expect((await readConversation(t.db, me, requestId, new Date())).map((m) => m.body)).toEqual(["First message"]);
  });

  it("is not found for another organisation or candidate", async () => {
    const { requestId, who } = await approvedAccess();
    await decideRequest(t.db, who, requestId, "approved", new Date());
    const other = await makeEmployer(t.db);
    const stranger = await makeCandidate(t.db);
    await expect(
      sendMessage(
        t.db,
        { kind: "organisation", orgId: other.org.id, userId: other.owner.id },
        requestId,
        "Hi",
        new Date(),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      sendMessage(
        t.db,
        { kind: "candidate", candidateId: stranger.candidateId, userId: stranger.userId },
        requestId,
        "Hi",
        new Date(),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
