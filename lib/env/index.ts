// The environment, validated once with zod. Development secrets are generated under the data folder.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type Mode, resolveMode } from "./mode";

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be base64 of exactly 32 bytes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  WIGI_ENV: z.enum(["development", "production"]).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  WIGI_ENCRYPTION_KEY: base64Key.optional(),
  WIGI_ENCRYPTION_KEYS_RETIRED: z.string().optional(),
  WIGI_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  WIGI_WORKER: z.enum(["inline", "off"]).default("inline"),
  WIGI_ALLOW_PRIVATE_TARGETS: z.enum(["0", "1"]).default("0"),
  WIGI_DATA_DIR: z.string().min(1).default(".data"),
  WIGI_SEED_DEMO: z.enum(["0", "1"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SEED_CANDIDATES: z.coerce.number().int().min(0).max(1_000_000).default(500),
  WIGI_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  WIGI_ACCESS_COST: z.coerce.number().int().min(1).max(1000).default(1),
  WIGI_ACCESS_REQUEST_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  WIGI_ACCESS_TERM_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WIGI_ACCESS_DAILY_CAP: z.coerce.number().int().min(1).max(100_000).default(50),
  WIGI_TEST_HOOKS: z.enum(["0", "1"]).default("0"),
});

/** Access Request settings: what a request costs, how long it waits, how long access lasts, how many a day. */
export type AccessSettings = Readonly<{ cost: number; requestDays: number; termDays: number; dailyCap: number }>;

export type Env = Readonly<{
  mode: Mode;
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string;
  encryptionKey: Buffer;
  retiredEncryptionKeys: Buffer[];
  publicUrl: string;
  worker: "inline" | "off";
  allowPrivateTargets: boolean;
  seedDemo: boolean;
  seedCandidates: number;
  /** Where `npm run audit:checkpoint` appends signed chain heads: outside the database. */
  auditCheckpointFile: string;
  access: AccessSettings;
  /** Test-only routes (a controllable clock); never on in production. */
  testHooks: boolean;
}>;

export class EnvError extends Error {
  override name = "EnvError";
}

type DevSecrets = { authSecret: string; encryptionKey: string };

function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, "secrets.json");
  fs.mkdirSync(dataDir, { recursive: true });
  const fresh: DevSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  try {
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return JSON.parse(fs.readFileSync(file, "utf8")) as DevSecrets;
  }
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const raw = parsed.data;
  const mode = resolveMode(raw);
  const dataDir = path.resolve(raw.WIGI_DATA_DIR);
  let authSecret = raw.AUTH_SECRET;
  let encryptionKey = raw.WIGI_ENCRYPTION_KEY;
  if (mode === "production") {
    const missing = [
      !authSecret && "AUTH_SECRET",
      !encryptionKey && "WIGI_ENCRYPTION_KEY",
      !raw.WIGI_PUBLIC_URL && "WIGI_PUBLIC_URL",
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new EnvError(`Refusing to start in production without ${missing.join(", ")}.`);
    }
  } else if (!authSecret || !encryptionKey) {
    const generated = loadOrCreateDevSecrets(dataDir);
    authSecret ??= generated.authSecret;
    encryptionKey ??= generated.encryptionKey;
  }
  const retired = (raw.WIGI_ENCRYPTION_KEYS_RETIRED ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  for (const key of retired) base64Key.parse(key);
  return Object.freeze({
    mode,
    databaseUrl: raw.DATABASE_URL,
    dataDir,
    authSecret: authSecret as string,
    encryptionKey: Buffer.from(encryptionKey as string, "base64"),
    retiredEncryptionKeys: retired.map((k) => Buffer.from(k, "base64")),
    publicUrl: (raw.WIGI_PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ""),
    worker: raw.WIGI_WORKER,
    allowPrivateTargets: raw.WIGI_ALLOW_PRIVATE_TARGETS === "1",
    seedDemo: raw.WIGI_SEED_DEMO ? raw.WIGI_SEED_DEMO === "1" : mode === "development",
    seedCandidates: raw.SEED_CANDIDATES,
    auditCheckpointFile: path.resolve(raw.WIGI_AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, "audit-checkpoints.jsonl")),
    access: Object.freeze({
      cost: raw.WIGI_ACCESS_COST,
      requestDays: raw.WIGI_ACCESS_REQUEST_DAYS,
      termDays: raw.WIGI_ACCESS_TERM_DAYS,
      dailyCap: raw.WIGI_ACCESS_DAILY_CAP,
    }),
    testHooks: raw.WIGI_TEST_HOOKS === "1" && mode !== "production",
  });
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
