import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { genericAdapter } from "@/lib/ats/providers/generic";

const SECRET = `whsec_${Buffer.from("test-secret-0123456789").toString("base64")}`;
const OLD_SECRET = `whsec_${Buffer.from("old-secret-9876543210").toString("base64")}`;

const CONTRACT_EXAMPLE = {
  type: "job.published",
  data: {
    externalId: "REQ-1042",
    title: "Senior Backend Engineer",
    description: "<p>Build the things. At least a few sentences.</p>",
    brand: "Acme Robotics",
    client: null,
    location: { city: "Berlin", country: "DE", workplace: "hybrid" },
    employmentType: "full_time",
    salary: { min: 80000, max: 95000, currency: "EUR", period: "year" },
    status: "open",
    updatedAt: "2026-11-20T10:00:00Z",
  },
};

const rawBody = Buffer.from(JSON.stringify(CONTRACT_EXAMPLE));

function signedHeaders(body: Buffer, secret = SECRET, at = new Date(), id = "msg_2f9a") {
  return new Headers({
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body.toString("utf8")),
  });
}

const verify = (headers: Headers, body = rawBody, secrets: string[] = [SECRET], now = new Date()) =>
  genericAdapter.verify({ headers, rawBody: body, secrets, now });

function withHeader(headers: Headers, name: string, value: string | null): Headers {
  const copy = new Headers(headers);
  if (value === null) copy.delete(name);
  else copy.set(name, value);
  return copy;
}

