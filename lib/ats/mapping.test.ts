import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  countryCode,
  decodeHtmlEntities,
  dropUndefined,
  employmentTypeOf,
  parseAction,
  parseLocationLabel,
  parseProviderResponse,
  salaryOf,
  salaryPeriodOf,
  verifyHexHmac,
  webUrl,
  workplaceFromLabel,
  workplaceOf,
  zodIssues,
} from "@/lib/ats/mapping";
import { hmacSha256 } from "@/lib/crypto/hmac";

describe("countryCode", () => {
  it.each([
    ["United States", "US"],
    ["United States of America", "US"],
    ["USA", "US"],
    ["U.S.", "US"],
    ["US", "US"],
    ["us", "US"],
    ["Germany", "DE"],
    ["germany", "DE"],
    ["DE", "DE"],
    ["DEU", "DE"],
    ["Deutschland", "DE"],
    ["Österreich", "AT"],
    ["España", "ES"],
    ["UK", "GB"],
    ["United Kingdom", "GB"],
    ["England", "GB"],
    [" Netherlands ", "NL"],
  ])("maps %s to %s", (input, code) => {
    expect(countryCode(input)).toBe(code);
  });

  it.each(["", "  ", "XX", "NYC", "Berlin", "Remote", "Europe", null, undefined])("knows no country in %s", (input) => {
    expect(countryCode(input)).toBeNull();
  });
});

describe("parseLocationLabel", () => {
  it("returns null for an empty label", () => {
    expect(parseLocationLabel(null)).toBeNull();
    expect(parseLocationLabel(undefined)).toBeNull();
    expect(parseLocationLabel("  ")).toBeNull();
  });

  it.each([
    ["New York, NY", { city: "New York", region: "NY", country: "US" }],
    ["Austin, Texas", { city: "Austin", region: "Texas", country: "US" }],
    ["New York, NY, United States", { city: "New York", region: "NY", country: "US" }],
    ["Berlin, Germany", { city: "Berlin", region: null, country: "DE" }],
    ["Berlin, Deutschland", { city: "Berlin", region: null, country: "DE" }],
    ["Paris, FR", { city: "Paris", region: null, country: "FR" }],
    ["London, UK", { city: "London", region: null, country: "GB" }],
    ["Toronto, Ontario", { city: "Toronto", region: "Ontario", country: null }],
    ["Germany", { city: null, region: null, country: "DE" }],
    ["USA", { city: null, region: null, country: "US" }],
    ["California", { city: null, region: "California", country: "US" }],
    ["NYC", { city: "NYC", region: null, country: null }],
    ["San Francisco", { city: "San Francisco", region: null, country: null }],
    ["Remote", { city: null, region: null, country: null }],
    ["Remote - US", { city: null, region: null, country: "US" }],
    ["Remote (Germany)", { city: null, region: null, country: "DE" }],
    ["Berlin, Germany (Hybrid)", { city: "Berlin", region: null, country: "DE" }],
    ["US Remote", { city: null, region: null, country: "US" }],
  ])("reads %s", (label, place) => {
    expect(parseLocationLabel(label)).toEqual({ label, ...place });
  });

  it("leaves the country unknown when a US state code is also a country code", () => {
    expect(parseLocationLabel("San Francisco, CA")).toEqual({
      label: "San Francisco, CA",
      city: "San Francisco",
      region: "CA",
      country: null,
    });
    expect(parseLocationLabel("Wilmington, DE")).toMatchObject({ region: "DE", country: null });
    expect(parseLocationLabel("Atlanta, Georgia")).toMatchObject({ region: "Georgia", country: null });
  });

  it("keeps the label as written, trimmed", () => {
    expect(parseLocationLabel("  At a Cool Place ")).toEqual({
      label: "At a Cool Place",
      city: "At a Cool Place",
      region: null,
      country: null,
    });
  });
});

