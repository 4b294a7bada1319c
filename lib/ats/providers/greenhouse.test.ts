import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { NormalizedJob } from "@/lib/ats/normalized-job";
import { greenhouseAdapter } from "@/lib/ats/providers/greenhouse";
import { fixture as fixtureBytes } from "@/lib/testing/fixtures";

const raw = (name: string): Buffer => fixtureBytes(`greenhouse-webhook-${name}.json`);
const fixture = (name: string) => JSON.parse(raw(name).toString("utf8"));

const SECRET = "greenhouse-secret-key";
const OLD_SECRET = "greenhouse-secret-key-previous";

const sign = (body: Buffer, secret = SECRET) => `sha256 ${createHmac("sha256", secret).update(body).digest("hex")}`;
const headersFor = (body: Buffer, secret = SECRET) => new Headers({ Signature: sign(body, secret) });
const verify = (headers: Headers, body: Buffer, secrets: string[] = [SECRET]) =>
  greenhouseAdapter.verify({ headers, rawBody: body, secrets, now: new Date() });

function upsertOf(body: unknown): NormalizedJob {
  const result = greenhouseAdapter.parse(body);
  if (!result.ok || result.event.kind !== "upsert") throw new Error(`not an upsert: ${JSON.stringify(result)}`);
  return result.event.job;
}