describe("generic adapter: Standard Webhooks signatures", () => {
  it("accepts a valid signature", () => {
    expect(verify(signedHeaders(rawBody))).toEqual({ ok: true });
  });

  it("refuses a signature made with another secret", () => {
    expect(verify(signedHeaders(rawBody, OLD_SECRET))).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a body changed by one byte", () => {
    const tampered = Buffer.from(rawBody);
    tampered[tampered.indexOf("8".charCodeAt(0))] = "9".charCodeAt(0);
    expect(verify(signedHeaders(rawBody), tampered)).toEqual({ ok: false, reason: "mismatch" });
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])("reports a missing %s header", (name) => {
    expect(verify(withHeader(signedHeaders(rawBody), name, null))).toEqual({ ok: false, reason: "missing" });
  });

  it.each(["v1,", "v1,abc", "garbage", "v2,AAAA", ",", "v1,!!!! v1"])(
    "refuses the signature %j without throwing",
    (sig) => {
      expect(verify(withHeader(signedHeaders(rawBody), "webhook-signature", sig))).toEqual({
        ok: false,
        reason: "mismatch",
      });
    },
  );

  it("refuses a non-numeric timestamp as a mismatch", () => {
    expect(verify(withHeader(signedHeaders(rawBody), "webhook-timestamp", "soon"))).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("accepts the old secret while a rotated pair is valid", () => {
    expect(verify(signedHeaders(rawBody, OLD_SECRET), rawBody, [SECRET, OLD_SECRET])).toEqual({ ok: true });
    expect(verify(signedHeaders(rawBody, SECRET), rawBody, [SECRET, OLD_SECRET])).toEqual({ ok: true });
  });

  it("reports a timestamp ten minutes old as stale", () => {
    const tenMinutesAgo = new Date(Date.now() - 600_000);
    expect(verify(signedHeaders(rawBody, SECRET, tenMinutesAgo))).toEqual({ ok: false, reason: "stale" });
  });

  it("judges staleness against the caller's clock", () => {
    const inTenMinutes = new Date(Date.now() + 600_000);
    expect(verify(signedHeaders(rawBody), rawBody, [SECRET], inTenMinutes)).toEqual({ ok: false, reason: "stale" });
  });

  it("accepts one valid signature among several space-separated ones", () => {
    const headers = signedHeaders(rawBody);
    const valid = headers.get("webhook-signature");
    const several = `v1,${Buffer.alloc(32).toString("base64")} v1a,bm90IGEgc2ln ${valid}`;
    expect(verify(withHeader(headers, "webhook-signature", several))).toEqual({ ok: true });
  });

  it("never throws on a malformed secret", () => {
    const headers = signedHeaders(rawBody);
    expect(verify(headers, rawBody, ["", "whsec_%%%not-base64%%%"])).toEqual({ ok: false, reason: "mismatch" });
    expect(verify(headers, rawBody, ["whsec_%%%", SECRET])).toEqual({ ok: true });
  });

  it("refuses when the connection has no secret", () => {
    expect(verify(signedHeaders(rawBody), rawBody, [])).toEqual({ ok: false, reason: "mismatch" });
  });

  it("takes the delivery id from webhook-id", () => {
    expect(genericAdapter.deliveryId(signedHeaders(rawBody, SECRET, new Date(), "msg_42"), rawBody)).toBe("msg_42");
  });
});

describe("generic adapter: payloads", () => {
  const parse = (body: unknown) => genericAdapter.parse(body);
  const upsertOf = (data: Record<string, unknown>, type = "job.updated") => {
    const result = parse({ type, data });
    if (!result.ok || result.event.kind !== "upsert") throw new Error(`not an upsert: ${JSON.stringify(result)}`);
    return result.event.job;
  };

  it("maps the CONTRACT example", () => {
    expect(parse(CONTRACT_EXAMPLE)).toEqual({
      ok: true,
      event: {
        kind: "upsert",
        eventType: "job.published",
        job: {
          externalId: "REQ-1042",
          title: "Senior Backend Engineer",
          descriptionHtml: "<p>Build the things. At least a few sentences.</p>",
          brand: "Acme Robotics",
          client: null,
          location: { label: null, city: "Berlin", region: null, country: "DE" },
          workplace: "hybrid",
          employmentType: "full_time",
          salary: { min: 80000, max: 95000, currency: "EUR", period: "year" },
          status: "open",
          updatedAt: "2026-11-20T10:00:00Z",
        },
      },
    });
  });

  it("closes a job from job.closed with only its externalId", () => {
    expect(parse({ type: "job.closed", data: { externalId: "REQ-1042" } })).toEqual({
      ok: true,
      event: { kind: "close", eventType: "job.closed", externalId: "REQ-1042" },
    });
  });

  it("leaves what an event doesn't say undefined, so the posting rules judge completeness", () => {
    const job = upsertOf({ externalId: "REQ-7" }, "job.published");
    expect(job).toEqual({ externalId: "REQ-7" });
    expect(Object.keys(job)).toEqual(["externalId"]);
  });

  it("reads an explicit null as empty", () => {
    const job = upsertOf({ externalId: "REQ-7", title: null, description: null, location: null, salary: null });
    expect(job).toEqual({ externalId: "REQ-7", title: "", descriptionHtml: "", location: null, salary: null });
  });

  it.each([
    ["", null],
    [null, null],
    ["  ", null],
    ["Northwind Health", "Northwind Health"],
  ])("reads the client %j as %j", (client, expected) => {
    expect(upsertOf({ externalId: "REQ-7", client }).client).toBe(expected);
  });

  it.each([
    ["de", "DE"],
    ["Germany", "DE"],
    ["USA", "US"],
    ["Atlantis", null],
    [null, null],
  ])("maps the country %j to %j", (country, expected) => {
    expect(upsertOf({ externalId: "REQ-7", location: { country } }).location?.country).toBe(expected);
  });

  it("keeps an unknown salary period verbatim and upper-cases the currency", () => {
    const job = upsertOf({ externalId: "R", salary: { min: 1, max: 2, currency: "eur", period: "week" } });
    expect(job.salary).toEqual({ min: 1, max: 2, currency: "EUR", period: "week" });
  });

  it("passes an apply URL through", () => {
    expect(upsertOf({ externalId: "R", applyUrl: "https://careers.example/jobs/7" }).applyUrl).toBe(
      "https://careers.example/jobs/7",
    );
  });

  it.each([
    [{ type: "job.deleted", data: { externalId: "R" } }, "type"],
    [{ type: "job.published", data: { externalId: "R", title: 5 } }, "data.title"],
    [
      {
        type: "job.published",
        data: { externalId: "R", salary: { min: "abc", max: 2, currency: "EUR", period: "year" } },
      },
      "data.salary.min",
    ],
    [{ type: "job.published", data: { title: "No id" } }, "data.externalId"],
    [{ type: "job.published", data: { externalId: "" } }, "data.externalId"],
    [{ type: "job.closed", data: { externalId: "   " } }, "data.externalId"],
    [{ type: "job.closed", data: { externalId: "x".repeat(201) } }, "data.externalId"],
    [{ type: "job.closed", data: { externalId: 42 } }, "data.externalId"],
    [{ type: "job.updated", data: { externalId: "R", location: { workplace: "office" } } }, "data.location.workplace"],
    [{ type: "job.updated", data: { externalId: "R", employmentType: "Full-time" } }, "data.employmentType"],
    [{ type: "job.updated", data: { externalId: "R", status: "active" } }, "data.status"],
    [{ type: "job.updated", data: { externalId: "R", updatedAt: "yesterday" } }, "data.updatedAt"],
    [{ type: "job.updated", data: { externalId: "R", applyUrl: "javascript:alert(1)" } }, "data.applyUrl"],
    [{ type: "job.updated" }, "data"],
    [[], "(root)"],
  ])("reports %j at %s", (body, path) => {
    const result = parse(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toContain(path);
    expect(result.issues.every((issue) => issue.message.length > 0)).toBe(true);
  });

  it("accepts an externalId of exactly 200 characters and tolerates extra keys", () => {
    const externalId = "x".repeat(200);
    expect(upsertOf({ externalId, somethingNew: true, location: { city: "Oslo", zip: "0150" } })).toEqual({
      externalId,
      location: { label: null, city: "Oslo", region: null, country: null },
    });
  });
});
