// Property-based fuzzing of the inbound endpoint: random headers and bodies never give a 500,
// and nothing is written without a valid signature.
import { count } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundEvents, jobEvents, jobs, outboundEvents } from "@/db/schema";
import {
  GENERIC_SECRET,
  genericJob,
  inboundRequest,
  makeConnection,
  PLAIN_SECRET,
  signAshby,
  signGeneric,
  signGreenhouse,
} from "@/lib/testing/ats";
import { makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { handleInboundRequest } from "./handle-request";
import { deliveryQueueFor } from "./queue";

let t: TestDatabase;
const connections: Record<"generic" | "greenhouse" | "ashby", string> = { generic: "", greenhouse: "", ashby: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await makeOrg(t.db);
  for (const provider of ["generic", "greenhouse", "ashby"] as const) {
    connections[provider] = await makeConnection(t.db, org.id, org.brandId, {
      provider,
      endpointUrl: "https://ats.example/hook",
    });
  }
});
afterAll(async () => t.drop());

async function rowCounts() {
  const tables = [jobs, inboundEvents, jobEvents, outboundEvents];
  const counts = await Promise.all(tables.map((table) => t.db.select({ n: count() }).from(table)));
  return counts.map((c) => c[0]?.n ?? 0);
}

const headerName = fc.oneof(
  fc.constantFrom(
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
    "signature",
    "ashby-signature",
    "greenhouse-event-id",
    "content-type",
    "content-length",
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
);
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,80}$/),
  fc.constantFrom(
    "application/json",
    "v1,AAAA",
    "sha256 00",
    "sha256=zz",
    "v1,",
    String(Math.floor(Date.now() / 1000)),
  ),
);
const body = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  fc.constant(JSON.stringify(genericJob())),
);
const provider = fc.constantFrom("generic", "greenhouse", "ashby") as fc.Arbitrary<keyof typeof connections>;

/** Text that has broken databases before: NUL, lone surrogates, astral characters cut in half, anything. */
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "\udfff x", "😀".slice(0, 1), "😀".repeat(60), "\u202e"),
);
const nastyDate = fc.constantFrom(
  "+200000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "not a date",
  "",
);

describe("inbound fuzzing", () => {
  it("random headers and bodies never give a 500 and never write a row", async () => {
    const before = await rowCounts();
    await fc.assert(
      fc.asyncProperty(
        provider,
        fc.dictionary(headerName, headerValue, { maxKeys: 8 }),
        body,
        async (p, headers, payload) => {
          const id = connections[p];
          let request: Request;
          try {
            request = inboundRequest(id, payload, headers);
          } catch {
            return;
          }
          const response = await handleInboundRequest(deliveryQueueFor(t.db), request, id);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          await response.arrayBuffer();
        },
      ),
      { numRuns: 300 },
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("validly signed random payloads are answered 200 or 400, never 500", async () => {
    const mutated = fc.record({
      type: fc.constantFrom("job.published", "job.updated", "job.closed", "job.other"),
      data: fc.record(
        {
          externalId: fc.oneof(fc.string({ maxLength: 250 }), nasty, fc.integer(), fc.constant("\u0000id")),
          title: fc.oneof(fc.string({ maxLength: 400 }), nasty, fc.constant(null), fc.integer()),
          description: fc.oneof(fc.string({ maxLength: 400 }), nasty, fc.constant("<script>alert(1)</script>\u0000")),
          brand: fc.oneof(fc.string(), nasty, fc.constant(null)),
          client: fc.oneof(fc.string(), nasty, fc.constant(null)),
          location: fc.oneof(
            fc.constant(null),
            fc.record({
              city: fc.string(),
              country: fc.string({ maxLength: 5 }),
              workplace: fc.constantFrom("onsite", "hybrid", "remote", "moon"),
            }),
          ),
          employmentType: fc.constantFrom("full_time", "contract", "gig", null),
          salary: fc.oneof(
            fc.constant(null),
            fc.record({
              min: fc.oneof(fc.double(), fc.integer(), fc.constant(1e15)),
              max: fc.oneof(fc.double(), fc.integer(), fc.constant(-1)),
              currency: fc.oneof(fc.string({ maxLength: 6 }), nasty),
              period: fc.constantFrom("year", "month", "hour", "week", ""),
            }),
          ),
          status: fc.constantFrom("open", "closed", "paused"),
          updatedAt: nastyDate,
          applyUrl: fc.oneof(fc.webUrl(), fc.string(), fc.constant(null)),
        },
        { requiredKeys: [] },
      ),
    });
    const greenhousePost = fc.record({
      action: fc.constantFrom("job_post_created", "job_post_updated", "job_created", "job_post_deleted"),
      payload: fc.record(
        {
          id: fc.oneof(fc.integer(), nasty),
          job_id: fc.oneof(fc.integer(), nasty, fc.constant(null)),
          title: nasty,
          name: nasty,
          location: nasty,
          content: nasty,
          live: fc.boolean(),
          updated_at: nastyDate,
          status: fc.constantFrom("open", "closed", "draft"),
          job: fc.record({
            id: fc.integer(),
            name: nasty,
            status: fc.constantFrom("open", "closed"),
            offices: fc.constant([{ name: "Berlin", location: "Berlin, Germany" }]),
          }),
          job_post: fc.record({ id: fc.integer(), job_id: fc.integer() }),
        },
        { requiredKeys: [] },
      ),
    });
    const ashbyPosting = fc.record({
      action: fc.constantFrom("jobPostingPublish", "jobPostingUpdate", "jobPostingUnpublish"),
      data: fc.record({
        jobPosting: fc.record(
          {
            id: nasty,
            title: nasty,
            locationName: nasty,
            departmentName: nasty,
            workplaceType: fc.constantFrom("OnSite", "Hybrid", "Remote", "Moon"),
            employmentType: fc.constantFrom("FullTime", "Intern", "Gig"),
            isListed: fc.boolean(),
            externalLink: fc.oneof(fc.webUrl(), nasty),
            updatedAt: nastyDate,
          },
          { requiredKeys: [] },
        ),
      }),
    });
    const anyJson = fc.oneof(
      mutated,
      greenhousePost,
      ashbyPosting,
      fc.json({ maxDepth: 3 }).map((s) => JSON.parse(s) as unknown),
    );
    await fc.assert(
      fc.asyncProperty(provider, anyJson, async (p, payload) => {
        const id = connections[p];
        const text = JSON.stringify(payload) ?? "null";
        const headers =
          p === "generic"
            ? signGeneric(text, { secret: GENERIC_SECRET })
            : p === "greenhouse"
              ? signGreenhouse(text, { secret: PLAIN_SECRET })
              : signAshby(text, { secret: PLAIN_SECRET, webhookId: crypto.randomUUID() });
        const response = await handleInboundRequest(deliveryQueueFor(t.db), inboundRequest(id, text, headers), id);
        expect([200, 400]).toContain(response.status);
        await response.arrayBuffer();
      }),
      { numRuns: 400 },
    );
  });
});
