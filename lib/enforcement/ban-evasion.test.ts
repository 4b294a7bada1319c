// Ban evasion through each identifier: a banned organisation's domain, ATS tenant and endpoint host,
// reused by a new organisation or connection, hold it for review and flag it with the match.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atsConnections, flags, organisations } from "@/db/schema";
import type { AtsProvider } from "@/db/schema/enums";
import { loadConnectionContext } from "@/lib/ats/connection-context";
import { createConnection, type Scope, setEndpoint } from "@/lib/ats/connections/commands";
import type { NormalizedJob } from "@/lib/ats/normalized-job";
import { startSyncRun } from "@/lib/ats/sync";
import { ingestJob } from "@/lib/jobs/ingest";
import { LONG_DESCRIPTION, makeConnection } from "@/lib/testing/ats";
import { makeMember, makeOrg, makeUser } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { tenantFromUrl } from "./identifiers";
import { enforceOrganisation } from "./organisations";
import { screenNewOrganisation } from "./screening";
import { evaluateSignals } from "./sweep";

let t: TestDatabase;
const ASHBY_ACCOUNT = "6eec82ac-9713-512d-ac2e-405618935375";
const BANNED = {
  domain: "bannedco.example",
  greenhouseBoard: "bannedco",
  leverSite: "bannedco-jobs",
  ashbyBoard: "bannedco-careers",
  endpoint: "https://hooks.bannedco.example/wigiwork",
  greenhouseJob: "371417",
  ashbyJob: "d5a6bc97-4259-4bc5-b3fe-6d3edfd538e3",
};

function job(externalId: string, applyUrl: string | null = null): NormalizedJob {
  return {
    externalId,
    title: "Senior Backend Engineer",
    descriptionHtml: LONG_DESCRIPTION,
    location: { label: "Berlin", city: "Berlin", region: null, country: "DE" },
    workplace: "hybrid",
    employmentType: "full_time",
    salary: { min: 80_000, max: 95_000, currency: "EUR", period: "year" },
    status: "open",
    applyUrl,
  };
}

async function receive(connectionId: string, orgId: string, received: NormalizedJob) {
  const { runId } = await startSyncRun(t.db, { id: connectionId, orgId }, "manual");
  const conn = await loadConnectionContext(t.db, connectionId);
  if (!conn) throw new Error("no connection");
  await t.db.transaction((tx) =>
    ingestJob(tx, { kind: "upsert", conn, job: received, source: { kind: "sync", syncRunId: runId }, now: new Date() }),
  );
}

async function newcomer() {
  const org = await makeOrg(t.db, { domains: ["fresh-start.example"] });
  const owner = await makeMember(t.db, org.id, "owner");
  const scope: Scope = { orgId: org.id, userId: owner.id, orgKind: "employer" };
  return { org, scope };
}

const connectionOf = async (id: string) =>
  (await t.db.select().from(atsConnections).where(eq(atsConnections.id, id)))[0];
const flagsOf = (orgId: string) => t.db.select().from(flags).where(eq(flags.orgId, orgId));

async function connect(scope: Scope, brandId: string, provider: AtsProvider, boardToken?: string) {
  return (await createConnection(t.db, scope, { name: `${provider} board`, provider, brandId, boardToken })).id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const admin = await makeUser(t.db, { platformRole: "trust_safety" });
  const banned = await makeOrg(t.db, { name: "BannedCo", domains: [BANNED.domain] });
  await makeMember(t.db, banned.id, "owner", { email: `boss@${BANNED.domain}` });
  const gh = await makeConnection(t.db, banned.id, banned.brandId, {
    provider: "greenhouse",
    boardToken: BANNED.greenhouseBoard,
    endpointUrl: BANNED.endpoint,
  });
  await makeConnection(t.db, banned.id, banned.brandId, { provider: "lever", boardToken: BANNED.leverSite });
  const ashby = await makeConnection(t.db, banned.id, banned.brandId, {
    provider: "ashby",
    boardToken: BANNED.ashbyBoard,
  });
  await receive(gh, banned.id, job(BANNED.greenhouseJob));
  await receive(ashby, banned.id, job(BANNED.ashbyJob, `https://jobs.ashbyhq.com/${ASHBY_ACCOUNT}/${BANNED.ashbyJob}`));
  await enforceOrganisation(t.db, admin.id, { orgId: banned.id, action: "ban", reason: "Harvesting" });
});
afterAll(async () => t.drop());

