import { describe, expect, it } from "vitest";
import { htmlToText, simhash, titleKey } from "@/lib/jobs/text";
import { evaluatePostingRules, POSTING_RULES } from "./index";
import type { RuleContext, RuleJob } from "./types";

const DESCRIPTION =
  "<p>Join the platform team building the control software for our warehouse robots. You will design " +
  "reliable services in Go and PostgreSQL, own them in production, and mentor two engineers. We offer " +
  "hybrid work from Berlin, a learning budget and thirty days of holiday.</p>";

function job(overrides: Partial<RuleJob> = {}): RuleJob {
  const descriptionText = overrides.descriptionText ?? htmlToText(DESCRIPTION);
  return {
    atsStatus: "open",
    title: "Senior Backend Engineer",
    descriptionText,
    location: { label: "Berlin, Germany", city: "Berlin", region: null, country: "DE" },
    workplace: "hybrid",
    employmentType: "full_time",
    salary: { min: 80_000, max: 95_000, currency: "EUR", period: "year" },
    brandName: "Acme Robotics",
    clientName: null,
    applyUrl: "https://boards.greenhouse.io/acme/jobs/1",
    titleKey: titleKey(overrides.title ?? "Senior Backend Engineer"),
    locationKey: "berlin|DE",
    descriptionHash: simhash(descriptionText),
    ...overrides,
  };
}

function context(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    org: { kind: "employer", verification: "verified", domains: ["acme.example"] },
    brands: [
      {
        id: "b1",
        name: "Acme Robotics",
        nameKey: "acme robotics",
        isClient: false,
        verified: true,
        domains: ["acme.example"],
      },
      { id: "b2", name: "Acme Labs", nameKey: "acme labs", isClient: false, verified: false, domains: [] },
      { id: "b3", name: "Acme Care", nameKey: "acme care", isClient: false, verified: true, domains: [] },
    ],
    source: { provider: "greenhouse", boardToken: "acme", boardHosts: [] },
    activeTwins: [],
    reposting: { isRepost: false, lastClosedAt: null, closuresInWindow: 0 },
    now: new Date("2026-11-25T12:00:00Z"),
    ...overrides,
  };
}

const codes = (j: RuleJob, c: RuleContext = context()) => evaluatePostingRules(j, c).violations.map((v) => v.code);

describe("a complete, valid job", () => {
  it("passes every rule and becomes active", () => {
    expect(evaluatePostingRules(job(), context())).toEqual({ status: "active", violations: [] });
  });
});

describe("job.inactive", () => {
  it("rejects a job that isn't open in the ATS", () => {
    const result = evaluatePostingRules(job({ atsStatus: "closed" }), context());
    expect(result.status).toBe("rejected");
    expect(result.violations[0]).toMatchObject({ code: "job.inactive" });
  });
});

describe("job.incomplete", () => {
  it("asks for a title, a real description and a location", () => {
    const result = evaluatePostingRules(
      job({ title: "", descriptionText: "Great job, apply now!", location: null, workplace: "onsite" }),
      context(),
    );
    expect(result.status).toBe("needs_info");
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]?.message).toMatch(/a title.*description of at least 20 words.*location/);
  });

  it("accepts a remote job without a city", () => {
    expect(codes(job({ location: null, workplace: "remote" }))).toEqual([]);
  });
});

describe("agency.client_undisclosed", () => {
  const agency = context({
    org: { kind: "agency", verification: "verified", domains: ["talentbridge.example"] },
    brands: [
      { id: "t", name: "TalentBridge", nameKey: "talentbridge", isClient: false, verified: true, domains: [] },
      { id: "n", name: "Northwind Health", nameKey: "northwind health", isClient: true, verified: true, domains: [] },
      { id: "u", name: "Globex", nameKey: "globex", isClient: true, verified: false, domains: [] },
    ],
  });

  it("passes when the agency names a verified client", () => {
    expect(codes(job({ brandName: "TalentBridge", clientName: "northwind  HEALTH" }), agency)).toEqual([]);
  });

  it("waits for the client when none is named", () => {
    const result = evaluatePostingRules(job({ brandName: "TalentBridge", clientName: null }), agency);
    expect(result).toMatchObject({ status: "needs_info", violations: [{ code: "agency.client_undisclosed" }] });
  });

  it("rejects a client the agency may not hire for", () => {
    const unknown = evaluatePostingRules(job({ brandName: "TalentBridge", clientName: "Initech" }), agency);
    expect(unknown).toMatchObject({ status: "rejected", violations: [{ code: "agency.client_undisclosed" }] });
    expect(codes(job({ brandName: "TalentBridge", clientName: "Globex" }), agency)).toEqual([
      "agency.client_undisclosed",
    ]);
  });

  it("doesn't apply to employers", () => {
    expect(codes(job({ clientName: null }))).toEqual([]);
  });
});