describe("workplaceFromLabel", () => {
  it.each([
    ["Remote", "remote"],
    ["Remote - US", "remote"],
    ["Anywhere", "remote"],
    ["Berlin (Hybrid)", "hybrid"],
    ["Munich, on-site", "onsite"],
    ["New York, NY", undefined],
    [null, undefined],
    ["Remoteville", undefined],
  ])("reads %s as %s", (label, workplace) => {
    expect(workplaceFromLabel(label)).toBe(workplace);
  });
});

describe("employmentTypeOf", () => {
  it.each([
    ["Full-time", "full_time"],
    ["Part-time", "part_time"],
    ["Contract", "contract"],
    ["Intern", "internship"],
    ["Internship", "internship"],
    ["Temporary", "temporary"],
    ["FullTime", "full_time"],
    ["PartTime", "part_time"],
    ["full_time", "full_time"],
    ["Full Time", "full_time"],
    ["Volunteer", null],
    ["", null],
    [null, null],
    [undefined, null],
    ["constructor", null],
  ])("maps %s to %s", (value, type) => {
    expect(employmentTypeOf(value)).toBe(type);
  });
});

describe("workplaceOf", () => {
  it.each([
    ["on-site", "onsite"],
    ["onsite", "onsite"],
    ["OnSite", "onsite"],
    ["remote", "remote"],
    ["Remote", "remote"],
    ["hybrid", "hybrid"],
    ["Hybrid", "hybrid"],
    ["unspecified", null],
    ["toString", null],
    [null, null],
  ])("maps %s to %s", (value, workplace) => {
    expect(workplaceOf(value)).toBe(workplace);
  });
});

describe("salaryPeriodOf and salaryOf", () => {
  it.each([
    ["per-year-salary", "year"],
    ["per-month-salary", "month"],
    ["per-hour-wage", "hour"],
    ["1 YEAR", "year"],
    ["1 MONTH", "month"],
    ["1 HOUR", "hour"],
    ["year", "year"],
    ["per-week-salary", "per-week-salary"],
    ["one-time", "one-time"],
    ["1 WEEK", "1 WEEK"],
  ])("maps the period %s to %s", (value, period) => {
    expect(salaryPeriodOf(value)).toBe(period);
  });

  it("builds a salary with an upper-case currency", () => {
    expect(salaryOf({ min: 40000, max: 60000, currency: "usd", period: "per-year-salary" })).toEqual({
      min: 40000,
      max: 60000,
      currency: "USD",
      period: "year",
    });
  });

  it("gives no salary when a part is missing", () => {
    expect(salaryOf({ min: 1, max: null, currency: "USD", period: "1 YEAR" })).toBeNull();
    expect(salaryOf({ min: 1, max: 2, currency: null, period: "1 YEAR" })).toBeNull();
    expect(salaryOf({ min: 1, max: 2, currency: "USD" })).toBeNull();
    expect(salaryOf({ min: 0, max: 0, currency: "USD", period: "hour" })).toEqual({
      min: 0,
      max: 0,
      currency: "USD",
      period: "hour",
    });
  });
});

describe("decodeHtmlEntities", () => {
  it("decodes single-escaped HTML", () => {
    expect(decodeHtmlEntities("&lt;p&gt;Tom &amp;amp; Jerry&lt;/p&gt;")).toBe("<p>Tom &amp; Jerry</p>");
  });

  it("decodes double-escaped HTML, as in Greenhouse's docs", () => {
    expect(decodeHtmlEntities("Intro. &amp;lt;p&amp;gt;Body&amp;lt;/p&amp;gt;")).toBe("Intro. <p>Body</p>");
  });

  it("stops after three passes", () => {
    const nested = "&lt;b&gt;&amp;lt;i&amp;gt;&amp;amp;lt;u&amp;amp;gt;&amp;amp;amp;lt;s&amp;amp;amp;gt;";
    expect(decodeHtmlEntities(nested)).toBe("<b><i><u>&lt;s&gt;");
  });

  it("decodes again only while escaped tags remain", () => {
    expect(decodeHtmlEntities("&amp;amp;lt;b&amp;amp;gt;")).toBe("&amp;lt;b&amp;gt;");
  });

  it("leaves plain text and real tags alone", () => {
    expect(decodeHtmlEntities("<p>Hello</p>")).toBe("<p>Hello</p>");
    expect(decodeHtmlEntities("5 &lt; 6")).toBe("5 < 6");
  });
});