describe("ban evasion", () => {
  it("holds a new organisation that claims a banned email domain, and flags the match", async () => {
    const { org } = await newcomer();
    const screening = await t.db.transaction((tx) =>
      screenNewOrganisation(tx, { orgId: org.id, domains: [`someone@${BANNED.domain.toUpperCase()}`] }),
    );
    expect(screening).toMatchObject({ held: true, matches: [{ kind: "email_domain", bannedOrgName: "BannedCo" }] });
    const [stored] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(stored?.standing).toBe("suspended");
    expect(stored?.standingReason).toMatch(/Held for review.*bannedco\.example of banned organisation BannedCo/);
    expect((await flagsOf(org.id)).map((f) => f.kind)).toEqual(["ban_evasion"]);
  });

  it("doesn't hold an organisation for a free-mail or unrelated domain", async () => {
    const { org } = await newcomer();
    const screening = await t.db.transaction((tx) =>
      screenNewOrganisation(tx, { orgId: org.id, domains: ["founder@gmail.com", "fresh-start.example"] }),
    );
    expect(screening.held).toBe(false);
    expect(await flagsOf(org.id)).toEqual([]);
  });

  const boards: [AtsProvider, string, string][] = [
    ["greenhouse", BANNED.greenhouseBoard.toUpperCase(), "greenhouse_board"],
    ["lever", BANNED.leverSite, "lever_site"],
    ["ashby", BANNED.ashbyBoard, "ashby_board"],
  ];
  for (const [provider, token, kind] of boards) {
    it(`holds a new ${provider} connection on the banned organisation's ${kind.replace("_", " ")}`, async () => {
      const { org, scope } = await newcomer();
      const id = await connect(scope, org.brandId, provider, token);
      expect(await connectionOf(id)).toMatchObject({ status: "disabled", disabledBy: "trust_safety" });
      const [flag] = await flagsOf(org.id);
      expect(flag).toMatchObject({ kind: "ban_evasion", subjectType: "connection", subjectId: id });
      expect(flag?.evidence).toMatchObject({ matches: [{ kind, bannedOrgName: "BannedCo" }] });
    });
  }

  it("holds a connection whose endpoint is the banned organisation's host", async () => {
    const { org, scope } = await newcomer();
    const id = await connect(scope, org.brandId, "generic");
    expect((await connectionOf(id))?.status).toBe("draft");
    await setEndpoint(t.db, scope, id, "https://HOOKS.bannedco.example/another/path");
    expect(await connectionOf(id)).toMatchObject({ status: "disabled", disabledBy: "trust_safety" });
    expect((await flagsOf(org.id))[0]?.evidence).toMatchObject({
      matches: [{ kind: "endpoint_host", value: "hooks.bannedco.example" }],
    });
  });

  const payloads: [string, AtsProvider, NormalizedJob, string][] = [
    ["Greenhouse job id", "greenhouse", job(BANNED.greenhouseJob), "greenhouse_job"],
    ["Ashby job id", "ashby", job(BANNED.ashbyJob), "ashby_job"],
    [
      "Ashby account (in its job URLs)",
      "ashby",
      job("another-posting", `https://jobs.ashbyhq.com/${ASHBY_ACCOUNT}/another-posting`),
      "ashby_account",
    ],
  ];
  for (const [what, provider, received, kind] of payloads) {
    it(`holds a connection whose payloads carry the banned organisation's ${what}`, async () => {
      const { org } = await newcomer();
      const id = await makeConnection(t.db, org.id, org.brandId, { provider });
      await receive(id, org.id, received);
      expect((await connectionOf(id))?.status).toBe("active");
      await evaluateSignals(t.db);
      expect(await connectionOf(id)).toMatchObject({ status: "disabled", disabledBy: "trust_safety" });
      expect((await flagsOf(org.id))[0]?.evidence).toMatchObject({ matches: [{ kind }] });
    });
  }

  it("leaves a newcomer with identifiers of its own alone", async () => {
    const { org, scope } = await newcomer();
    const id = await connect(scope, org.brandId, "greenhouse", "fresh-start");
    await setEndpoint(t.db, scope, id, "https://hooks.fresh-start.example/in");
    await receive(id, org.id, job("999001", "https://boards.greenhouse.io/fresh-start/jobs/999001"));
    await evaluateSignals(t.db);
    expect((await connectionOf(id))?.status).toBe("draft");
    expect(await flagsOf(org.id)).toEqual([]);
  });

  it("reads ATS tenants from job URLs", () => {
    expect(tenantFromUrl("https://boards.greenhouse.io/acme/jobs/123")).toEqual({
      kind: "greenhouse_board",
      value: "acme",
    });
    expect(tenantFromUrl("https://boards.greenhouse.io/embed/job_app?for=Acme&token=1")).toEqual({
      kind: "greenhouse_board",
      value: "acme",
    });
    expect(tenantFromUrl("https://jobs.eu.lever.co/acme/abc")).toEqual({ kind: "lever_site", value: "acme" });
    expect(tenantFromUrl("https://jobs.ashbyhq.com/acme/abc")).toEqual({ kind: "ashby_board", value: "acme" });
    expect(tenantFromUrl("https://acme.example/careers/1")).toBeNull();
  });
});
