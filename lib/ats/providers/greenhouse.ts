import "server-only";
// The Greenhouse dialect: `Signature: sha256 <hex>` over the raw body, job post and job events.
import { z } from "zod";
import {
  bodyDigest,
  dropUndefined,
  employmentTypeOf,
  mapDefined,
  parseAction,
  parseLocationLabel,
  verifyHexHmac,
  workplaceFromLabel,
} from "@/lib/ats/mapping";
import type { InboundEvent, NormalizedJob, ParseResult, VerifyResult, WebhookAdapter } from "@/lib/ats/normalized-job";

const SIGNATURE = /^sha256\s+([0-9a-f]+)$/i;

const id = z.union([z.number().int(), z.string().regex(/\S/, "must not be empty")]);

const post = z.object({
  title: z.string().nullish(),
  location: z.string().nullish(),
  content: z.string().nullish(),
  job_id: id.nullish(),
  live: z.boolean().nullish(),
  external: z.boolean().nullish(),
  internal: z.boolean().nullish(),
  updated_at: z.string().nullish(),
});

const customField = z.object({ name: z.string().nullish(), value: z.unknown() });

const job = z.object({
  id,
  name: z.string().nullish(),
  status: z.string().nullish(),
  departments: z.array(z.object({ name: z.string().nullish() })).nullish(),
  offices: z.array(z.object({ name: z.string().nullish(), location: z.string().nullish() })).nullish(),
  custom_fields: z.record(z.string(), customField.nullish()).nullish(),
  updated_at: z.string().nullish(),
});

const ACTIONS = [
  "ping",
  "job_post_created",
  "job_post_updated",
  "job_post_deleted",
  "job_created",
  "job_updated",
  "job_deleted",
] as const;

const body = z.discriminatedUnion("action", [
  z.object({ action: z.literal("ping") }),
  z.object({ action: z.enum(["job_post_created", "job_post_updated"]), payload: post }),
  z.object({ action: z.literal("job_post_deleted"), payload: z.object({ job_post: post }) }),
  z.object({ action: z.enum(["job_created", "job_updated"]), payload: z.object({ job }) }),
  z.object({ action: z.literal("job_deleted"), payload: z.object({ job: z.object({ id }) }) }),
]);

type Post = z.infer<typeof post>;
type Job = z.infer<typeof job>;
type CustomFields = NonNullable<Job["custom_fields"]>;

function verify({ headers, rawBody, secrets }: Parameters<WebhookAdapter["verify"]>[0]): VerifyResult {
  return verifyHexHmac(headers.get("signature"), SIGNATURE, rawBody, secrets);
}

function deliveryId(headers: Headers, rawBody: Buffer): string {
  return headers.get("greenhouse-event-id") ?? bodyDigest(rawBody);
}

function postJob(p: Post, jobId: string | number): NormalizedJob {
  return dropUndefined({
    externalId: String(jobId),
    title: p.title ?? undefined,
    descriptionHtml: p.content ?? undefined,
    location: mapDefined(p.location, parseLocationLabel),
    workplace: workplaceFromLabel(p.location),
    status: p.live === true ? "open" : "closed",
    updatedAt: p.updated_at,
  });
}

/** A post without job_id is a prospect post, one only on the internal board isn't public: neither is a job. */
function postEvent(eventType: string, p: Post, deleted: boolean): InboundEvent {
  const jobId = p.job_id;
  if (jobId == null) return { kind: "ignored", eventType, reason: "prospect post (no job_id)" };
  if (p.internal === true && p.external === false) return { kind: "ignored", eventType, reason: "internal-only post" };
  if (deleted) return { kind: "close", eventType, externalId: String(jobId) };
  return { kind: "upsert", eventType, job: postJob(p, jobId) };
}

/** Custom fields with a text or number value, keyed by their name and by their key. */
function customFieldValues(fields: CustomFields): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, field] of Object.entries(fields)) {
    const value = field?.value;
    if (typeof value !== "string" && typeof value !== "number") continue;
    if (field?.name) values[field.name] = String(value);
    values[key] = String(value);
  }
  return values;
}

function employmentTypeField(fields: Job["custom_fields"]): NormalizedJob["employmentType"] {
  const field = fields?.employment_type;
  if (!field) return undefined;
  return typeof field.value === "string" ? employmentTypeOf(field.value) : null;
}

function jobStatus(status: string | null | undefined): NormalizedJob["status"] {
  if (status == null) return undefined;
  return status === "open" ? "open" : "closed";
}

/** A job (not its post): no description (job notes are internal) and no salary (webhooks carry none). */
function jobOf(j: Job): NormalizedJob {
  const office = j.offices?.[0];
  const officeLabel = office?.location || office?.name;
  return dropUndefined({
    externalId: String(j.id),
    title: j.name ?? undefined,
    department: j.departments && (j.departments[0]?.name ?? null),
    location: j.offices && parseLocationLabel(officeLabel),
    workplace: workplaceFromLabel(officeLabel),
    employmentType: employmentTypeField(j.custom_fields),
    fields: j.custom_fields ? customFieldValues(j.custom_fields) : undefined,
    status: jobStatus(j.status),
    updatedAt: j.updated_at,
  });
}

function eventOf(parsed: z.infer<typeof body>): InboundEvent {
  const eventType = parsed.action;
  switch (parsed.action) {
    case "ping":
      return { kind: "ping", eventType };
    case "job_post_created":
    case "job_post_updated":
      return postEvent(eventType, parsed.payload, false);
    case "job_post_deleted":
      return postEvent(eventType, parsed.payload.job_post, true);
    case "job_created":
    case "job_updated":
      return { kind: "upsert", eventType, job: jobOf(parsed.payload.job) };
    case "job_deleted":
      return { kind: "close", eventType, externalId: String(parsed.payload.job.id) };
  }
}

function parse(input: unknown): ParseResult {
  return parseAction(input, ACTIONS, body, eventOf);
}

export const greenhouseAdapter: WebhookAdapter = { provider: "greenhouse", verify, deliveryId, parse };
