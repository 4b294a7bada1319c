// Production is explicit (WIGI_ENV=production) or implied by the production server on a real
// PostgreSQL, where every replica must share secrets from the environment. The embedded
// database is a laptop, where secrets are generated. Shared by lib/env and proxy.ts.
export type Mode = "development" | "production";

export function resolveMode(vars: { WIGI_ENV?: string; NODE_ENV?: string; DATABASE_URL?: string }): Mode {
  if (vars.WIGI_ENV === "production" || vars.WIGI_ENV === "development") return vars.WIGI_ENV;
  return vars.NODE_ENV === "production" && vars.DATABASE_URL ? "production" : "development";
}
