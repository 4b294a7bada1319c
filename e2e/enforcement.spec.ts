// Trust & safety end to end: every action from the console, and its effect where it shows: the
// organisation's pages, the webhook's answer, sign-in, the outbox, the audit log and its CSV.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { genericJob } from "./support/ats";
import { expectAccessible } from "./support/axe";
import { expectNoPageScroll } from "./support/layout";
import { startReceiver } from "./support/receiver";
import { signIn, signInAs } from "./support/session";

const GLOBEX_OWNER = "owner@globex.example";

async function asPerson(browser: Browser, email: string | "admin") {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  if (email === "admin") await signInAs(page, "admin");
  else {
    await signIn(page, email);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  return page;
}

/** Fills the reason of the form whose button says `label`, presses it, and waits for the button that undoes it. */
async function act(page: Page, label: string, reason: string, undo: string) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: label, exact: true }) });
  await form.getByRole("textbox").fill(reason);
  await form.getByRole("button", { name: label, exact: true }).click();
  await expect(page.getByRole("button", { name: undo, exact: true }).first()).toBeVisible();
}

async function openGlobex(admin: Page) {
  await admin.goto("/admin");
  await admin.getByRole("table", { name: "All organisations" }).getByRole("link", { name: "Globex Logistics" }).click();
  await expect(admin.getByRole("heading", { name: "Globex Logistics", level: 1 })).toBeVisible();
}

async function postJob(page: Page, webhookUrl: string, secret: string, externalId: string) {
  const body = JSON.stringify(genericJob(externalId, { brand: "Globex Logistics", title: "Fleet Dispatcher" }));
  const id = `msg_${externalId}_${Date.now()}`;
  const now = new Date();
  return page.request.post(webhookUrl, {
    data: body,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(id, now, body),
    },
  });
}

test("trust & safety lifts, removes a job, disables an integration, suspends and bans, each with its effect", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  const admin = await asPerson(browser, "admin");
  await openGlobex(admin);
  await expectAccessible(admin);
  await act(admin, "Lift suspension", "Salaries corrected after review", "Suspend organisation");

  const owner = await asPerson(browser, GLOBEX_OWNER);
  await expect(owner).toHaveURL(/\/dashboard$/);
  const notices = owner.getByRole("region", { name: "Trust & safety actions" });
  await expect(notices).toContainText("Suspension or ban lifted: Salaries corrected after review");

  await owner.goto("/integrations/new");
  await owner.getByLabel("Connection name").fill("Globex TMS");
  await owner.getByRole("button", { name: "Create connection" }).click();
  const webhookUrl = await owner.getByLabel("Webhook URL").inputValue();
  const secret = await owner.getByLabel("Signing secret").inputValue();
  await owner.getByLabel("Endpoint URL").fill(receiver.url);
  await owner.getByRole("button", { name: "Save endpoint" }).click();
  await expect(owner.getByLabel("Endpoint secret")).toBeVisible();
  await owner.getByRole("button", { name: "Activate" }).click();
  await expect(owner).toHaveURL(/\/integrations\/[0-9a-f-]{36}$/);
  const connectionPage = owner.url();
  const answer = await postJob(owner, webhookUrl, secret, "GLX-1");
  expect(answer.status()).toBe(200);
  const { jobs } = (await answer.json()) as { jobs: { jobId: string; status: string }[] };
  expect(jobs[0]?.status).toBe("active");

  await openGlobex(admin);
  await admin.getByRole("link", { name: "Fleet Dispatcher" }).click();
  await act(admin, "Remove job", "The pay range misleads candidates", "Reinstate job");

  await owner.goto(`/jobs/${jobs[0]?.jobId}`);
  await expect(owner.getByRole("region", { name: "Trust & safety on this job" })).toContainText(
    "Job removed by trust & safety: The pay range misleads candidates",
  );
  await owner.goto(connectionPage);
  await expect(owner.getByRole("table", { name: "Outbound events, newest first" })).toContainText("job.status_changed");

  await openGlobex(admin);
  await act(admin, "Disable integration", "Posts scraped listings", "Enable integration");
  expect((await postJob(owner, webhookUrl, secret, "GLX-2")).status()).toBe(403);

  await openGlobex(admin);
  await act(admin, "Suspend organisation", "Repeated misleading salaries", "Lift suspension");
  await owner.goto("/dashboard");
  await expect(owner).toHaveURL(/\/suspended$/);
  await expect(owner.getByText("Repeated misleading salaries")).toBeVisible();
  await owner.goto("/audit");
  const table = owner.getByRole("table", { name: "Audit entries, newest first" });
  await expect(table).toContainText("Organisation suspended");
  await expect(table).toContainText("enforcement.org_suspended");
  await expect(table).toContainText("Wigiwork trust & safety");
  await expect(table.getByText("Integration: Globex TMS").first()).toBeVisible();
  await owner.getByLabel("What").selectOption({ label: "Job removed by trust & safety" });
  await owner.getByRole("button", { name: "Apply filters" }).click();
  await expect(owner).toHaveURL(/action=enforcement\.job_removed/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Job: Fleet Dispatcher (GLX-1)");
  await expectAccessible(owner);
  const download = await owner.request.get(`/audit/export?action=enforcement.job_removed`);
  expect(download.headers()["content-type"]).toContain("text/csv");
  const csv = await download.text();
  expect(csv.split("\n")[0]).toBe("id,time_utc,actor,action,action_code,target_type,target_name,target_id,detail,hash");
  expect(csv).toContain("enforcement.job_removed");
  expect(csv).not.toContain("org_suspended");

  await openGlobex(admin);
  await act(admin, "Ban organisation", "Came back with the same scheme", "Lift ban");
  await owner.goto("/audit");
  await expect(owner).toHaveURL(/\/sign-in/);
  await signIn(owner, GLOBEX_OWNER);
  await expect(owner.getByRole("alert", { name: "Sign-in problem" })).toBeVisible();

  await openGlobex(admin);
  await expect(admin.getByRole("region", { name: "Identifiers kept from the ban" })).toContainText("globex.example");
  await receiver.close();
});

