// What owners and admins do with a connection: create it, set its endpoint, test, activate, rotate, disable.
// Every function is scoped by the organisation of the acting member and audited.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections, brands, outboundEvents } from "@/db/schema";
import type { AtsProvider } from "@/db/schema/enums";
import { currentSecrets } from "@/lib/ats/connection-context";
import { recordAudit } from "@/lib/audit";
import { serializeOutbound } from "@/lib/delivery/events";
import { sendWebhook, type WebhookAttempt } from "@/lib/delivery/send-webhook";
import { screenConnectionSettings } from "@/lib/enforcement";
import { AppError } from "@/lib/errors";
import { assertTargetAllowed, TargetRefusedError } from "@/lib/net/guarded-fetch";
import { targetPolicy } from "@/lib/net/target-policy";
import { generateSecret, rotateSecret, storeSecret } from "./secrets";
import { webhookUrlFor } from "./urls";

export type Scope = { orgId: string; userId: string; orgKind: "employer" | "agency" };

export type CreateConnectionInput = {
  name: string;
  provider: AtsProvider;
  brandId: string;
  clientSource?: "field" | "department" | "fixed";
  clientField?: string;
  fixedClientBrandId?: string;
  boardToken?: string;
  boardBaseUrl?: string;
  syncIntervalMinutes?: number;
  /** Greenhouse and Ashby: the secret the employer typed into their ATS; generated when absent. */
  signingSecret?: string;
};

export type CreatedConnection = {
  id: string;
  provider: AtsProvider;
  webhookUrl: string | null;
  signingSecret: string | null;
};

const fieldError = (field: string, message: string) =>
  new AppError("invalid_input", message, { fieldErrors: { [field]: [message] } });

async function checkTarget(url: string, field: string) {
  try {
    await assertTargetAllowed(url, targetPolicy());
  } catch (error) {
    if (error instanceof TargetRefusedError) throw fieldError(field, `That address can't be used. ${error.message}`);
    throw error;
  }
}

async function checkBrands(db: Database, scope: Scope, input: CreateConnectionInput) {
  const rows = await db
    .select({ id: brands.id, isClient: brands.isClient })
    .from(brands)
    .where(eq(brands.orgId, scope.orgId));
  const own = rows.find((b) => b.id === input.brandId);
  if (!own || (own.isClient && scope.orgKind !== "agency")) throw fieldError("brandId", "Choose one of your brands.");
  if (scope.orgKind === "agency") {
    if (!input.clientSource) throw fieldError("clientSource", "Say how the client is read from your ATS.");
    if (input.clientSource === "field" && input.provider !== "generic" && !input.clientField?.trim()) {
      throw fieldError("clientField", "Name the field that holds the client.");
    }
    if (input.clientSource === "fixed" && !rows.some((b) => b.id === input.fixedClientBrandId && b.isClient)) {
      throw fieldError("fixedClientBrandId", "Choose one of your clients.");
    }
  }
}

/** Standard Webhooks secrets are generated here (whsec_ + base64); only Greenhouse and Ashby take a pasted one. */
function checkPastedSecret(provider: string, pasted: string | undefined) {
  if (pasted?.trim() && provider !== "greenhouse" && provider !== "ashby") {
    throw fieldError("signingSecret", "Only Greenhouse and Ashby connections take a secret you set yourself.");
  }
}

