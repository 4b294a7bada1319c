// Test helpers for ATS connections: create one with known secrets, and sign bodies as each provider does.
import { createHmac, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Database } from "@/db/client";
import { atsConnections, organisations } from "@/db/schema";
import type { AtsProvider } from "@/db/schema/enums";
import { storeSecret } from "@/lib/ats/connections/secrets";
import { makeOrg } from "./factories";

export { fixture } from "./fixtures";

export const GENERIC_SECRET = `whsec_${Buffer.from("generic-test-secret-0123456789abcdef").toString("base64")}`;
export const PLAIN_SECRET = "greenhouse-or-ashby-secret-0123456789";

type ConnectionOptions = Partial<typeof atsConnections.$inferInsert> & { provider?: AtsProvider; secret?: string };

export async function makeConnection(
  db: Database,
  orgId: string,
  brandId: string | null,
  options: ConnectionOptions = {},
) {
  const { secret, ...overrides } = options;
  const provider = overrides.provider ?? "generic";
  const [row] = await db
    .insert(atsConnections)
    .values({
      orgId,
      name: `${provider} test`,
      provider,
      status: "active",
      brandId,
      rateLimitPerMinute: 10_000,
      ...overrides,
    })
    .returning({ id: atsConnections.id });
  const id = row?.id as string;
  if (provider !== "lever")
    await storeSecret(db, id, "inbound", secret ?? (provider === "generic" ? GENERIC_SECRET : PLAIN_SECRET));
  return id;
}

/** An employer with one active generic connection. */
export async function makeEmployerWithConnection(db: Database, options: ConnectionOptions = {}) {
  const org = await makeOrg(db, { name: `Acme ${randomUUID().slice(0, 6)}` });
  const connectionId = await makeConnection(db, org.id, org.brandId, options);
  return { org, connectionId };
}

export async function setStanding(db: Database, orgId: string, standing: "active" | "suspended" | "banned") {
  await db.update(organisations).set({ standing }).where(eq(organisations.id, orgId));
}

export function signGeneric(body: string, options: { id?: string; timestamp?: Date; secret?: string } = {}) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? new Date();
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": new Webhook(options.secret ?? GENERIC_SECRET).sign(id, timestamp, body),
  };
}

const hmacHex = (secret: string, body: Buffer | string) => createHmac("sha256", secret).update(body).digest("hex");

export function signGreenhouse(body: Buffer | string, options: { eventId?: string; secret?: string } = {}) {
  return {
    "content-type": "application/json",
    signature: `sha256 ${hmacHex(options.secret ?? PLAIN_SECRET, body)}`,
    "greenhouse-event-id": options.eventId ?? randomUUID(),
  };
}

export function signAshby(body: Buffer | string, options: { webhookId?: string; secret?: string } = {}) {
  return {
    "content-type": "application/json",
    "ashby-signature": `sha256=${hmacHex(options.secret ?? PLAIN_SECRET, body)}`,
    ...(options.webhookId ? { "webhook-id": options.webhookId } : {}),
  };
}

export const LONG_DESCRIPTION =
  "<p>Join the platform team that builds the control software for our warehouse robots. You will design " +
  "reliable services in Go and PostgreSQL, run them in production with the team, and mentor two engineers. " +
  "We offer hybrid work from Berlin, a learning budget and thirty days of holiday.</p>";

export function genericJob(overrides: Record<string, unknown> = {}, type = "job.published") {
  return {
    type,
    data: {
      externalId: "REQ-1042",
      title: "Senior Backend Engineer",
      description: LONG_DESCRIPTION,
      brand: null,
      client: null,
      location: { city: "Berlin", country: "DE", workplace: "hybrid" },
      employmentType: "full_time",
      salary: { min: 80000, max: 95000, currency: "EUR", period: "year" },
      status: "open",
      updatedAt: "2026-11-20T10:00:00Z",
      ...overrides,
    },
  };
}

export function inboundRequest(connectionId: string, body: Buffer | string, headers: Record<string, string>) {
  const payload = typeof body === "string" ? body : new Uint8Array(body);
  return new Request(`http://portal.test/api/ats/${connectionId}/events`, { method: "POST", headers, body: payload });
}