describe("small helpers", () => {
  it("drops undefined keys but keeps null ones", () => {
    const value = dropUndefined({ a: 1, b: undefined, c: null });
    expect(Object.keys(value)).toEqual(["a", "c"]);
  });

  it("accepts only http(s) URLs", () => {
    expect(webUrl("https://jobs.example/1")).toBe("https://jobs.example/1");
    expect(webUrl("http://jobs.example/1")).toBe("http://jobs.example/1");
    expect(webUrl("javascript:alert(1)")).toBeNull();
    expect(webUrl("not a url")).toBeNull();
    expect(webUrl(null)).toBeNull();
  });

  it("turns zod issues into dotted paths", () => {
    const schema = z.object({ data: z.object({ title: z.string(), tags: z.array(z.string()) }) });
    const parsed = schema.safeParse({ data: { title: 5, tags: ["a", 1] } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(zodIssues(parsed.error).map((i) => i.path)).toEqual(["data.title", "data.tags.1"]);
    const root = z.object({}).safeParse([]);
    expect(root.success || zodIssues(root.error)[0]?.path).toBe("(root)");
  });

  it("names the provider and the problem, never the data, when a response is malformed", () => {
    const schema = z.object({ jobs: z.array(z.object({ title: z.string() })) });
    expect(() => parseProviderResponse("Test board response", schema, { jobs: [{ title: "secret-ish" }, {}] })).toThrow(
      /^Test board response is malformed: jobs\.1\.title: Invalid input/,
    );
    const many = { jobs: [{}, {}, {}, {}, {}] };
    expect(() => parseProviderResponse("Test", schema, many)).toThrow(/\(and 2 more\)$/);
    expect(parseProviderResponse("Test", schema, { jobs: [] })).toEqual({ jobs: [] });
  });

  it("ignores unknown actions and validates known ones", () => {
    const schema = z.object({ action: z.literal("ping"), n: z.number() });
    const eventOf = () => ({ kind: "ping" as const, eventType: "ping" });
    expect(parseAction({ action: "other" }, ["ping"], schema, eventOf)).toEqual({
      ok: true,
      event: { kind: "ignored", eventType: "other", reason: 'unsupported action "other"' },
    });
    expect(parseAction({ action: "ping", n: 1 }, ["ping"], schema, eventOf)).toEqual({ ok: true, event: eventOf() });
    expect(parseAction({ action: "ping", n: "1" }, ["ping"], schema, eventOf)).toMatchObject({
      ok: false,
      issues: [{ path: "n" }],
    });
    expect(parseAction("nope", ["ping"], schema, eventOf)).toMatchObject({ ok: false, issues: [{ path: "(root)" }] });
  });
});

describe("verifyHexHmac", () => {
  const body = Buffer.from('{"a":1}');
  const hex = hmacSha256("s3cret", body).toString("hex");
  const pattern = /^sha256=([0-9a-f]+)$/i;

  it("accepts the right signature under any of the secrets, in any case", () => {
    expect(verifyHexHmac(`sha256=${hex}`, pattern, body, ["old", "s3cret"])).toEqual({ ok: true });
    expect(verifyHexHmac(`sha256=${hex.toUpperCase()}`, pattern, body, ["s3cret"])).toEqual({ ok: true });
  });

  it.each(["sha256=", "sha256=abc", "sha256=zz", `sha256 ${hex}`, "garbage", `sha256=${hex}00`])(
    "refuses %s without throwing",
    (header) => {
      expect(verifyHexHmac(header, pattern, body, ["s3cret"])).toEqual({ ok: false, reason: "mismatch" });
    },
  );

  it("reports a missing header, and no secrets as a mismatch", () => {
    expect(verifyHexHmac(null, pattern, body, ["s3cret"])).toEqual({ ok: false, reason: "missing" });
    expect(verifyHexHmac(`sha256=${hex}`, pattern, body, [])).toEqual({ ok: false, reason: "mismatch" });
  });
});