export async function createConnection(
  db: Database,
  scope: Scope,
  input: CreateConnectionInput,
): Promise<CreatedConnection> {
  checkPastedSecret(input.provider, input.signingSecret);
  await checkBrands(db, scope, input);
  if (input.provider === "lever" && !input.boardToken)
    throw fieldError("boardToken", "Lever connects through its job board: enter your site name.");
  if (input.provider === "generic" && input.boardToken)
    throw fieldError("boardToken", "Standard Webhooks connections have no job board.");
  if (input.boardBaseUrl) await checkTarget(input.boardBaseUrl, "boardBaseUrl");
  const receivesWebhooks = input.provider !== "lever";
  const secret = receivesWebhooks ? input.signingSecret?.trim() || generateSecret(input.provider) : null;
  const isAgency = scope.orgKind === "agency";
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(atsConnections)
      .values({
        orgId: scope.orgId,
        name: input.name,
        provider: input.provider,
        brandId: input.brandId,
        clientSource: isAgency ? input.clientSource : null,
        clientField: isAgency && input.clientSource === "field" ? (input.clientField?.trim() ?? null) : null,
        fixedClientBrandId: isAgency && input.clientSource === "fixed" ? input.fixedClientBrandId : null,
        boardToken: input.boardToken?.trim() || null,
        boardBaseUrl: input.boardBaseUrl?.replace(/\/+$/, "") || null,
        syncIntervalMinutes: input.syncIntervalMinutes ?? 60,
        createdBy: scope.userId,
      })
      .returning({ id: atsConnections.id });
    const connectionId = row?.id as string;
    if (secret) await storeSecret(tx, connectionId, "inbound", secret);
    const { provider, boardToken, boardBaseUrl } = input;
    await screenConnectionSettings(tx, { orgId: scope.orgId, connectionId, provider, boardToken, boardBaseUrl });
    await recordAudit(tx, {
      orgId: scope.orgId,
      actorUserId: scope.userId,
      action: "connection.created",
      targetType: "connection",
      targetId: connectionId,
      detail: { provider: input.provider, board: Boolean(input.boardToken) },
    });
    return connectionId;
  });
  const shownSecret = secret && !input.signingSecret?.trim() ? secret : null;
  return {
    id,
    provider: input.provider,
    webhookUrl: receivesWebhooks ? webhookUrlFor(id) : null,
    signingSecret: shownSecret,
  };
}

async function ownedConnection(db: Database, scope: Scope, connectionId: string) {
  const [row] = await db
    .select({
      id: atsConnections.id,
      provider: atsConnections.provider,
      status: atsConnections.status,
      disabledBy: atsConnections.disabledBy,
      brandId: atsConnections.brandId,
      clientSource: atsConnections.clientSource,
      boardToken: atsConnections.boardToken,
      endpointUrl: atsConnections.endpointUrl,
    })
    .from(atsConnections)
    .where(and(eq(atsConnections.id, connectionId), eq(atsConnections.orgId, scope.orgId)));
  if (!row) throw new AppError("not_found");
  return row;
}

const audit = (db: Database, scope: Scope, action: string, connectionId: string, detail?: Record<string, unknown>) =>
  recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.userId,
    action,
    targetType: "connection",
    targetId: connectionId,
    detail,
  });

/** Sets where outbound events go; returns the new endpoint secret, shown once. */
export async function setEndpoint(
  db: Database,
  scope: Scope,
  connectionId: string,
  url: string,
): Promise<{ endpointSecret: string }> {
  const connection = await ownedConnection(db, scope, connectionId);
  await checkTarget(url, "endpointUrl");
  const endpointSecret = generateSecret("outbound");
  await db.transaction(async (tx) => {
    await tx
      .update(atsConnections)
      .set({ endpointUrl: url, endpointCheckedAt: null, endpointLastStatus: null, updatedAt: new Date() })
      .where(eq(atsConnections.id, connection.id));
    await rotateSecret(tx, connection.id, "outbound", endpointSecret);
    await audit(tx, scope, "connection.endpoint_set", connection.id);
    const { orgId } = scope;
    await screenConnectionSettings(tx, { orgId, connectionId, provider: connection.provider, endpointUrl: url });
  });
  return { endpointSecret };
}

