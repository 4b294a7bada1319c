import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv as parse } from "./index";

const parseEnv = (vars: Record<string, string>) => parse(vars as NodeJS.ProcessEnv);

const key = Buffer.alloc(32, 1).toString("base64");
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "wigi-env-"));

describe("environment", () => {
  it("refuses to start in production without the secrets", () => {
    expect(() => parseEnv({ WIGI_ENV: "production" })).toThrow(/AUTH_SECRET, WIGI_ENCRYPTION_KEY, WIGI_PUBLIC_URL/);
    expect(() => parseEnv({ WIGI_ENV: "production", AUTH_SECRET: "a".repeat(40) })).toThrow(/WIGI_ENCRYPTION_KEY/);
  });

  it("treats the production server on a real PostgreSQL as production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db.example/wigi" })).toThrow(/Refusing/);
  });

  it("generates development secrets once and keeps them in the data folder", () => {
    const dir = tempDir();
    const first = parseEnv({ WIGI_DATA_DIR: dir });
    const second = parseEnv({ WIGI_DATA_DIR: dir });
    expect(first.mode).toBe("development");
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.encryptionKey).toHaveLength(32);
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
  });

  it("rejects malformed values with a clear message", () => {
    expect(() => parseEnv({ WIGI_ENCRYPTION_KEY: "short", AUTH_SECRET: "a".repeat(40) })).toThrow(
      /WIGI_ENCRYPTION_KEY: must be base64 of exactly 32 bytes/,
    );
    expect(() => parseEnv({ WIGI_WORKER: "sometimes" })).toThrow(/WIGI_WORKER/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("uses given secrets and defaults the rest", () => {
    const env = parseEnv({
      WIGI_ENV: "production",
      AUTH_SECRET: "s".repeat(40),
      WIGI_ENCRYPTION_KEY: key,
      WIGI_PUBLIC_URL: "https://portal.wigiwork.example/",
    });
    expect(env.mode).toBe("production");
    expect(env.publicUrl).toBe("https://portal.wigiwork.example");
    expect(parseEnv({ WIGI_DATA_DIR: tempDir(), PORT: "4000" }).publicUrl).toBe("http://localhost:4000");
    expect(env.worker).toBe("inline");
    expect(env.allowPrivateTargets).toBe(false);
    expect(env.seedDemo).toBe(false);
  });
});
