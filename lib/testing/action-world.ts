// The people and organisations the server-action matrix acts as: two tenants (each an employer with
// an owner, an admin and a recruiter, plus a candidate), trust & safety, and a signed-out visitor,
// all signed in through the real sign-in action. Plus the fixtures entries build their inputs from.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/db/client";
import { candidateProfiles } from "@/db/schema";
import { handleInboundRequest } from "@/lib/ats/inbound/handle-request";
import { deliveryQueueFor } from "@/lib/ats/inbound/queue";
import { hashPassword } from "@/lib/auth/password";
import { actAs, TestBrowser } from "./act-as";
import { genericJob, inboundRequest, makeConnection, setStanding, signGeneric } from "./ats";
import { makeMember, makeOrg, makeUser } from "./factories";

export const PASSWORD = "matrix-password-0123";

/**
 * Who acts. "outsider" is the owner of the other organisation, acting on this one's rows;
 * "suspended" is the owner of a suspended organisation, acting on its own rows.
 */
export const ROLES = [
  "owner",
  "admin",
  "recruiter",
  "outsider",
  "candidate",
  "platformAdmin",
  "signedOut",
  "suspended",
] as const;
export type Role = (typeof ROLES)[number];
/** The roles that belong to a tenant, and so can be handed another tenant's ids. */
export const TENANT_ROLES = ["owner", "admin", "recruiter", "candidate"] as const satisfies readonly Role[];

export type Person = { userId: string; email: string };
export type Tenant = {
  org: { id: string; brandId: string; name: string };
  owner: Person;
  admin: Person;
  recruiter: Person;
  candidate: Person & { candidateId: string };
  /** An active Standard Webhooks connection that jobs arrive through. */
  webhookConnectionId: string;
};

export type World = {
  db: Database;
  a: Tenant;
  b: Tenant;
  /** A tenant whose organisation trust & safety suspended (after its people signed in). */
  suspended: Tenant;
  platformAdmin: Person;
  /** A local HTTP server that answers 200 to everything: an ATS endpoint, and an empty Lever board. */
  receiverUrl: string;
  /** Each role's signed-in browser (tenant a's people; the outsider is tenant b's owner). */
  browsers: Record<Role, TestBrowser>;
  close(): Promise<void>;
};

async function makePerson(db: Database, passwordHash: string, overrides: { platformRole?: string } = {}) {
  const user = await makeUser(db, { passwordHash, ...overrides });
  return { userId: user.id, email: user.email };
}

async function makeCandidate(db: Database, passwordHash: string) {
  const person = await makePerson(db, passwordHash);
  const [profile] = await db
    .insert(candidateProfiles)
    .values({
      userId: person.userId,
      roleFamily: "backend",
      seniority: "senior",
      yearsExperience: 9,
      skills: ["Go", "PostgreSQL"],
      country: "DE",
      region: "europe",
      workplaces: ["remote"],
      availability: "immediately",
    })
    .returning({ id: candidateProfiles.id });
  return { ...person, candidateId: profile?.id as string };
}

async function makeTenant(db: Database, name: string, passwordHash: string): Promise<Tenant> {
  const org = await makeOrg(db, { name });
  const member = async (role: "owner" | "admin" | "recruiter") => {
    const user = await makeMember(db, org.id, role, { passwordHash });
    return { userId: user.id, email: user.email };
  };
  return {
    org: { id: org.id, brandId: org.brandId, name },
    owner: await member("owner"),
    admin: await member("admin"),
    recruiter: await member("recruiter"),
    candidate: await makeCandidate(db, passwordHash),
    webhookConnectionId: await makeConnection(db, org.id, org.brandId),
  };
}

async function startReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("[]");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Signs a browser in through the real sign-in action; the redirect it answers with is expected. */
export async function signIn(person: Person, password = PASSWORD): Promise<TestBrowser> {
  const { signInAction } = await import("@/lib/actions/sign-in");
  const browser = new TestBrowser();
  await actAs(browser, () => signInAction(null, { email: person.email, password })).catch((error: unknown) => {
    if (!isRedirect(error)) throw error;
  });
  if (!browser.sessionCookie) throw new Error(`Signing in ${person.email} set no session cookie.`);
  return browser;
}

/** Next.js signals a redirect by throwing an error whose digest starts with NEXT_REDIRECT. */
export function isRedirect(error: unknown): error is Error & { digest: string } {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

export async function buildWorld(db: Database): Promise<World> {
  const passwordHash = await hashPassword(PASSWORD);
  const a = await makeTenant(db, "Alpha Matrix", passwordHash);
  const b = await makeTenant(db, "Beta Matrix", passwordHash);
  const suspended = await makeTenant(db, "Suspended Matrix", passwordHash);
  const platformAdmin = await makePerson(db, passwordHash, { platformRole: "trust_safety" });
  const receiver = await startReceiver();
  const browsers: Record<Role, TestBrowser> = {
    owner: await signIn(a.owner),
    admin: await signIn(a.admin),
    recruiter: await signIn(a.recruiter),
    outsider: await signIn(b.owner),
    candidate: await signIn(a.candidate),
    platformAdmin: await signIn(platformAdmin),
    signedOut: new TestBrowser(),
    suspended: await signIn(suspended.owner),
  };
  await setStanding(db, suspended.org.id, "suspended");
  return { db, a, b, suspended, platformAdmin, receiverUrl: receiver.url, browsers, close: receiver.close };
}

/** A job of the tenant that arrived through its webhook without a salary, so it waits for completion. */
export async function jobNeedingInfo(w: World, t: Tenant): Promise<string> {
  const body = JSON.stringify(genericJob({ externalId: `REQ-${crypto.randomUUID()}`, salary: null }));
  const answer = await handleInboundRequest(
    deliveryQueueFor(w.db),
    inboundRequest(t.webhookConnectionId, body, signGeneric(body)),
    t.webhookConnectionId,
  );
  const { jobs } = (await answer.json()) as { jobs: { jobId: string; status: string }[] };
  if (jobs[0]?.status !== "needs_info") throw new Error(`Expected a job needing info, got ${JSON.stringify(jobs)}.`);
  return jobs[0].jobId;
}

/** A fresh connection of the tenant (active generic by default). */
export const connectionOf = (w: World, t: Tenant, options: Parameters<typeof makeConnection>[3] = {}) =>
  makeConnection(w.db, t.org.id, t.org.brandId, options);