describe("salary", () => {
  it("waits for a missing salary", () => {
    const result = evaluatePostingRules(job({ salary: null }), context());
    expect(result).toMatchObject({ status: "needs_info", violations: [{ code: "salary.missing" }] });
  });

  it.each([
    [{ min: 80_000, max: 95_000, currency: "EUX", period: "year" }, /currency/],
    [{ min: 80_000, max: 95_000, currency: "EUR", period: "week" }, /per year, per month or per hour/],
    [{ min: 95_000, max: 80_000, currency: "EUR", period: "year" }, /minimum is above the maximum/],
    [{ min: -5, max: 80_000, currency: "EUR", period: "year" }, /positive/],
    [{ min: Number.NaN, max: 80_000, currency: "EUR", period: "year" }, /positive/],
  ])("rejects an invalid salary %o", (salary, message) => {
    const [violation] = evaluatePostingRules(job({ salary }), context()).violations;
    expect(violation).toMatchObject({ code: "salary.invalid", outcome: "reject" });
    expect(violation?.message).toMatch(message);
  });

  it.each([
    [{ min: 50_000, max: 150_000, currency: "EUR", period: "year" }, /too wide/],
    [{ min: 1, max: 2, currency: "EUR", period: "year" }, /plausible/],
    [{ min: 900, max: 1_200, currency: "EUR", period: "hour" }, /plausible/],
    [{ min: 8_000_000, max: 9_000_000, currency: "USD", period: "year" }, /plausible/],
  ])("rejects an implausible salary %o", (salary, message) => {
    const [violation] = evaluatePostingRules(job({ salary }), context()).violations;
    expect(violation).toMatchObject({ code: "salary.implausible" });
    expect(violation?.message).toMatch(message);
  });

  it.each([
    { min: 45, max: 60, currency: "EUR", period: "hour" },
    { min: 5_500, max: 7_000, currency: "GBP", period: "month" },
    { min: 2_500_000, max: 3_500_000, currency: "INR", period: "year" },
    { min: 100_000, max: 150_000, currency: "THB", period: "month" },
  ])("accepts a plausible salary %o", (salary) => {
    expect(codes(job({ salary }))).toEqual([]);
  });
});

describe("job.duplicate", () => {
  const base = job();
  const twin = { id: "j1", locationKey: base.locationKey, salary: base.salary, descriptionHash: base.descriptionHash };

  it("rejects the same job with small edits to case, whitespace, markup and wording", () => {
    const edited = htmlToText(
      DESCRIPTION.toUpperCase()
        .replace("<P>", "<div><strong>")
        .replace("thirty", "30")
        .replace("two engineers", "2 engineers"),
    );
    const result = evaluatePostingRules(
      job({ descriptionText: edited, descriptionHash: simhash(edited) }),
      context({ activeTwins: [twin] }),
    );
    expect(result.violations.map((v) => v.code)).toEqual(["job.duplicate"]);
  });

  it("allows the same title at another location or in another salary band", () => {
    expect(codes(job({ locationKey: "munich|DE" }), context({ activeTwins: [twin] }))).toEqual([]);
    expect(
      codes(
        job({ salary: { min: 110_000, max: 130_000, currency: "EUR", period: "year" } }),
        context({ activeTwins: [twin] }),
      ),
    ).toEqual([]);
  });

  it("allows a genuinely different job with the same title", () => {
    const other =
      "Own our payments integration: build and run the billing service in Kotlin, talk to finance, " +
      "and keep invoices flowing for thousands of customers across Europe every single month.";
    expect(
      codes(job({ descriptionText: other, descriptionHash: simhash(other) }), context({ activeTwins: [twin] })),
    ).toEqual([]);
  });
});