/** Posts a signed `ping` to the endpoint and reports the receiver's answer. */
export async function sendTestEvent(db: Database, scope: Scope, connectionId: string): Promise<WebhookAttempt> {
  const connection = await ownedConnection(db, scope, connectionId);
  if (!connection.endpointUrl) throw fieldError("endpointUrl", "Save an endpoint URL first.");
  const [secret] = await currentSecrets(db, connection.id, "outbound");
  if (!secret) throw fieldError("endpointUrl", "Save the endpoint again to create its secret.");
  const data = serializeOutbound("ping", { connectionId: connection.id });
  const [event] = await db
    .insert(outboundEvents)
    .values({ orgId: scope.orgId, connectionId: connection.id, type: "ping", payload: data })
    .returning({ id: outboundEvents.id });
  const attempt = await sendWebhook({
    url: connection.endpointUrl,
    secret,
    eventId: event?.id as string,
    type: "ping",
    data,
    ...targetPolicy(),
  });
  const now = new Date();
  await db
    .update(outboundEvents)
    .set({
      status: attempt.delivered ? "delivered" : "failed",
      attempts: 1,
      lastAttemptAt: now,
      lastStatus: attempt.status,
      lastError: attempt.error,
      deliveredAt: attempt.delivered ? now : null,
    })
    .where(eq(outboundEvents.id, event?.id as string));
  await db
    .update(atsConnections)
    .set({ endpointCheckedAt: now, endpointLastStatus: attempt.status })
    .where(eq(atsConnections.id, connection.id));
  await audit(db, scope, "connection.test_event_sent", connection.id, {
    status: attempt.status,
    delivered: attempt.delivered,
  });
  return attempt;
}

/** Turns a draft (or a connection the organisation disabled) on. Trust & safety's disabling stays. */
export async function activateConnection(db: Database, scope: Scope, connectionId: string): Promise<void> {
  const connection = await ownedConnection(db, scope, connectionId);
  if (connection.disabledBy === "trust_safety") {
    throw new AppError("forbidden", "Trust & safety disabled this connection; only they can turn it back on.");
  }
  if (connection.status === "active") return;
  if (!connection.brandId) throw fieldError("brandId", "Choose the brand jobs are published under.");
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(atsConnections)
      .set({
        status: "active",
        disabledBy: null,
        disabledReason: null,
        activatedAt: now,
        updatedAt: now,
        nextSyncAt: connection.boardToken ? now : null,
      })
      .where(eq(atsConnections.id, connection.id));
    await audit(tx, scope, "connection.activated", connection.id);
  });
}

export async function disableConnection(
  db: Database,
  scope: Scope,
  connectionId: string,
  reason: string | null,
): Promise<void> {
  const connection = await ownedConnection(db, scope, connectionId);
  if (connection.status === "disabled") return;
  await db.transaction(async (tx) => {
    await tx
      .update(atsConnections)
      .set({ status: "disabled", disabledBy: "organisation", disabledReason: reason, updatedAt: new Date() })
      .where(eq(atsConnections.id, connection.id));
    await audit(tx, scope, "connection.disabled", connection.id, { by: "organisation" });
  });
}

/**
 * A new inbound signing secret; the previous one stays valid for 24 hours. Returns the secret to
 * show once, or null when the employer pasted the one they set in Greenhouse or Ashby.
 */
export async function rotateInboundSecret(
  db: Database,
  scope: Scope,
  connectionId: string,
  pasted?: string,
): Promise<{ signingSecret: string | null }> {
  const connection = await ownedConnection(db, scope, connectionId);
  if (connection.provider === "lever") throw new AppError("invalid_input", "Lever connections have no signing secret.");
  checkPastedSecret(connection.provider, pasted);
  const secret = pasted?.trim() || generateSecret(connection.provider as AtsProvider);
  await db.transaction(async (tx) => {
    await rotateSecret(tx, connection.id, "inbound", secret);
    await audit(tx, scope, "connection.secret_rotated", connection.id);
  });
  return { signingSecret: pasted?.trim() ? null : secret };
}
