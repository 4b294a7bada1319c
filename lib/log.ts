// Structured JSON logging with redaction of secrets and personal data by key.
import "server-only";

type Level = "debug" | "info" | "warn" | "error";
type Context = Record<string, unknown>;

const REDACTED_KEYS =
  /pass(word)?|secret|token|authorization|cookie|signature|email|phone|full_?name|identity|ciphertext|_enc$/i;

/** An error without its stack, and without the bound parameters drizzle appends to failed queries. */
function describeError(error: Error): Record<string, unknown> {
  const cause = error.cause instanceof Error ? error.cause : null;
  return {
    name: error.name,
    message: error.message.split("\nparams:")[0]?.slice(0, 500),
    code: (error as { code?: unknown }).code ?? (cause as { code?: unknown } | null)?.code,
    ...(cause ? { cause: cause.message.slice(0, 300) } : {}),
  };
}

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return describeError(value);
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redact(v, depth + 1));
  const out: Context = {};
  for (const [key, v] of Object.entries(value as Context)) {
    out[key] = REDACTED_KEYS.test(key) ? "[redacted]" : redact(v, depth + 1);
  }
  return out;
}

function write(level: Level, event: string, context: Context = {}) {
  if (level === "debug" && process.env.WIGI_LOG_DEBUG !== "1") return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(redact(context) as Context) });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  debug: (event: string, context?: Context) => write("debug", event, context),
  info: (event: string, context?: Context) => write("info", event, context),
  warn: (event: string, context?: Context) => write("warn", event, context),
  error: (event: string, context?: Context) => write("error", event, context),
};
