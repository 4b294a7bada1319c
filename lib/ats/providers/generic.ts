import "server-only";
// The generic dialect: Standard Webhooks signatures and the portal's own job.* payload (CONTRACT §3).
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import { EMPLOYMENT_TYPES, WORKPLACES } from "@/db/schema/enums";
import { bodyDigest, countryCode, dropUndefined, zodIssues } from "@/lib/ats/mapping";
import type {
  NormalizedJob,
  NormalizedLocation,
  ParseResult,
  VerifyResult,
  WebhookAdapter,
} from "@/lib/ats/normalized-job";

const TOLERANCE_SECONDS = 5 * 60;
const SIGNATURE_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;
const MISMATCH: VerifyResult = { ok: false, reason: "mismatch" };

const externalId = z.string().max(200).regex(/\S/, "must not be empty");

const jobData = z.object({
  externalId,
  title: z.string().nullish(),
  description: z.string().nullish(),
  brand: z.string().nullish(),
  client: z.string().nullish(),
  location: z
    .object({
      city: z.string().nullish(),
      country: z.string().nullish(),
      workplace: z.enum(WORKPLACES).nullish(),
    })
    .nullish(),
  employmentType: z.enum(EMPLOYMENT_TYPES).nullish(),
  salary: z.object({ min: z.number(), max: z.number(), currency: z.string(), period: z.string() }).nullish(),
  status: z.enum(["open", "closed"]).optional(),
  updatedAt: z.iso.datetime({ offset: true }).nullish(),
  applyUrl: z.url({ protocol: /^https?$/ }).nullish(),
});

const body = z.discriminatedUnion("type", [
  z.object({ type: z.literal("job.closed"), data: z.object({ externalId }) }),
  z.object({ type: z.enum(["job.published", "job.updated"]), data: jobData }),
]);

type JobData = z.infer<typeof jobData>;

function signatureHeaders(headers: Headers): Record<string, string> | null {
  const signed: Record<string, string> = {};
  for (const name of SIGNATURE_HEADERS) {
    const value = headers.get(name);
    if (!value) return null;
    signed[name] = value;
  }
  return signed;
}

/** Checked against the caller's clock; the library repeats the check against the wall clock. */
function isStale(timestamp: string, now: Date): boolean {
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS;
}

function verifyWith(secret: string, payload: string, headers: Record<string, string>): VerifyResult {
  try {
    new Webhook(secret).verify(payload, headers, { jsonParse: false });
    return { ok: true };
  } catch (error) {
    const stale = error instanceof WebhookVerificationError && /timestamp too (?:old|new)/i.test(error.message);
    return stale ? { ok: false, reason: "stale" } : MISMATCH;
  }
}

function verify({ headers, rawBody, secrets, now }: Parameters<WebhookAdapter["verify"]>[0]): VerifyResult {
  const signed = signatureHeaders(headers);
  if (!signed) return { ok: false, reason: "missing" };
  if (isStale(signed["webhook-timestamp"] ?? "", now)) return { ok: false, reason: "stale" };
  const payload = rawBody.toString("utf8");
  const results = secrets.map((secret) => verifyWith(secret, payload, signed));
  return (
    results.find((result) => result.ok) ?? results.find((result) => !result.ok && result.reason === "stale") ?? MISMATCH
  );
}

/** "" and null both mean "none". */
const orNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);
/** null means "explicitly empty", which the posting rules report as incomplete. */
const orEmpty = (value: string | null | undefined) => (value === null ? "" : value);

function locationOf(location: JobData["location"]): NormalizedLocation | null | undefined {
  if (!location) return location;
  return { label: null, city: location.city?.trim() || null, region: null, country: countryCode(location.country) };
}

function jobOf(data: JobData): NormalizedJob {
  return dropUndefined({
    externalId: data.externalId,
    title: orEmpty(data.title),
    descriptionHtml: orEmpty(data.description),
    brand: orNull(data.brand),
    client: orNull(data.client),
    location: locationOf(data.location),
    workplace: data.location?.workplace,
    employmentType: data.employmentType,
    salary: data.salary && { ...data.salary, currency: data.salary.currency.trim().toUpperCase() },
    status: data.status,
    updatedAt: data.updatedAt,
    applyUrl: data.applyUrl,
  });
}

function parse(input: unknown): ParseResult {
  const parsed = body.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const { type, data } = parsed.data;
  if (type === "job.closed") {
    return { ok: true, event: { kind: "close", eventType: type, externalId: data.externalId } };
  }
  return { ok: true, event: { kind: "upsert", eventType: type, job: jobOf(data) } };
}

export const genericAdapter: WebhookAdapter = {
  provider: "generic",
  verify,
  deliveryId: (headers, rawBody) => headers.get("webhook-id") ?? bodyDigest(rawBody),
  parse,
};
