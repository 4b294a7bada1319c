// Browser-test helpers for access: isolated fixtures from the test hook, signing in as their people.
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { signIn } from "./session";

export const FIXTURE_PASSWORD = "e2e-fixture-password";

export type Identity = {
  fullName: string;
  email: string;
  phone: string | null;
  links: string[];
  employment: { employer: string; title: string; start: string; end: string | null }[];
  education: { school: string; degree: string; start: string; end: string | null }[];
};

export type Fixture = {
  orgId: string;
  orgName: string;
  emails: { owner: string; recruiter: string; candidate: string };
  candidateId: string;
  snapshotId: string;
  jobId: string;
  requestId: string | null;
};

export type FixtureOptions = {
  credits?: number;
  identity?: Identity;
  state?: "none" | "requested" | "approved" | "revoked";
  standing?: "active" | "suspended";
};

export async function createFixture(request: APIRequestContext, options: FixtureOptions = {}): Promise<Fixture> {
  const response = await request.post("/api/test-hooks/fixtures", { data: { password: FIXTURE_PASSWORD, ...options } });
  expect(response.status()).toBe(200);
  return (await response.json()) as Fixture;
}

export async function signInWith(page: Page, email: string) {
  await signIn(page, email, FIXTURE_PASSWORD);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Moves the server's clock forward and runs the sweep (test hook). */
export async function advanceClock(request: APIRequestContext, days: number) {
  const response = await request.post("/api/test-hooks/clock", { data: { advanceDays: days } });
  expect(response.status()).toBe(200);
  return (await response.json()) as { now: string; swept: { expired: number; lapsed: number } };
}

export function canaryIdentity(tag: string): Identity {
  return {
    fullName: `Quillon Canarywhite ${tag}`,
    email: `quillon.${tag}@canary-identity.example`,
    phone: "+44 7700 900777",
    links: [`https://canary-links.example/quillon-${tag}`],
    employment: [{ employer: `Canaryworks ${tag} GmbH`, title: "Principal Engineer", start: "2018-02", end: null }],
    education: [{ school: `Canary Polytechnic ${tag}`, degree: "MEng", start: "2009-09", end: "2013-06" }],
  };
}

/** Every string of an identity that must never appear outside the approved viewer. */
export function identityValues(identity: Identity): string[] {
  return [
    identity.fullName,
    identity.email,
    ...(identity.phone ? [identity.phone] : []),
    ...identity.links.map((l) => l.replace(/^https:\/\//, "")),
    ...identity.employment.map((e) => e.employer),
    ...identity.education.map((e) => e.school),
  ];
}
