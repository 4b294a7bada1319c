import { describe, expect, it } from "vitest";
import { webhookAdapterFor } from "@/lib/ats/providers";

describe("webhookAdapterFor", () => {
  it.each(["generic", "greenhouse", "ashby"] as const)("finds the %s adapter", (provider) => {
    expect(webhookAdapterFor(provider)?.provider).toBe(provider);
  });

  it("has none for Lever, which only publishes a board", () => {
    expect(webhookAdapterFor("lever")).toBeNull();
  });
});