describe("brands", () => {
  it("rejects a job naming two of the organisation's brands", () => {
    expect(codes(job({ brandName: "Acme Robotics / Acme Care" }))).toEqual(["brand.multiple"]);
    expect(codes(job({ brandName: "Acme Robotics and Acme Care" }))).toEqual(["brand.multiple"]);
  });

  it("rejects an unverified or foreign brand, and a missing one", () => {
    expect(codes(job({ brandName: "Acme Labs" }))).toEqual(["brand.unverified"]);
    expect(codes(job({ brandName: "Globex Corporation" }))).toEqual(["brand.unverified"]);
    expect(codes(job({ brandName: null }))).toEqual(["brand.unverified"]);
  });

  it("matches brand names regardless of case and punctuation", () => {
    expect(codes(job({ brandName: "ACME robotics." }))).toEqual([]);
  });
});

describe("reposting", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  it("holds a closed job back during the cooldown", () => {
    const ctx = context({
      reposting: { isRepost: true, lastClosedAt: new Date("2026-11-22T12:00:00Z"), closuresInWindow: 1 },
    });
    const [violation] = evaluatePostingRules(job(), ctx).violations;
    expect(violation).toMatchObject({ code: "repost.cooldown" });
    expect(violation?.message).toContain("2026-11-29");
  });

  it("lets it back after the cooldown", () => {
    const lastClosedAt = new Date(now.getTime() - (POSTING_RULES.repost.cooldownDays + 1) * 86_400_000);
    expect(codes(job(), context({ reposting: { isRepost: true, lastClosedAt, closuresInWindow: 1 } }))).toEqual([]);
  });

  it("flags close/reopen cycles as repost farming", () => {
    const lastClosedAt = new Date("2026-11-01T00:00:00Z");
    expect(codes(job(), context({ reposting: { isRepost: true, lastClosedAt, closuresInWindow: 3 } }))).toEqual([
      "repost.farming",
    ]);
  });

  it("ignores history for a job that isn't coming back", () => {
    const lastClosedAt = new Date("2026-11-24T00:00:00Z");
    expect(codes(job(), context({ reposting: { isRepost: false, lastClosedAt, closuresInWindow: 5 } }))).toEqual([]);
  });
});

describe("source.scraped", () => {
  const board = (provider: "generic" | "greenhouse" | "lever" | "ashby", boardToken: string | null) =>
    context({ source: { provider, boardToken, boardHosts: ["boards.example-ats.test"] } });

  it.each([
    ["https://boards.greenhouse.io/acme/jobs/1", board("greenhouse", "acme")],
    ["https://job-boards.greenhouse.io/ACME/jobs/1", board("greenhouse", "acme")],
    ["https://jobs.lever.co/acme/123", board("lever", "acme")],
    ["https://jobs.ashbyhq.com/whoever/123", board("ashby", null)],
    ["https://jobs.lever.co/whoever/123", board("generic", null)],
    ["https://careers.acme.example/jobs/9", board("greenhouse", "acme")],
    ["https://boards.example-ats.test/acme/1", board("greenhouse", "acme")],
  ])("accepts %s", (applyUrl, ctx) => {
    expect(codes(job({ applyUrl }), ctx)).toEqual([]);
  });

  it.each([
    ["https://boards.greenhouse.io/globex/jobs/1", board("greenhouse", "acme")],
    ["https://jobs.lever.co/globex/1", board("greenhouse", null)],
    ["https://www.linkedin.com/jobs/view/1", board("generic", null)],
    ["https://notacme.example/jobs", board("greenhouse", "acme")],
    ["javascript:alert(1)", board("greenhouse", "acme")],
    ["not a url", board("greenhouse", "acme")],
  ])("rejects %s", (applyUrl, ctx) => {
    expect(codes(job({ applyUrl }), ctx)).toEqual(["source.scraped"]);
  });
});

describe("org.verification_required", () => {
  it("holds jobs of an unverified organisation for review", () => {
    const ctx = context({ org: { kind: "employer", verification: "pending", domains: ["acme.example"] } });
    expect(evaluatePostingRules(job(), ctx)).toMatchObject({
      status: "pending_review",
      violations: [{ code: "org.verification_required", outcome: "review" }],
    });
  });

  it("lets a rejection outrank review and missing information", () => {
    const ctx = context({ org: { kind: "employer", verification: "pending", domains: [] } });
    expect(evaluatePostingRules(job({ salary: null, atsStatus: "closed" }), ctx).status).toBe("rejected");
    expect(evaluatePostingRules(job({ salary: null }), ctx).status).toBe("needs_info");
  });
});
