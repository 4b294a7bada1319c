// A database crash in the middle of concurrent requests leaves the ledger balanced: every request
// that exists holds its credit, every hold has its request, and the balance is what the ledger says.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { ledgerBalance, makeCandidate, makeEmployer, makeSnapshot } from "@/lib/testing/access";
import { type PrivatePostgres, privatePostgresAvailable, startPrivatePostgres } from "@/lib/testing/private-postgres";
import { decideRequest } from "./decisions";
import { requestAccess } from "./requests";

const SETTINGS = { cost: 1, requestDays: 7, termDays: 90, dailyCap: 1000 };
const run = process.env.DATABASE_URL && privatePostgresAvailable() ? describe : describe.skip;

let server: PrivatePostgres;
let handle: DatabaseHandle;

run("credits across a database crash (private PostgreSQL)", () => {
  beforeAll(async () => {
    server = startPrivatePostgres(55415);
    handle = openDatabase({ url: server.url }, 10);
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close().catch(() => {});
    server?.stop();
  });

  it("keeps the ledger balanced when PostgreSQL crashes between concurrent requests", {
    timeout: 120_000,
  }, async () => {
    const db = handle.db;
    const employer = await makeEmployer(db, { credits: 30 });
    const candidates = [];
    for (let i = 0; i < 40; i++) {
      const c = await makeCandidate(db);
      candidates.push({ ...c, snapshotId: await makeSnapshot(db, employer, c.candidateId) });
    }
    let settled = 0;
    let crashAfterFive: () => void = () => {};
    const fiveDone = new Promise<void>((resolve) => {
      crashAfterFive = resolve;
    });
    const attempts = candidates.map((c) =>
      requestAccess(
        db,
        { orgId: employer.org.id, userId: employer.recruiter.id },
        { snapshotId: c.snapshotId, message: null, idempotencyKey: randomUUID() },
        new Date(),
        SETTINGS,
      ).finally(() => {
        settled += 1;
        if (settled === 5) crashAfterFive();
      }),
    );
    await fiveDone;
    server.crash();
    const outcomes = await Promise.allSettled(attempts);
    expect(outcomes.some((o) => o.status === "rejected")).toBe(true);
    server.start();

    const after = await ledgerBalance(db, employer.org.id);
    expect(after.ledger).toBe(after.balance);
    expect(after.ledger_held).toBe(after.held);
    expect(after.open_held).toBe(after.held);
    expect(after.balance + after.held).toBe(30);

    const sent = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value.requestId] : []));
    const first = candidates[outcomes.findIndex((o) => o.status === "fulfilled")];
    if (first && sent[0]) {
      await decideRequest(
        db,
        { candidateId: first.candidateId, userId: first.userId },
        sent[0],
        "approved",
        new Date(),
      );
    }
    const final = await ledgerBalance(db, employer.org.id);
    expect(final.ledger).toBe(final.balance);
    expect(final.balance + final.held).toBe(30 - (sent[0] ? 1 : 0));
  });
});