test("a recruiter reports a problem and trust & safety finds it in the queue", async ({ browser }) => {
  test.setTimeout(60_000);
  const recruiter = await asPerson(browser, "recruiter@acme.example");
  await recruiter.getByRole("link", { name: "Report a problem" }).click();
  await recruiter.getByLabel("What happened?").fill("An agency called Brandjackers posts our jobs as its own.");
  await recruiter.getByRole("button", { name: "Send report" }).click();
  await expect(recruiter.getByRole("status")).toContainText("Trust & safety will look at your report");
  await expectAccessible(recruiter);

  const admin = await asPerson(browser, "admin");
  await admin.goto("/admin");
  const queue = admin.getByRole("table", { name: "Open flags, most recent activity first" });
  await queue.getByRole("link", { name: "Reported by a user" }).first().click();
  await expect(admin.getByText("An agency called Brandjackers posts our jobs as its own.")).toBeVisible();
  await expectAccessible(admin);
  const dismiss = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Dismiss flag" }) });
  await dismiss.getByRole("textbox").fill("Forwarded to the brand owner");
  await dismiss.getByRole("button", { name: "Dismiss flag" }).click();
  await expect(admin.getByText("Dismissed: Forwarded to the brand owner")).toBeVisible();
});

test("the console reads on a phone, and every chain's audit is one filter away", async ({ page }) => {
  await signInAs(page, "admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin");
  await expectNoPageScroll(page);
  await expectAccessible(page);
  await page.getByRole("table", { name: "All organisations" }).getByRole("link", { name: "Initech Talent" }).click();
  await expect(page.getByRole("heading", { name: "Initech Talent", level: 1 })).toBeVisible();
  await expectNoPageScroll(page);
  await page.goto("/admin/audit?org=platform");
  await expect(page.getByRole("table", { name: "Audit entries, newest first" })).toContainText("Abuse signal raised");
  await expectNoPageScroll(page);
  await expectAccessible(page);
});
