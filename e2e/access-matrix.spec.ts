import { expect, test } from "@playwright/test";
import { canaryIdentity, createFixture, type Fixture, identityValues, signInWith } from "./support/access";

// Who may open a profile: only a member of the organisation with approved, unrevoked access.
// Everyone else gets the same 404, with no identity byte in the answer. Many sign-ins per test.
test.describe.configure({ timeout: 240_000 });

test("the viewer answers 404 to everyone without approved access, with no identity in any answer", async ({
  browser,
  request,
}) => {
  const identity = canaryIdentity("matrix");
  const approved = await createFixture(request, { state: "approved", identity });
  const other = await createFixture(request, { state: "none" });
  const pending = await createFixture(request, { state: "requested", identity: canaryIdentity("pending") });
  const revoked = await createFixture(request, { state: "revoked", identity: canaryIdentity("revoked") });
  const suspended = await createFixture(request, {
    state: "approved",
    standing: "suspended",
    identity: canaryIdentity("suspended"),
  });

  const cases: { who: string; email: string | null; target: Fixture }[] = [
    { who: "another organisation's recruiter", email: other.emails.recruiter, target: approved },
    { who: "an organisation without approval", email: pending.emails.recruiter, target: pending },
    { who: "an organisation whose access was revoked", email: revoked.emails.owner, target: revoked },
    { who: "a suspended organisation", email: suspended.emails.owner, target: suspended },
    { who: "the candidate themself", email: approved.emails.candidate, target: approved },
    { who: "a signed-out visitor", email: null, target: approved },
  ];
  for (const c of cases) {
    const page = await (await browser.newContext()).newPage();
    if (c.email) await signInWith(page, c.email);
    const answer = await page.goto(`/candidates/${c.target.snapshotId}`);
    expect(answer?.status(), c.who).toBe(404);
    const body = await answer?.text();
    for (const value of identityValues(identity)) expect(body, `${c.who} sees ${value}`).not.toContain(value);
    const rsc = await page.request.get(`/candidates/${c.target.snapshotId}`, { headers: { RSC: "1" } });
    for (const value of identityValues(identity)) expect(await rsc.text(), c.who).not.toContain(value);
    await page.context().close();
  }

  const page = await (await browser.newContext()).newPage();
  await signInWith(page, approved.emails.recruiter);
  const ok = await page.goto(`/candidates/${approved.snapshotId}`);
  expect(ok?.status()).toBe(200);
  expect(await ok?.text()).toContain(identity.fullName);
  expect((await page.goto("/candidates/not-a-uuid"))?.status()).toBe(404);
  expect((await page.goto(`/candidates/${other.snapshotId}`))?.status()).toBe(404);
});

test("identity appears only in the approved organisation's viewer: no other page, RSC payload or account", async ({
  browser,
  request,
}) => {
  const identity = canaryIdentity("canary");
  const f = await createFixture(request, { state: "approved", identity });
  const outsider = await createFixture(request, { state: "none" });
  // The candidate's sign-in address is identity too: no employer page may show it (the audit log names
  // no candidate account).
  const values = [...identityValues(identity), f.emails.candidate];

  const pages: Record<string, string[]> = {
    [f.emails.owner]: [
      "/dashboard",
      "/jobs",
      `/jobs/${f.jobId}`,
      "/snapshots",
      "/access-requests",
      `/access-requests/${f.requestId}`,
      "/credits",
      "/audit",
      "/integrations",
    ],
    [f.emails.recruiter]: ["/dashboard", "/access-requests", `/access-requests/${f.requestId}`],
    [f.emails.candidate]: ["/candidate", `/candidate/conversations/${f.requestId}`],
    [outsider.emails.owner]: ["/dashboard", "/access-requests", "/credits", "/audit"],
  };
  for (const [email, paths] of Object.entries(pages)) {
    const page = await (await browser.newContext()).newPage();
    await signInWith(page, email);
    for (const path of paths) {
      const answer = await page.goto(path);
      expect(answer?.status(), `${email} ${path}`).toBe(200);
      const html = await answer?.text();
      const rsc = await (await page.request.get(path, { headers: { RSC: "1" } })).text();
      // The candidate's own pages show their sign-in address ("Signed in as …"), nothing else.
      for (const value of email === f.emails.candidate ? identityValues(identity) : values) {
        expect(html, `${path} shows ${value} to ${email}`).not.toContain(value);
        expect(rsc, `${path} RSC carries ${value} for ${email}`).not.toContain(value);
      }
    }
    await page.context().close();
  }

  const viewer = await (await browser.newContext()).newPage();
  await signInWith(viewer, f.emails.recruiter);
  const html = await (await viewer.goto(`/candidates/${f.snapshotId}`))?.text();
  for (const value of identityValues(identity)) expect(html, `the viewer shows ${value}`).toContain(value);
});
