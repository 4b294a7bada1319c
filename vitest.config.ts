import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "lib/testing/empty.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    globalSetup: ["lib/testing/global-setup.ts"],
    // Next.js request APIs answered by a test request scope inside actAs(); the real ones elsewhere.
    setupFiles: ["lib/testing/act-as.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      NODE_ENV: "test",
      WIGI_ENV: "development",
      AUTH_SECRET: "test-auth-secret-test-auth-secret-0123456789",
      WIGI_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      WIGI_DATA_DIR: ".test-output/data",
      WIGI_ALLOW_PRIVATE_TARGETS: "1",
      WIGI_SEED_DEMO: "0",
    },
  },
});
