import { expect, test } from "@playwright/test";
import { signInAs } from "./support/session";

// The demo candidate's identity (db/seed.ts): none of it may reach an employer's or an admin's browser.
const IDENTITY = [
  "Dana Demo",
  "+49 30 5550 1234",
  "Woodgrove Bank",
  "Tailspin Logistics",
  "github.example/dana-demo",
  "candidate@wigiwork.example",
];

const PAGES = {
  owner: [
    "/dashboard",
    "/jobs",
    "/snapshots",
    "/access-requests",
    "/integrations",
    "/integrations/new",
    "/credits",
    "/audit",
  ],
  recruiter: ["/dashboard", "/jobs", "/snapshots", "/access-requests"],
  agency: ["/dashboard", "/jobs"],
  admin: ["/admin"],
} as const;

for (const [who, paths] of Object.entries(PAGES)) {
  test(`no candidate identity in any page ${who} can open`, async ({ page }) => {
    await signInAs(page, who as keyof typeof PAGES);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const html = await response?.text();
      for (const value of IDENTITY) expect(html, `${path} shows ${value}`).not.toContain(value);
    }
  });
}
