import "server-only";
// The Ashby dialect: `Ashby-Signature: sha256=<hex>` over the raw body, job posting publish/update/unpublish.
import { z } from "zod";
import {
  bodyDigest,
  dropUndefined,
  employmentTypeOf,
  mapDefined,
  parseAction,
  parseLocationLabel,
  verifyHexHmac,
  webUrl,
  workplaceFromLabel,
  workplaceOf,
} from "@/lib/ats/mapping";
import type { InboundEvent, NormalizedJob, ParseResult, VerifyResult, WebhookAdapter } from "@/lib/ats/normalized-job";

const SIGNATURE = /^sha256=([0-9a-f]+)$/i;

const postingId = z.string().regex(/\S/, "must not be empty");

const posting = z.object({
  id: postingId,
  title: z.string().nullish(),
  departmentName: z.string().nullish(),
  locationName: z.string().nullish(),
  workplaceType: z.string().nullish(),
  employmentType: z.string().nullish(),
  isListed: z.boolean().nullish(),
  externalLink: z.string().nullish(),
  applyLink: z.string().nullish(),
  updatedAt: z.string().nullish(),
});

const ACTIONS = ["ping", "jobPostingPublish", "jobPostingUpdate", "jobPostingUnpublish"] as const;

const body = z.discriminatedUnion("action", [
  z.object({ action: z.literal("ping") }),
  z.object({ action: z.enum(["jobPostingPublish", "jobPostingUpdate"]), data: z.object({ jobPosting: posting }) }),
  z.object({ action: z.literal("jobPostingUnpublish"), data: z.object({ jobPosting: z.object({ id: postingId }) }) }),
]);

type Posting = z.infer<typeof posting>;

function verify({ headers, rawBody, secrets }: Parameters<WebhookAdapter["verify"]>[0]): VerifyResult {
  return verifyHexHmac(headers.get("ashby-signature"), SIGNATURE, rawBody, secrets);
}

function deliveryId(headers: Headers, rawBody: Buffer): string {
  return headers.get("webhook-id") ?? bodyDigest(rawBody);
}

/** A job posting: no description and no salary (the webhook carries only a summary of either). */
function postingJob(p: Posting): NormalizedJob {
  return dropUndefined({
    externalId: p.id,
    title: p.title ?? undefined,
    department: p.departmentName,
    location: mapDefined(p.locationName, parseLocationLabel),
    workplace: p.workplaceType === undefined ? workplaceFromLabel(p.locationName) : workplaceOf(p.workplaceType),
    employmentType: mapDefined(p.employmentType, employmentTypeOf),
    status: p.isListed === false ? "closed" : "open",
    applyUrl: mapDefined(p.externalLink ?? p.applyLink, webUrl),
    updatedAt: p.updatedAt,
  });
}

function eventOf(parsed: z.infer<typeof body>): InboundEvent {
  const eventType = parsed.action;
  switch (parsed.action) {
    case "ping":
      return { kind: "ping", eventType };
    case "jobPostingPublish":
    case "jobPostingUpdate":
      return { kind: "upsert", eventType, job: postingJob(parsed.data.jobPosting) };
    case "jobPostingUnpublish":
      return { kind: "close", eventType, externalId: parsed.data.jobPosting.id };
  }
}

function parse(input: unknown): ParseResult {
  return parseAction(input, ACTIONS, body, eventOf);
}

export const ashbyAdapter: WebhookAdapter = { provider: "ashby", verify, deliveryId, parse };
