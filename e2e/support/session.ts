// Signing in as a demo account through the real sign-in page.
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./config";

export const ACCOUNTS = {
  owner: "owner@acme.example",
  recruiter: "recruiter@acme.example",
  agency: "agency@talentbridge.example",
  admin: "admin@wigiwork.example",
  candidate: "candidate@wigiwork.example",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, who: keyof typeof ACCOUNTS) {
  await signIn(page, ACCOUNTS[who]);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
