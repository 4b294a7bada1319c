// What every ATS adapter produces: one provider-neutral job, and the events that carry it.
import type { EmploymentType, Workplace } from "@/db/schema/enums";

export type NormalizedLocation = {
  /** The location as the ATS wrote it, e.g. "New York, NY". */
  label: string | null;
  city: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2, upper case, when it can be known. */
  country: string | null;
};

export type NormalizedSalary = {
  min: number;
  max: number;
  /** ISO 4217 as given (upper-cased); the posting rules decide whether it is known. */
  currency: string;
  /** "year" | "month" | "hour" when recognised; anything else is kept verbatim for the rules to refuse. */
  period: string;
};

/**
 * A job as one event describes it. A field left `undefined` means "this event doesn't say"
 * (the stored value is kept); `null` means "explicitly empty".
 */
export type NormalizedJob = {
  externalId: string;
  title?: string;
  /** Raw HTML as the ATS sent it (entity-escaped HTML already decoded); sanitised before storage. */
  descriptionHtml?: string;
  department?: string | null;
  /** The brand the ATS names for the job (generic webhooks); others publish under the connection's brand. */
  brand?: string | null;
  /** The agency's client as the ATS names it in a dedicated field (generic webhooks' `client`). */
  client?: string | null;
  /** Other named fields (Greenhouse custom fields, board metadata), for reading an agency's client. */
  fields?: Record<string, string>;
  location?: NormalizedLocation | null;
  workplace?: Workplace | null;
  employmentType?: EmploymentType | null;
  salary?: NormalizedSalary | null;
  status?: "open" | "closed";
  /** The public job or apply page on the ATS's board or the employer's site. */
  applyUrl?: string | null;
  updatedAt?: string | null;
};

export type InboundEvent =
  | { kind: "ping"; eventType: string }
  | { kind: "upsert"; eventType: string; job: NormalizedJob }
  | { kind: "close"; eventType: string; externalId: string }
  | { kind: "ignored"; eventType: string; reason: string };

export type PayloadIssue = { path: string; message: string };

export type ParseResult = { ok: true; event: InboundEvent } | { ok: false; issues: PayloadIssue[] };

export type VerifyResult = { ok: true } | { ok: false; reason: "missing" | "mismatch" | "stale" };

/** One provider's webhook dialect: how it signs, how it names deliveries, what its payloads look like. */
export type WebhookAdapter = {
  provider: "generic" | "greenhouse" | "ashby";
  /** Verifies the signature over the raw bytes against any of the connection's current secrets. */
  verify(input: { headers: Headers; rawBody: Buffer; secrets: readonly string[]; now: Date }): VerifyResult;
  /** The idempotency key of this delivery. */
  deliveryId(headers: Headers, rawBody: Buffer): string;
  /** Parses an already JSON-decoded body into one event. */
  parse(body: unknown): ParseResult;
};

/** A public job board a connection can pull from. */
export type BoardProvider = "greenhouse" | "lever" | "ashby";

export type BoardConfig = { provider: BoardProvider; token: string; baseUrl: string | null };

/** Fetches one URL and returns its decoded JSON; throws on transport or HTTP errors. */
export type FetchJson = (url: string) => Promise<unknown>;

export type BoardPage = { jobs: NormalizedJob[]; pagesFetched: number };
