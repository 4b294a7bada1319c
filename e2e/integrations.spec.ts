import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver } from "./support/receiver";
import { signInAs } from "./support/session";

const DESCRIPTION =
  "<p>Build the fleet software for our warehouse robots: services in Go and PostgreSQL, observability, " +
  "and on-call shared fairly across a team of six. Hybrid from Berlin, with a learning budget.</p>";

test("an owner walks the wizard, then receives a job signed with the standardwebhooks library", async ({
  page,
  request,
}) => {
  const receiver = await startReceiver();
  await signInAs(page, "owner");
  await page.goto("/integrations");
  await page.getByRole("link", { name: "Connect an ATS" }).click();
  await expect(page).toHaveURL(/\/integrations\/new$/);

  await page.getByRole("radio", { name: /Standard Webhooks/ }).check();
  await page.getByLabel("Connection name").fill("Workday via middleware");
  await page.getByRole("button", { name: "Create connection" }).click();

  const webhookUrl = await page.getByLabel("Webhook URL").inputValue();
  const signingSecret = await page.getByLabel("Signing secret").inputValue();
  expect(webhookUrl).toMatch(/\/api\/ats\/[0-9a-f-]{36}\/events$/);
  expect(signingSecret).toMatch(/^whsec_/);

  await page.getByLabel("Endpoint URL").fill(receiver.url);
  await page.getByRole("button", { name: "Save endpoint" }).click();
  receiver.secret = await page.getByLabel("Endpoint secret").inputValue();
  expect(receiver.secret).toMatch(/^whsec_/);

  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByRole("status", { name: "Test event result" })).toContainText(
    "Delivered: the receiver answered 200",
  );
  expect(receiver.deliveries).toEqual([{ type: "ping", data: { connectionId: expect.any(String) }, verified: true }]);

  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page).toHaveURL(/\/integrations\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Active", { exact: true })).toBeVisible();

  const body = JSON.stringify({
    type: "job.published",
    data: {
      externalId: "REQ-E2E-1",
      title: "Senior Robotics Engineer",
      description: DESCRIPTION,
      brand: "Acme Robotics",
      client: null,
      location: { city: "Berlin", country: "DE", workplace: "hybrid" },
      employmentType: "full_time",
      salary: { min: 80000, max: 95000, currency: "EUR", period: "year" },
      status: "open",
      updatedAt: "2026-11-20T10:00:00Z",
    },
  });
  const messageId = `msg_${Date.now()}`;
  const timestamp = new Date();
  const response = await request.post(webhookUrl, {
    data: body,
    headers: {
      "content-type": "application/json",
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": new Webhook(signingSecret).sign(messageId, timestamp, body),
    },
  });
  expect(response.status()).toBe(200);
  const answer = await response.json();
  expect(answer).toMatchObject({
    received: true,
    deliveryId: messageId,
    duplicate: false,
    jobs: [{ externalId: "REQ-E2E-1", status: "active", violations: [] }],
  });

  await page.reload();
  const events = page.getByRole("region", { name: "Events received" });
  await expect(events.getByRole("cell", { name: "job.published" })).toBeVisible();
  await events.getByRole("link", { name: "REQ-E2E-1" }).click();
  await expect(page.getByRole("heading", { name: "Senior Robotics Engineer", level: 1 })).toBeVisible();
  await expect(page.getByText("Every rule passed")).toBeVisible();
  await receiver.close();
});

test("a job missing its salary waits, and completing it in the portal publishes it", async ({ page, request }) => {
  await signInAs(page, "owner");
  await page.goto("/integrations/new");
  await page.getByLabel("Connection name").fill("Complete me");
  await page.getByRole("button", { name: "Create connection" }).click();
  const webhookUrl = await page.getByLabel("Webhook URL").inputValue();
  const secret = await page.getByLabel("Signing secret").inputValue();
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page).toHaveURL(/\/integrations\/[0-9a-f-]{36}$/);

  const body = JSON.stringify({
    type: "job.published",
    data: {
      externalId: "REQ-NO-PAY",
      title: "Controls Engineer",
      description: DESCRIPTION,
      location: { city: "Hamburg", country: "DE", workplace: "onsite" },
      status: "open",
    },
  });
  const id = `msg_${Date.now()}_pay`;
  const now = new Date();
  const response = await request.post(webhookUrl, {
    data: body,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(id, now, body),
    },
  });
  const { jobs } = await response.json();
  expect(jobs[0]).toMatchObject({ status: "needs_info", violations: [{ code: "salary.missing" }] });

  await page.goto(`/jobs/${jobs[0].jobId}`);
  await expect(page.getByText("Add the salary range")).toBeVisible();
  await page.getByLabel("Minimum salary").fill("70000");
  await page.getByLabel("Maximum salary").fill("82000");
  await page.getByLabel("Currency").fill("EUR");
  await page.getByLabel("Period").selectOption("year");
  await page.getByRole("button", { name: "Save and re-check" }).click();
  await expect(page.getByText("Every rule passed")).toBeVisible();
  await page.goto("/jobs?status=active");
  await expect(page.getByRole("link", { name: "Controls Engineer" })).toBeVisible();
});

test("a recruiter can't reach the integrations pages", async ({ page }) => {
  await signInAs(page, "recruiter");
  expect((await page.goto("/integrations/new"))?.status()).toBe(404);
});
