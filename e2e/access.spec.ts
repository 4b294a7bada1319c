import { expect, test } from "@playwright/test";
import { canaryIdentity, createFixture, signInWith } from "./support/access";
import { expectAccessible } from "./support/axe";
import { signInAs } from "./support/session";

// Several people sign in per test (each a real argon2 check) on a machine other tests share.
test.describe.configure({ timeout: 120_000 });

test("the candidate approves, the recruiter opens the profile and they talk in the portal", async ({
  browser,
  request,
}) => {
  const identity = canaryIdentity("flow");
  const f = await createFixture(request, { state: "requested", identity });
  const candidate = await (await browser.newContext()).newPage();
  const recruiter = await (await browser.newContext()).newPage();

  await signInWith(candidate, f.emails.candidate);
  await candidate.goto("/candidate");
  await expect(candidate.getByRole("link", { name: /Your profile/ })).toContainText("1");
  const pending = candidate.getByRole("region", { name: "Requests waiting for your answer" });
  await expect(pending).toContainText(f.orgName);
  await expect(pending).toContainText("We'd like to talk about our platform team.");
  await expectAccessible(candidate);
  await pending.getByRole("button", { name: `Approve ${f.orgName}` }).click();
  await expect(candidate.getByRole("region", { name: "Companies that can see who you are" })).toContainText(f.orgName);

  await signInWith(recruiter, f.emails.recruiter);
  await expect(recruiter.getByRole("link", { name: /Access requests/ })).toContainText("1");
  await recruiter.goto("/access-requests");
  const row = recruiter.getByRole("row").filter({ hasText: "Approved" });
  await expect(row).toHaveCount(1);
  await expectAccessible(recruiter);
  await row.getByRole("link").first().click();
  await expect(recruiter.getByRole("heading", { name: /for Senior Backend Engineer/ })).toBeVisible();
  const profile = await recruiter.getByRole("link", { name: "Open profile" }).getAttribute("href");
  const answer = await recruiter.goto(profile as string);
  expect(answer?.status()).toBe(200);
  expect(answer?.headers()["cache-control"]).toBe("no-store");
  await expect(recruiter).toHaveTitle(/Candidate profile/);
  expect(await recruiter.title()).not.toContain(identity.fullName);
  await expect(recruiter.getByRole("heading", { name: identity.fullName })).toBeVisible();
  await expect(recruiter.getByText(identity.email)).toBeVisible();
  await expect(recruiter.getByText(`Viewed by ${f.emails.recruiter}`)).toBeVisible();
  expect(await recruiter.getByTestId("watermark").getAttribute("style")).toContain(
    encodeURIComponent(f.emails.recruiter),
  );
  expect(recruiter.url()).not.toContain(identity.fullName.split(" ")[0] as string);
  await expectAccessible(recruiter);

  await recruiter.getByRole("link", { name: "Request and conversation" }).click();
  await recruiter.getByRole("textbox", { name: "Message" }).fill("Thanks for approving! Could we talk on Tuesday?");
  await recruiter.getByRole("button", { name: "Send message" }).click();
  await expect(recruiter.getByRole("list", { name: "Messages" })).toContainText("Could we talk on Tuesday?");

  await candidate.goto("/candidate");
  await expect(candidate.getByRole("link", { name: /Your profile/ })).toContainText("1");
  await candidate.getByRole("link", { name: /Conversation \(1 new message\)/ }).click();
  await expect(candidate.getByRole("list", { name: "Messages" })).toContainText("Could we talk on Tuesday?");
  await candidate.getByRole("textbox", { name: "Message" }).fill("Tuesday works. Call me on +44 7700 900777");
  await candidate.getByRole("button", { name: "Send message" }).click();
  await expect(candidate.getByText(/Please remove the phone numbers/).first()).toBeVisible();
  await expect(candidate.getByRole("textbox", { name: "Message" })).toHaveValue(
    "Tuesday works. Call me on +44 7700 900777",
  );
  await candidate.getByRole("textbox", { name: "Message" }).fill("Tuesday works for me.");
  await candidate.getByRole("button", { name: "Send message" }).click();
  await expect(candidate.getByRole("list", { name: "Messages" })).toContainText("Tuesday works for me.");
  await expectAccessible(candidate);

  await candidate.goto("/candidate");
  const seen = candidate.getByRole("table", { name: /Views of your identity/ });
  await expect(seen.getByRole("row").filter({ hasText: f.orgName })).toContainText("recruiter");
});

test("a decline returns the held credit", async ({ browser, request }) => {
  const f = await createFixture(request, { state: "requested", credits: 3 });
  const owner = await (await browser.newContext()).newPage();
  await signInWith(owner, f.emails.owner);
  await owner.goto("/credits");
  await expect(owner.getByRole("region", { name: "Balance" })).toContainText("2 credits");
  await expect(owner.getByRole("region", { name: "Held" })).toContainText("1 credit");
  await expectAccessible(owner);

  const candidate = await (await browser.newContext()).newPage();
  await signInWith(candidate, f.emails.candidate);
  await candidate.goto("/candidate");
  await candidate.getByRole("button", { name: `Decline ${f.orgName}` }).click();
  await expect(candidate.getByRole("table", { name: /Requests you answered/ })).toContainText("You declined");

  await owner.reload();
  await expect(owner.getByRole("region", { name: "Balance" })).toContainText("3 credits");
  await expect(owner.getByRole("region", { name: "Held" })).toContainText("0 credits");
  await expect(
    owner
      .getByRole("table", { name: /Credit movements/ })
      .getByRole("row")
      .nth(1),
  ).toContainText("Returned");
});

