// The only shapes that may leave for an ATS: one strict allowlist schema per event type
// (CONTRACT.md §4). Unknown keys fail validation, so nothing extra can slip into a payload.
import "server-only";
import { z } from "zod";
import { ACCESS_STATUS, JOB_STATUS } from "@/db/schema/enums";
import { VIOLATION_CODES } from "@/lib/posting-rules";

const id = z.string().uuid();

export const OUTBOUND_SCHEMAS = {
  ping: z.object({ connectionId: id }).strict(),
  "job.status_changed": z
    .object({
      jobId: id,
      externalId: z.string().min(1).max(200),
      status: z.enum(JOB_STATUS),
      violations: z.array(z.object({ code: z.enum(VIOLATION_CODES), message: z.string().max(500) }).strict()),
      portalUrl: z.url(),
    })
    .strict(),
  "snapshot.access_changed": z
    .object({
      snapshotId: id,
      candidateRef: z.string().min(1).max(100),
      status: z.enum(ACCESS_STATUS),
      portalUrl: z.url(),
    })
    .strict(),
} as const;

export type OutboundType = keyof typeof OUTBOUND_SCHEMAS;
export type OutboundData<T extends OutboundType> = z.infer<(typeof OUTBOUND_SCHEMAS)[T]>;

/** Validates an event's data against its allowlist; throws on anything unexpected. */
export function serializeOutbound<T extends OutboundType>(type: T, data: OutboundData<T>): OutboundData<T> {
  return OUTBOUND_SCHEMAS[type].parse(data) as OutboundData<T>;
}
