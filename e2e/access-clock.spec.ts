import { expect, test } from "@playwright/test";
import { advanceClock, createFixture, signInWith } from "./support/access";

// These move the server's clock forward (a test hook), so they run on their own after every other
// browser test (the "clock" project in playwright.config.ts), one at a time.
test.describe.configure({ mode: "serial", timeout: 120_000 });

test("an unanswered request expires after 7 days and its credit comes back; the approval lapses after its term", async ({
  browser,
  request,
}) => {
  const waiting = await createFixture(request, { state: "requested", credits: 2 });
  const granted = await createFixture(request, { state: "approved", credits: 2 });
  const owner = await (await browser.newContext()).newPage();
  await signInWith(owner, waiting.emails.owner);
  await owner.goto("/credits");
  await expect(owner.getByRole("region", { name: "Held" })).toContainText("1 credit");

  const week = await advanceClock(request, 8);
  expect(week.swept.expired).toBeGreaterThanOrEqual(1);
  await owner.reload();
  await expect(owner.getByRole("region", { name: "Balance" })).toContainText("2 credits");
  await expect(owner.getByRole("region", { name: "Held" })).toContainText("0 credits");
  await expect(owner.getByRole("link", { name: /Access requests/ })).toContainText("1 new decision");
  await owner.goto(`/access-requests/${waiting.requestId}`);
  await expect(owner.getByText("Expired unanswered", { exact: true })).toBeVisible();

  const candidate = await (await browser.newContext()).newPage();
  await signInWith(candidate, waiting.emails.candidate);
  await candidate.goto("/candidate");
  await expect(candidate.getByRole("region", { name: "Requests waiting for your answer" })).toContainText(
    "No company is waiting",
  );

  const recruiter = await (await browser.newContext()).newPage();
  await signInWith(recruiter, granted.emails.recruiter);
  expect((await recruiter.goto(`/candidates/${granted.snapshotId}`))?.status()).toBe(200);
  const term = await advanceClock(request, 90);
  expect(term.swept.lapsed).toBeGreaterThanOrEqual(1);
  expect((await recruiter.reload())?.status()).toBe(404);
  await recruiter.goto(`/access-requests/${granted.requestId}`);
  await expect(recruiter.getByText("Access ended", { exact: true })).toBeVisible();
});
