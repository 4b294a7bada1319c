import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("callbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/jobs/123?tab=history#top", "/jobs/123?tab=history#top"],
  ])("keeps the portal path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/phish",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "dashboard",
    "\u0000/x",
    "/sign-in",
    "/api/auth/signout",
    "",
    undefined,
    ["/a", "/b"],
  ])("falls back to / for %s", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });

  it("never yields raw control characters", () => {
    expect(safeCallbackPath("/%0d%0aSet-Cookie:x")).not.toMatch(/[\r\n]/);
    expect(safeCallbackPath("/a\r\nSet-Cookie:x")).toBe("/");
  });
});
