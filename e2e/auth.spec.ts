import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, signInAs } from "./support/session";

test.describe("each role signs in and sees its own shell", () => {
  test("owner sees the dashboard with every area", async ({ page }) => {
    await signInAs(page, "owner");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(page.getByText("Acme Robotics", { exact: false }).first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Acme Robotics navigation" });
    for (const area of ["Dashboard", "Jobs", "Snapshots", "Access requests", "Integrations", "Credits", "Audit log"]) {
      await expect(nav.getByRole("link", { name: area })).toBeVisible();
    }
    await expect(page.getByRole("region", { name: "Credits" }).getByText("50")).toBeVisible();
  });

  test("recruiter sees the dashboard without the owners' areas", async ({ page }) => {
    await signInAs(page, "recruiter");
    await expect(page).toHaveURL(/\/dashboard$/);
    const nav = page.getByRole("navigation", { name: "Acme Robotics navigation" });
    await expect(nav.getByRole("link", { name: "Jobs" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Integrations" })).toHaveCount(0);
    const response = await page.goto("/integrations");
    expect(response?.status()).toBe(404);
    expect((await page.goto("/credits"))?.status()).toBe(404);
  });

  test("agency recruiter sees TalentBridge", async ({ page }) => {
    await signInAs(page, "agency");
    await expect(page.getByRole("navigation", { name: "TalentBridge navigation" })).toBeVisible();
  });

  test("trust & safety sees the admin area", async ({ page }) => {
    await signInAs(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "Trust & safety", level: 1 })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "Acme Robotics" })).toBeVisible();
  });

  test("candidate sees their own profile", async ({ page }) => {
    await signInAs(page, "candidate");
    await expect(page).toHaveURL(/\/candidate$/);
    await expect(page.getByRole("heading", { name: "Your profile and requests" })).toBeVisible();
    await expect(page.getByText("Backend engineering")).toBeVisible();
  });
});

test.describe("each role is refused the others' areas with 404", () => {
  const cases = [
    { who: "owner", refused: ["/admin", "/candidate"] },
    { who: "agency", refused: ["/admin", "/candidate", "/integrations"] },
    { who: "admin", refused: ["/dashboard", "/candidate", "/jobs", "/audit"] },
    { who: "candidate", refused: ["/dashboard", "/admin", "/integrations", "/snapshots"] },
  ] as const;
  for (const { who, refused } of cases) {
    test(`${who} gets 404 on ${refused.join(", ")}`, async ({ page }) => {
      await signInAs(page, who);
      for (const path of refused) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      }
    });
  }
});

test("signed-out visitors are sent to sign in and come back where they were going", async ({ page }) => {
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit$/);
  await page.getByLabel("Email").fill(ACCOUNTS.owner);
  await page.getByLabel("Password").fill("wigiwork-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "auth.signed_in" }).first()).toBeVisible();
});

test("callbackUrl never leads outside the portal", async ({ page }) => {
  await signIn(page, ACCOUNTS.recruiter, undefined, "/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/dashboard$/);
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await signIn(page, ACCOUNTS.owner, "not-the-password");
  const alert = page.getByRole("alert", { name: "Sign-in problem" });
  await expect(alert).toHaveText("That email and password don't match an account we can sign in.");
  await signIn(page, "nobody@acme.example", "not-the-password");
  await expect(alert).toHaveText("That email and password don't match an account we can sign in.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the sign-in form works from the keyboard alone", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(ACCOUNTS.candidate);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("wigiwork-demo");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/candidate$/);
});

test("sign out ends the session", async ({ page }) => {
  await signInAs(page, "owner");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
});
