import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { NormalizedJob } from "@/lib/ats/normalized-job";
import { ashbyAdapter } from "@/lib/ats/providers/ashby";
import { fixture as fixtureBytes } from "@/lib/testing/fixtures";

const raw = (name: string): Buffer => fixtureBytes(`ashby-webhook-${name}.RECONSTRUCTED.json`);
const fixture = (name: string) => JSON.parse(raw(name).toString("utf8"));

const SECRET = "ashby-webhook-secret";
const OLD_SECRET = "ashby-webhook-secret-previous";

const sign = (body: Buffer, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
const headersFor = (body: Buffer, secret = SECRET) => new Headers({ "Ashby-Signature": sign(body, secret) });
const verify = (headers: Headers, body: Buffer, secrets: string[] = [SECRET]) =>
  ashbyAdapter.verify({ headers, rawBody: body, secrets, now: new Date() });

function upsertOf(body: unknown): NormalizedJob {
  const result = ashbyAdapter.parse(body);
  if (!result.ok || result.event.kind !== "upsert") throw new Error(`not an upsert: ${JSON.stringify(result)}`);
  return result.event.job;
}

const update = fixture("jobPostingUpdate");
const withPosting = (action: string, changes: Record<string, unknown>) => ({
  action,
  data: { jobPosting: { ...update.data.jobPosting, ...changes } },
});

describe("ashby adapter: signatures", () => {
  const body = raw("jobPostingUpdate");

  it("accepts the HMAC of the raw bytes", () => {
    expect(verify(headersFor(body), body)).toEqual({ ok: true });
  });

  it("refuses another secret", () => {
    expect(verify(headersFor(body, "someone-else"), body)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a body changed by one byte", () => {
    const tampered = Buffer.from(body);
    tampered[tampered.indexOf("P".charCodeAt(0))] = "Q".charCodeAt(0);
    expect(verify(headersFor(body), tampered)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("reports a missing Ashby-Signature header, ignoring other signature headers", () => {
    expect(verify(new Headers({ Signature: sign(body).replace("=", " ") }), body)).toEqual({
      ok: false,
      reason: "missing",
    });
  });

  it.each(["sha256=", "sha256=abc", "sha256=xyz", "sha256 abc", "garbage", sign(body).replace("=", " ")])(
    "refuses %j without throwing",
    (signature) => {
      expect(verify(new Headers({ "Ashby-Signature": signature }), body)).toEqual({ ok: false, reason: "mismatch" });
    },
  );

  it("accepts the previous secret during a rotation", () => {
    expect(verify(headersFor(body, OLD_SECRET), body, [SECRET, OLD_SECRET])).toEqual({ ok: true });
  });

  it("takes the delivery id from webhook-id, else a hash of the body", () => {
    expect(ashbyAdapter.deliveryId(new Headers({ "webhook-id": "wh_1" }), body)).toBe("wh_1");
    expect(ashbyAdapter.deliveryId(new Headers(), body)).toMatch(/^[0-9a-f]{64}$/);
    expect(ashbyAdapter.deliveryId(new Headers(), body)).not.toBe(
      ashbyAdapter.deliveryId(new Headers(), raw("jobCreate")),
    );
  });
});

describe("ashby adapter: events", () => {
  it("answers a ping", () => {
    expect(ashbyAdapter.parse({ action: "ping", data: {} })).toEqual({
      ok: true,
      event: { kind: "ping", eventType: "ping" },
    });
  });

  it("maps jobPostingUpdate; no description or salary (the webhook has only a summary)", () => {
    const job = upsertOf(update);
    expect(job).toEqual({
      externalId: "d5a6bc97-4259-4bc5-b3fe-6d3edfd538e3",
      title: "Posting Title",
      department: "Engineering department",
      location: { label: "Springfield", city: "Springfield", region: null, country: null },
      workplace: "hybrid",
      employmentType: "full_time",
      status: "open",
      applyUrl: "https://jobs.ashbyhq.com/6eec82ac-9713-512d-ac2e-405618935375/d5a6bc97-4259-4bc5-b3fe-6d3edfd538e3",
      updatedAt: "2022-08-12T20:29:56.964Z",
    });
    expect("descriptionHtml" in job).toBe(false);
    expect("salary" in job).toBe(false);
  });

  it("maps jobPostingPublish the same way", () => {
    const result = ashbyAdapter.parse({ ...update, action: "jobPostingPublish" });
    expect(result).toMatchObject({ ok: true, event: { kind: "upsert", eventType: "jobPostingPublish" } });
    expect(upsertOf({ ...update, action: "jobPostingPublish" })).toEqual(upsertOf(update));
  });

  it.each([
    [{ workplaceType: "OnSite" }, { workplace: "onsite" }],
    [{ workplaceType: "Remote" }, { workplace: "remote" }],
    [{ employmentType: "PartTime" }, { employmentType: "part_time" }],
    [{ employmentType: "Intern" }, { employmentType: "internship" }],
    [{ employmentType: "Contract" }, { employmentType: "contract" }],
    [{ employmentType: "Temporary" }, { employmentType: "temporary" }],
    [{ isListed: false }, { status: "closed" }],
    [{ externalLink: null }, { applyUrl: update.data.jobPosting.applyLink }],
    [{ externalLink: "https://careers.example/jobs/1" }, { applyUrl: "https://careers.example/jobs/1" }],
    [{ externalLink: "javascript:alert(1)" }, { applyUrl: null }],
    [{ locationName: "Berlin, Germany", workplaceType: undefined }, { location: { city: "Berlin", country: "DE" } }],
  ])("maps %j", (changes, expected) => {
    expect(upsertOf(withPosting("jobPostingUpdate", changes))).toMatchObject(expected);
  });

  it("reads the workplace from a remote location when the posting has no workplaceType", () => {
    const { workplaceType: _, ...posting } = update.data.jobPosting;
    const job = upsertOf({ action: "jobPostingUpdate", data: { jobPosting: { ...posting, locationName: "Remote" } } });
    expect(job.workplace).toBe("remote");
  });

  it("closes an unpublished posting", () => {
    expect(ashbyAdapter.parse({ ...update, action: "jobPostingUnpublish" })).toEqual({
      ok: true,
      event: { kind: "close", eventType: "jobPostingUnpublish", externalId: "d5a6bc97-4259-4bc5-b3fe-6d3edfd538e3" },
    });
  });

  it("ignores jobCreate and other actions", () => {
    expect(ashbyAdapter.parse(fixture("jobCreate"))).toEqual({
      ok: true,
      event: { kind: "ignored", eventType: "jobCreate", reason: 'unsupported action "jobCreate"' },
    });
    expect(ashbyAdapter.parse({ action: "candidateHire", data: {} })).toMatchObject({
      ok: true,
      event: { kind: "ignored" },
    });
  });

  it.each([
    [{ data: {} }, "action"],
    [{ action: "jobPostingUpdate", data: {} }, "data.jobPosting"],
    [withPosting("jobPostingUpdate", { id: undefined }), "data.jobPosting.id"],
    [withPosting("jobPostingUpdate", { id: "" }), "data.jobPosting.id"],
    [withPosting("jobPostingUpdate", { title: 5 }), "data.jobPosting.title"],
    [withPosting("jobPostingUpdate", { isListed: "yes" }), "data.jobPosting.isListed"],
    [{ action: "jobPostingUnpublish", data: { jobPosting: { id: 7 } } }, "data.jobPosting.id"],
  ])("reports %j at %s", (body, issuePath) => {
    const result = ashbyAdapter.parse(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain(issuePath);
  });
});