test("revoking removes access at once, also for a profile already open", async ({ browser, request }) => {
  const f = await createFixture(request, { state: "approved" });
  const recruiter = await (await browser.newContext()).newPage();
  await signInWith(recruiter, f.emails.recruiter);
  expect((await recruiter.goto(`/candidates/${f.snapshotId}`))?.status()).toBe(200);

  const candidate = await (await browser.newContext()).newPage();
  await signInWith(candidate, f.emails.candidate);
  await candidate.goto("/candidate");
  await candidate.getByRole("button", { name: `Revoke ${f.orgName}` }).click();
  await candidate.getByRole("button", { name: "Yes, revoke access" }).click();
  await expect(candidate.getByRole("region", { name: "Companies that can see who you are" })).toContainText(
    "No company can see who you are.",
  );

  expect((await recruiter.reload())?.status()).toBe(404);
  await recruiter.goto(`/access-requests/${f.requestId}`);
  await expect(recruiter.getByText("This conversation is closed")).toBeVisible();
});

test("the candidate's privacy controls: discoverable, hiding from a company, deleting their data", async ({
  browser,
  request,
}) => {
  const f = await createFixture(request, { state: "requested", credits: 2 });
  const candidate = await (await browser.newContext()).newPage();
  await signInWith(candidate, f.emails.candidate);
  await candidate.goto("/candidate");
  const visibility = candidate.getByRole("region", { name: "What employers see" });
  await expect(visibility.getByText("8-12 years of experience")).toBeVisible();
  const discoverable = candidate.getByRole("switch", { name: "Discoverable" });
  await expect(discoverable).toHaveAttribute("aria-checked", "true");
  await discoverable.click();
  await expect(discoverable).toHaveAttribute("aria-checked", "false");
  await discoverable.click();
  await expect(discoverable).toHaveAttribute("aria-checked", "true");

  const hidden = candidate.getByRole("region", { name: "Hidden from" });
  await hidden.getByLabel("Company name or e-mail domain").fill("No Such Company Anywhere");
  await hidden.getByRole("button", { name: "Hide from a company" }).click();
  await expect(hidden.getByText(/No company on Wigiwork is called/)).toBeVisible();
  await expect(hidden.getByLabel("Company name or e-mail domain")).toHaveValue("No Such Company Anywhere");
  await hidden.getByLabel("Company name or e-mail domain").fill(f.orgName);
  await hidden.getByRole("button", { name: "Hide from a company" }).click();
  await expect(hidden.getByRole("listitem").filter({ hasText: f.orgName })).toBeVisible();
  await expectAccessible(candidate);
  await hidden.getByRole("button", { name: `Show again to ${f.orgName}` }).click();
  await expect(hidden.getByText("You aren't hiding from any company.")).toBeVisible();

  await candidate.getByRole("button", { name: "Delete my data" }).click();
  await expect(candidate.getByText("Type DELETE to confirm.")).toBeVisible();
  await candidate.getByLabel("Type DELETE to confirm").fill("DELETE");
  await candidate.getByRole("button", { name: "Delete my data" }).click();
  await expect(candidate).toHaveURL(/\/sign-in/);
  await candidate.getByLabel("Email").fill(f.emails.candidate);
  await candidate.getByLabel("Password").fill("e2e-fixture-password");
  await candidate.getByRole("button", { name: "Sign in" }).click();
  await expect(candidate.getByRole("alert", { name: /sign-in/i })).toBeVisible();

  const owner = await (await browser.newContext()).newPage();
  await signInWith(owner, f.emails.owner);
  await owner.goto("/credits");
  await expect(owner.getByRole("region", { name: "Balance" })).toContainText("2 credits");
  await owner.goto(`/access-requests/${f.requestId}`);
  await expect(owner.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(owner.getByText("Cancelled", { exact: true })).toBeVisible();
});

test("taint is live: handing an identity value to a client component fails the render", async ({ request }) => {
  const rendered = await request.get("/test-hooks/taint");
  expect(rendered.status()).toBe(200);
  expect(await rendered.text()).toContain("Probe Taintington");
  const passed = await request.get("/test-hooks/taint?pass=client");
  expect(passed.status()).toBe(500);
  expect(await passed.text()).not.toContain("Probe Taintington");
});

test("trust & safety grants credits once, and the organisation's ledger shows it", async ({ browser, request }) => {
  const f = await createFixture(request, { credits: 2 });
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.goto(`/admin/organisations/${f.orgId}`);
  const credits = admin.getByRole("region", { name: "Credits" });
  await expect(credits).toContainText("2 free, 0 held");
  await credits.getByLabel("Credits to add").fill("5");
  await credits.getByLabel(/Why/).fill("Top-up for the pilot");
  await credits.getByRole("button", { name: "Grant credits" }).click();
  await expect(credits.getByRole("status")).toContainText("now has 7 credits");
  await expect(credits.getByRole("button", { name: "Grant credits" })).toBeDisabled();

  const owner = await (await browser.newContext()).newPage();
  await signInWith(owner, f.emails.owner);
  await owner.goto("/credits");
  await expect(owner.getByRole("region", { name: "Balance" })).toContainText("7 credits");
  await expect(owner.getByRole("table", { name: /Credit movements/ })).toContainText("Top-up for the pilot");
});
