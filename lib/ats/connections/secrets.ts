// Generating, storing (encrypted) and rotating a connection's signing secrets.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { connectionSecrets } from "@/db/schema";
import type { AtsProvider } from "@/db/schema/enums";
import { secretAad } from "@/lib/ats/connection-context";
import { seal } from "@/lib/crypto/secret-box";

const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/** Standard Webhooks secrets are `whsec_` + base64; Greenhouse and Ashby take any string. */
export function generateSecret(provider: AtsProvider | "outbound"): string {
  const bytes = randomBytes(32);
  return provider === "generic" || provider === "outbound"
    ? `whsec_${bytes.toString("base64")}`
    : bytes.toString("base64url");
}

export async function storeSecret(
  tx: Database,
  connectionId: string,
  purpose: "inbound" | "outbound",
  secret: string,
  now = new Date(),
): Promise<void> {
  const id = randomUUID();
  await tx
    .insert(connectionSecrets)
    .values({ id, connectionId, purpose, secretEnc: seal(secret, secretAad(id)), createdAt: now });
}

/**
 * Replaces the current secret. Inbound: the previous one keeps working for 24 hours, so senders can
 * switch over (Standard Webhooks allows several signatures). Outbound: the old one ends at once.
 */
export async function rotateSecret(
  tx: Database,
  connectionId: string,
  purpose: "inbound" | "outbound",
  secret: string,
  now = new Date(),
): Promise<void> {
  const expiresAt = purpose === "inbound" ? new Date(now.getTime() + ROTATION_GRACE_MS) : now;
  await tx
    .update(connectionSecrets)
    .set({ expiresAt })
    .where(
      and(
        eq(connectionSecrets.connectionId, connectionId),
        eq(connectionSecrets.purpose, purpose),
        or(isNull(connectionSecrets.expiresAt), gt(connectionSecrets.expiresAt, expiresAt)),
      ),
    );
  await storeSecret(tx, connectionId, purpose, secret, now);
}
