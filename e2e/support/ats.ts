// An ATS as a test drives it: an active Standard Webhooks connection made through the wizard,
// and jobs posted to it with real signatures.
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";

export type TestConnection = { webhookUrl: string; secret: string };

export const LONG_DESCRIPTION =
  "<p>Build the fleet software for our warehouse robots: services in Go and PostgreSQL, observability, " +
  "and on-call shared fairly across a team of six. Hybrid from Berlin, with a learning budget.</p>";

export async function createActiveConnection(page: Page, name: string): Promise<TestConnection> {
  await page.goto("/integrations/new");
  await page.getByLabel("Connection name").fill(name);
  await page.getByRole("button", { name: "Create connection" }).click();
  const webhookUrl = await page.getByLabel("Webhook URL").inputValue();
  const secret = await page.getByLabel("Signing secret").inputValue();
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page).toHaveURL(/\/integrations\/[0-9a-f-]{36}$/);
  return { webhookUrl, secret };
}

let sequence = 0;

export async function postGenericEvent(
  request: APIRequestContext,
  connection: TestConnection,
  event: { type: string; data: Record<string, unknown> },
) {
  sequence += 1;
  const body = JSON.stringify(event);
  const id = `msg_${Date.now()}_${sequence}`;
  const now = new Date();
  const response = await request.post(connection.webhookUrl, {
    data: body,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(connection.secret).sign(id, now, body),
    },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as {
    jobs: { jobId: string; status: string; violations: { code: string; message: string }[] }[];
  };
}

export function genericJob(externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    type: "job.published",
    data: {
      externalId,
      title: "Senior Robotics Engineer",
      description: LONG_DESCRIPTION,
      brand: "Acme Robotics",
      location: { city: "Berlin", country: "DE", workplace: "hybrid" },
      employmentType: "full_time",
      salary: { min: 80000, max: 95000, currency: "EUR", period: "year" },
      status: "open",
      ...overrides,
    },
  };
}
