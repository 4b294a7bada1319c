// Two organisations: every organisation-scoped query and command refuses the other's ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCredits } from "@/lib/access/credits";
import {
  activateConnection,
  disableConnection,
  rotateInboundSecret,
  type Scope,
  sendTestEvent,
  setEndpoint,
} from "@/lib/ats/connections/commands";
import {
  getConnection,
  listConnections,
  listInboundEvents,
  listOutboundEvents,
  listSyncRuns,
} from "@/lib/ats/connections/queries";
import { requestSync } from "@/lib/ats/sync";
import { listOrgAudit, recordAudit } from "@/lib/audit";
import { completeJobInfo } from "@/lib/jobs/complete";
import { getJob, listJobs } from "@/lib/jobs/queries";
import { listBrands } from "@/lib/orgs/brands";
import { getOrgOverview } from "@/lib/orgs/overview";
import { genericJob, inboundRequest, makeConnection, signGeneric } from "@/lib/testing/ats";
import { makeMember, makeOrg } from "@/lib/testing/factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { handleInboundRequest } from "./ats/inbound/handle-request";
import { deliveryQueueFor } from "./ats/inbound/queue";

let t: TestDatabase;
type Tenant = { scope: Scope; connectionId: string; jobId: string };
let a: Tenant;
let b: Tenant;

async function tenant(name: string): Promise<Tenant> {
  const org = await makeOrg(t.db, { name });
  const owner = await makeMember(t.db, org.id, "owner");
  const connectionId = await makeConnection(t.db, org.id, org.brandId, {
    provider: "lever",
    boardToken: name.toLowerCase(),
  });
  const generic = await makeConnection(t.db, org.id, org.brandId, { endpointUrl: "https://ats.example/hook" });
  const body = JSON.stringify(genericJob({ salary: null }));
  const answer = await handleInboundRequest(
    deliveryQueueFor(t.db),
    inboundRequest(generic, body, signGeneric(body)),
    generic,
  );
  const { jobs } = (await answer.json()) as { jobs: { jobId: string }[] };
  const jobId = jobs[0]?.jobId as string;
  await recordAudit(t.db, { orgId: org.id, actorUserId: owner.id, action: `${name}.secret-action` });
  return { scope: { orgId: org.id, userId: owner.id, orgKind: "employer" }, connectionId, jobId };
}

beforeAll(async () => {
  t = await createTestDatabase();
  a = await tenant("Alpha");
  b = await tenant("Beta");
});
afterAll(async () => t.drop());

describe("tenancy", () => {
  it("lists only the organisation's own rows", async () => {
    const [aConnections, aJobs, aAudit, aBrands] = await Promise.all([
      listConnections(t.db, a.scope.orgId),
      listJobs(t.db, a.scope.orgId),
      listOrgAudit(t.db, a.scope.orgId),
      listBrands(t.db, a.scope.orgId),
    ]);
    expect(aConnections.map((c) => c.id)).not.toContain(b.connectionId);
    expect(aJobs.map((j) => j.id)).not.toContain(b.jobId);
    expect(aAudit.map((e) => e.action)).not.toContain("Beta.secret-action");
    expect(aBrands.map((x) => x.name)).toEqual(["Alpha"]);
    expect((await getOrgOverview(t.db, a.scope.orgId)).jobsByStatus).toEqual(
      (await getOrgOverview(t.db, b.scope.orgId)).jobsByStatus,
    );
    expect((await getCredits(t.db, a.scope.orgId)).ledger).toEqual([]);
  });

  it("answers 'not found' for the other organisation's ids", async () => {
    expect(await getConnection(t.db, a.scope.orgId, b.connectionId)).toBeNull();
    expect(await getJob(t.db, a.scope.orgId, b.jobId)).toBeNull();
    expect(await listInboundEvents(t.db, a.scope.orgId, b.connectionId)).toEqual([]);
    expect(await listSyncRuns(t.db, a.scope.orgId, b.connectionId)).toEqual([]);
    expect(await listOutboundEvents(t.db, a.scope.orgId, b.connectionId)).toEqual([]);
  });

  it("refuses every command on the other organisation's connection or job", async () => {
    const refusals = [
      () => setEndpoint(t.db, a.scope, b.connectionId, "https://ats.example/x"),
      () => sendTestEvent(t.db, a.scope, b.connectionId),
      () => activateConnection(t.db, a.scope, b.connectionId),
      () => disableConnection(t.db, a.scope, b.connectionId, null),
      () => rotateInboundSecret(t.db, a.scope, b.connectionId),
      () => requestSync(t.db, a.scope.orgId, b.connectionId),
      () => completeJobInfo(t.db, a.scope, b.jobId, { salary: { min: 1, max: 2, currency: "EUR", period: "year" } }),
    ];
    for (const attempt of refusals) await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    expect((await getConnection(t.db, b.scope.orgId, b.connectionId))?.status).toBe("active");
  });
});