describe("greenhouse adapter: signatures", () => {
  const body = raw("job_updated");

  it("accepts the HMAC of the raw bytes", () => {
    expect(verify(headersFor(body), body)).toEqual({ ok: true });
  });

  it("verifies the raw bytes, not re-serialised JSON (Greenhouse escapes before signing)", () => {
    expect(body.toString("utf8")).toContain("<\\/p>");
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString("utf8")), null, 2));
    expect(verify(headersFor(body), reserialised)).toEqual({ ok: false, reason: "mismatch" });
    const unicodeEscaped = Buffer.from(
      '{"action":"job_post_updated","payload":{"content":"\\u003cp\\u003eHi\\u003c/p\\u003e"}}',
    );
    expect(verify(headersFor(unicodeEscaped), unicodeEscaped)).toEqual({ ok: true });
  });

  it("refuses another secret", () => {
    expect(verify(headersFor(body, "someone-else"), body)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a body changed by one byte", () => {
    const tampered = Buffer.from(body);
    tampered[tampered.indexOf("1".charCodeAt(0))] = "2".charCodeAt(0);
    expect(verify(headersFor(body), tampered)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("reports a missing Signature header", () => {
    expect(verify(new Headers(), body)).toEqual({ ok: false, reason: "missing" });
  });

  it.each([
    "sha256 ",
    "sha256 abc",
    "sha256 not-hex-at-all",
    "sha256",
    "sha1 abcdef",
    "garbage",
    `sha256 ${"0".repeat(64)}`,
  ])("refuses %j without throwing", (signature) => {
    expect(verify(new Headers({ Signature: signature }), body)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("accepts the previous secret during a rotation", () => {
    expect(verify(headersFor(body, OLD_SECRET), body, [SECRET, OLD_SECRET])).toEqual({ ok: true });
  });

  it("takes the delivery id from Greenhouse-Event-ID, else a hash of the body", () => {
    expect(greenhouseAdapter.deliveryId(new Headers({ "Greenhouse-Event-ID": "evt-123" }), body)).toBe("evt-123");
    const hashed = greenhouseAdapter.deliveryId(new Headers(), body);
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(greenhouseAdapter.deliveryId(new Headers(), body)).toBe(hashed);
    expect(greenhouseAdapter.deliveryId(new Headers(), raw("job_created"))).not.toBe(hashed);
  });
});

describe("greenhouse adapter: events", () => {
  it("answers a ping", () => {
    expect(greenhouseAdapter.parse(fixture("ping"))).toEqual({ ok: true, event: { kind: "ping", eventType: "ping" } });
  });

  it("maps job_post_created: the post's fields, keyed by its job's id", () => {
    expect(greenhouseAdapter.parse(fixture("job_post_created"))).toEqual({
      ok: true,
      event: {
        kind: "upsert",
        eventType: "job_post_created",
        job: {
          externalId: "1842002",
          title: "A Cool Job",
          descriptionHtml: "<p>Hey, this is a neat job. You should apply!</p>",
          location: { label: "New York, NY", city: "New York", region: "NY", country: "US" },
          status: "closed",
          updatedAt: "2017-10-12T15:06:32.691Z",
        },
      },
    });
  });

  it("maps job_post_updated to the same job, open only when live", () => {
    const body = fixture("job_post_updated");
    const job = upsertOf(body);
    expect(job).toMatchObject({
      externalId: "1842002",
      title: "A Cool Job",
      descriptionHtml: "<p>Come work for us!</p>",
    });
    expect(job.location).toEqual({ label: "At a Cool Place", city: "At a Cool Place", region: null, country: null });
    expect(job.status).toBe("closed");
    expect(upsertOf({ ...body, payload: { ...body.payload, live: true } }).status).toBe("open");
  });

  it("reads a remote post's workplace from its location", () => {
    const body = fixture("job_post_created");
    expect(upsertOf({ ...body, payload: { ...body.payload, location: "Remote - US" } })).toMatchObject({
      workplace: "remote",
      location: { label: "Remote - US", city: null, country: "US" },
    });
  });

  it("closes the job of a deleted post", () => {
    expect(greenhouseAdapter.parse(fixture("job_post_deleted"))).toEqual({
      ok: true,
      event: { kind: "close", eventType: "job_post_deleted", externalId: "284999" },
    });
  });

  it("ignores prospect posts (no job_id) and internal-only posts", () => {
    const created = fixture("job_post_created");
    const { job_id: _, ...prospect } = created.payload;
    const internal = { ...created.payload, internal: true, external: false };
    const deleted = fixture("job_post_deleted");
    for (const body of [
      { ...created, payload: prospect },
      { ...created, payload: { ...created.payload, job_id: null } },
      { ...created, payload: internal },
      { ...deleted, payload: { job_post: { ...deleted.payload.job_post, job_id: null } } },
      { ...deleted, payload: { job_post: { ...deleted.payload.job_post, internal: true, external: false } } },
    ]) {
      const result = greenhouseAdapter.parse(body);
      expect(result).toMatchObject({ ok: true, event: { kind: "ignored", eventType: body.action } });
    }
  });

  it("maps job_created: name, department, first office, employment type, text custom fields; no description or pay", () => {
    const job = upsertOf(fixture("job_created"));
    expect(job).toEqual({
      externalId: "371417",
      title: "Software Engineer",
      department: "Technology",
      location: { label: "New York, NY", city: "New York", region: "NY", country: "US" },
      employmentType: "full_time",
      fields: { "Employment Type": "Full-time", employment_type: "Full-time" },
      status: "open",
    });
    expect("descriptionHtml" in job).toBe(false);
    expect("salary" in job).toBe(false);
  });

  it("maps job_updated, with empty custom fields and employment type", () => {
    expect(upsertOf(fixture("job_updated"))).toEqual({
      externalId: "100445",
      title: "Assistant Store Manager, NYC",
      department: "Guideshops",
      location: { label: "New York, NY", city: "New York", region: "NY", country: "US" },
      employmentType: null,
      fields: {},
      status: "open",
    });
  });

  it("maps a job and its post to the same externalId", () => {
    const created = fixture("job_created");
    const post = fixture("job_post_created");
    const postJob = upsertOf({ ...post, payload: { ...post.payload, job_id: created.payload.job.id } });
    expect(postJob.externalId).toBe(upsertOf(created).externalId);
  });

  it.each([
    ["open", "open"],
    ["closed", "closed"],
    ["draft", "closed"],
  ])("reads job status %s as %s", (status, expected) => {
    const body = fixture("job_created");
    expect(upsertOf({ ...body, payload: { job: { ...body.payload.job, status } } }).status).toBe(expected);
  });

  it("falls back to the office name, keys numeric custom fields, and handles no offices or departments", () => {
    const body = fixture("job_created");
    const job = {
      ...body.payload.job,
      offices: [{ id: 14, name: "St. Louis", location: null }],
      departments: [],
      custom_fields: { level: { name: "Level", type: "number", value: 3 } },
    };
    expect(upsertOf({ ...body, payload: { job } })).toMatchObject({
      location: { label: "St. Louis", city: "St. Louis" },
      department: null,
      fields: { Level: "3", level: "3" },
    });
    expect(upsertOf({ ...body, payload: { job: { ...job, offices: [] } } }).location).toBeNull();
  });

  it("closes a deleted job", () => {
    expect(greenhouseAdapter.parse(fixture("job_deleted"))).toEqual({
      ok: true,
      event: { kind: "close", eventType: "job_deleted", externalId: "209256" },
    });
  });

  it.each(["candidate_hired", "prospect_created", "job_interview_stage_deleted"])("ignores %s", (action) => {
    expect(greenhouseAdapter.parse({ action, payload: { anything: true } })).toEqual({
      ok: true,
      event: { kind: "ignored", eventType: action, reason: `unsupported action "${action}"` },
    });
  });

  it.each([
    [{ payload: {} }, "action"],
    [{ action: 5 }, "action"],
    [{ action: "job_created", payload: { job: { name: "No id" } } }, "payload.job.id"],
    [{ action: "job_created", payload: { job: { id: 1, offices: [{ name: 7 }] } } }, "payload.job.offices.0.name"],
    [{ action: "job_post_updated", payload: { job_id: 1, title: 5 } }, "payload.title"],
    [{ action: "job_post_updated", payload: { job_id: 1, live: "yes" } }, "payload.live"],
    [{ action: "job_post_deleted", payload: {} }, "payload.job_post"],
    [{ action: "job_deleted", payload: { job: {} } }, "payload.job.id"],
    ["not an object", "(root)"],
  ])("reports %j at %s", (body, issuePath) => {
    const result = greenhouseAdapter.parse(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain(issuePath);
  });
});
