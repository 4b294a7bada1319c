// Folding one ATS event into the stored job: fields the event doesn't mention keep their values.
import "server-only";
import type { jobs } from "@/db/schema";
import type { ConnectionContext } from "@/lib/ats/connection-context";
import type { NormalizedJob, NormalizedLocation, NormalizedSalary } from "@/lib/ats/normalized-job";
import { sanitizeJobHtml } from "./html";
import { cleanText, htmlToText, normalizeText, sha256Hex, simhash, titleKey } from "./text";

export type StoredJob = typeof jobs.$inferSelect;

export type MergedJob = {
  title: string;
  descriptionHtml: string;
  descriptionText: string;
  department: string | null;
  brandName: string | null;
  clientName: string | null;
  location: NormalizedLocation | null;
  workplace: StoredJob["workplace"];
  employmentType: StoredJob["employmentType"];
  salary: NormalizedSalary | null;
  salarySource: StoredJob["salarySource"];
  applyUrl: string | null;
  atsStatus: "open" | "closed";
  atsUpdatedAt: Date | null;
  titleKey: string;
  locationKey: string;
  fingerprint: string;
  descriptionHash: bigint;
};

const pick = <T>(incoming: T | undefined, stored: T): T => (incoming === undefined ? stored : incoming);
const text = (value: string | null | undefined, max = 500) =>
  value == null ? null : cleanText(value, max).trim() || null;

function storedLocation(job: StoredJob | null): NormalizedLocation | null {
  if (!job || !(job.locationLabel || job.city || job.country)) return null;
  return { label: job.locationLabel, city: job.city, region: job.region, country: job.country };
}

function storedSalary(job: StoredJob | null): NormalizedSalary | null {
  if (!job || job.salaryMin === null || job.salaryMax === null || !job.salaryCurrency || !job.salaryPeriod) return null;
  return { min: job.salaryMin, max: job.salaryMax, currency: job.salaryCurrency, period: job.salaryPeriod };
}

function cleanLocation(location: NormalizedLocation | null): NormalizedLocation | null {
  if (!location) return null;
  const country = location.country?.toUpperCase() ?? null;
  return {
    label: text(location.label, 200),
    city: text(location.city, 120),
    region: text(location.region, 120),
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
  };
}

/** The agency's client, read the way the connection says (a field, the department, or a fixed client). */
function incomingClient(conn: ConnectionContext, job: NormalizedJob): string | null | undefined {
  if (conn.org.kind !== "agency") return null;
  switch (conn.clientSource) {
    case "fixed":
      return conn.fixedClientName;
    case "department":
      return job.department;
    case "field":
      return conn.clientField ? (job.fields?.[conn.clientField] ?? job.client) : job.client;
    default:
      return job.client;
  }
}

export function locationKeyOf(location: NormalizedLocation | null, workplace: string | null): string {
  if (workplace === "remote") return `remote|${location?.country ?? ""}`;
  return `${normalizeText(location?.city ?? location?.label ?? "")}|${location?.country ?? ""}`;
}

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** An ATS timestamp, or null when it is unreadable or outside any plausible range. */
function parseDate(value: string | null | undefined): Date | null | undefined {
  if (value === undefined) return undefined;
  const time = value ? new Date(value).getTime() : Number.NaN;
  return time >= EARLIEST && time <= LATEST ? new Date(time) : null;
}

type Description = { html: string; text: string; hash: bigint };

const describeHtml = (html: string): Description => {
  const text = htmlToText(html);
  return { html, text, hash: simhash(text) };
};

/**
 * Each event's own description, sanitised and hashed once: a webhook batch merges an event twice
 * (as if new, to read ahead, then onto the stored job). Held only as long as the event itself.
 */
const describedEvents = new WeakMap<NormalizedJob, Description>();

function incomingDescription(incoming: NormalizedJob & { descriptionHtml: string }): Description {
  let known = describedEvents.get(incoming);
  if (!known) {
    known = describeHtml(sanitizeJobHtml(cleanText(incoming.descriptionHtml)));
    describedEvents.set(incoming, known);
  }
  return known;
}

export function mergeJob(
  stored: StoredJob | null,
  incoming: NormalizedJob,
  conn: ConnectionContext,
  salarySource: "ats" | "board",
): MergedJob {
  const description =
    incoming.descriptionHtml === undefined
      ? describeHtml(stored?.descriptionHtml ?? "")
      : incomingDescription(incoming as NormalizedJob & { descriptionHtml: string });
  const title = text(pick(incoming.title, stored?.title ?? ""), 300) ?? "";
  const location = cleanLocation(pick(incoming.location, storedLocation(stored)));
  const workplace = pick(incoming.workplace, stored?.workplace ?? null);
  const requestedBrand = pick(incoming.brand, stored?.brandName ?? null);
  const brandName = text(requestedBrand, 200) ?? conn.brandName;
  const clientName = text(pick(incomingClient(conn, incoming), stored?.clientName ?? null), 200);
  // "No salary" from the ATS never erases a salary a recruiter added in the portal.
  const keepRecruiters = incoming.salary === null && stored?.salarySource === "recruiter";
  const salary = keepRecruiters ? storedSalary(stored) : pick(incoming.salary, storedSalary(stored));
  const locationKey = locationKeyOf(location, workplace);
  const key = titleKey(title);
  return {
    title,
    descriptionHtml: description.html,
    descriptionText: description.text,
    department: text(pick(incoming.department, stored?.department ?? null), 200),
    brandName,
    clientName,
    location,
    workplace,
    employmentType: pick(incoming.employmentType, stored?.employmentType ?? null),
    salary: salary
      ? { ...salary, currency: salary.currency.toUpperCase().slice(0, 10), period: salary.period.slice(0, 40) }
      : null,
    salarySource:
      incoming.salary === undefined || keepRecruiters
        ? (stored?.salarySource ?? null)
        : incoming.salary
          ? salarySource
          : null,
    applyUrl: text(pick(incoming.applyUrl, stored?.applyUrl ?? null), 2000),
    atsStatus: incoming.status ?? (stored?.atsStatus as "open" | "closed" | undefined) ?? "open",
    atsUpdatedAt: pick(parseDate(incoming.updatedAt), stored?.atsUpdatedAt ?? null),
    titleKey: key,
    locationKey,
    fingerprint: sha256Hex(`${key}|${locationKey}|${normalizeText(brandName ?? "")}`),
    descriptionHash: description.hash,
  };
}
