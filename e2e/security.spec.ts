import { expect, test } from "@playwright/test";
import { signInAs } from "./support/session";

test("pages carry a fresh CSP nonce, no-store and no framing", async ({ page, request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const csp = first.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toBe(second.headers()["content-security-policy"]);
  expect(first.headers()["cache-control"]).toBe("no-store");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1] as string;
  expect(await first.text()).toContain(`nonce="${nonce}"`);

  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await signInAs(page, "owner");
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  const dashboard = await page.goto("/dashboard");
  expect(dashboard?.headers()["cache-control"]).toBe("no-store");
});

test("health answers ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
