// Which outbound targets this deployment may reach: https only in production, private addresses only when allowed.
import "server-only";
import { env } from "@/lib/env";
import type { TargetPolicy } from "./guarded-fetch";

export function targetPolicy(): TargetPolicy {
  const config = env();
  return { allowPrivate: config.allowPrivateTargets, requireHttps: config.mode === "production" };
}
