import "server-only";
// Helpers the ATS adapters and board parsers share: provider vocabulary to normalized values, signatures, validation.
import { createHash } from "node:crypto";
import { decodeHTML } from "entities";
import { alpha3ToAlpha2, getAlpha2Code, getAlpha2Codes, registerLocale } from "i18n-iso-countries";
import de from "i18n-iso-countries/langs/de.json";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import it from "i18n-iso-countries/langs/it.json";
import nl from "i18n-iso-countries/langs/nl.json";
import pl from "i18n-iso-countries/langs/pl.json";
import pt from "i18n-iso-countries/langs/pt.json";
import { z } from "zod";
import type { EmploymentType, SalaryPeriod, Workplace } from "@/db/schema/enums";
import type {
  InboundEvent,
  NormalizedLocation,
  NormalizedSalary,
  ParseResult,
  PayloadIssue,
  VerifyResult,
} from "@/lib/ats/normalized-job";
import { constantTimeEqual, hmacSha256 } from "@/lib/crypto/hmac";

/** English first; the others recognise country names as employers write them at home ("Deutschland"). */
const LOCALES = [en, de, fr, es, it, nl, pt, pl];
for (const locale of LOCALES) registerLocale(locale);

const ALPHA2 = new Set(Object.keys(getAlpha2Codes()));
const COUNTRY_ALIASES = new Map([
  ["UK", "GB"],
  ["ENGLAND", "GB"],
  ["SCOTLAND", "GB"],
  ["WALES", "GB"],
  ["NORTHERN IRELAND", "GB"],
]);

const US_STATES = new Map([
  ["AL", "Alabama"],
  ["AK", "Alaska"],
  ["AZ", "Arizona"],
  ["AR", "Arkansas"],
  ["CA", "California"],
  ["CO", "Colorado"],
  ["CT", "Connecticut"],
  ["DE", "Delaware"],
  ["DC", "District of Columbia"],
  ["FL", "Florida"],
  ["GA", "Georgia"],
  ["HI", "Hawaii"],
  ["ID", "Idaho"],
  ["IL", "Illinois"],
  ["IN", "Indiana"],
  ["IA", "Iowa"],
  ["KS", "Kansas"],
  ["KY", "Kentucky"],
  ["LA", "Louisiana"],
  ["ME", "Maine"],
  ["MD", "Maryland"],
  ["MA", "Massachusetts"],
  ["MI", "Michigan"],
  ["MN", "Minnesota"],
  ["MS", "Mississippi"],
  ["MO", "Missouri"],
  ["MT", "Montana"],
  ["NE", "Nebraska"],
  ["NV", "Nevada"],
  ["NH", "New Hampshire"],
  ["NJ", "New Jersey"],
  ["NM", "New Mexico"],
  ["NY", "New York"],
  ["NC", "North Carolina"],
  ["ND", "North Dakota"],
  ["OH", "Ohio"],
  ["OK", "Oklahoma"],
  ["OR", "Oregon"],
  ["PA", "Pennsylvania"],
  ["RI", "Rhode Island"],
  ["SC", "South Carolina"],
  ["SD", "South Dakota"],
  ["TN", "Tennessee"],
  ["TX", "Texas"],
  ["UT", "Utah"],
  ["VT", "Vermont"],
  ["VA", "Virginia"],
  ["WA", "Washington"],
  ["WV", "West Virginia"],
  ["WI", "Wisconsin"],
  ["WY", "Wyoming"],
]);
const US_STATE_NAMES = new Set([...US_STATES.values()].map((name) => name.toLowerCase()));

/** ISO 3166-1 alpha-2 for a code ("de", "USA", "U.S.") or a country name ("Germany", "Deutschland"); else null. */

/** A job board answered with something we can't use; the message is safe to show on the connection page. */
export class BoardError extends Error {
  override name = "BoardError";
}

export function countryCode(text: string | null | undefined): string | null {
  const name = text?.trim() ?? "";
  if (!name) return null;
  const code = name.replace(/\./g, "").toUpperCase();
  const alias = COUNTRY_ALIASES.get(code);
  if (alias) return alias;
  if (/^[A-Z]{2}$/.test(code)) return ALPHA2.has(code) ? code : null;
  const alpha3 = /^[A-Z]{3}$/.test(code) ? alpha3ToAlpha2(code) : undefined;
  return alpha3 ?? countryByName(name);
}

function countryByName(name: string): string | null {
  for (const locale of LOCALES) {
    const code = getAlpha2Code(name, locale.locale);
    if (code) return code;
  }
  return null;
}

function isUsState(text: string): boolean {
  return US_STATES.has(text.toUpperCase()) || US_STATE_NAMES.has(text.toLowerCase());
}

const MODE_WORDS = /\b(?:remote|hybrid|on-?site|anywhere)\b/gi;
const PLACE_SEPARATORS = /[,;()|]|\s[-–—/]\s/;

function placeParts(label: string): string[] {
  return label
    .split(PLACE_SEPARATORS)
    .map((part) =>
      part
        .replace(MODE_WORDS, " ")
        .replace(/\s+/g, " ")
        .replace(/^[\s\-–—:/]+|[\s\-–—:/]+$/g, ""),
    )
    .filter(Boolean);
}

type Place = Omit<NormalizedLocation, "label">;
const NOWHERE: Place = { city: null, region: null, country: null };

/**
 * The last of several parts: a country, or a region. A US state (code or name) means the US unless it is also a
 * country ("CA" Canada, "DE" Germany, "Georgia"): then the country is left unknown rather than guessed.
 */
function placeTail(part: string): Omit<Place, "city"> {
  const country = countryCode(part);
  if (isUsState(part)) return { region: part, country: country ? null : "US" };
  return country ? { region: null, country } : { region: part, country: null };
}

/** A lone part ("Germany", "US", "California", "NYC") is a country first, then a US state, else a city. */
function lonePlace(part: string): Place {
  const country = countryCode(part);
  if (country) return { ...NOWHERE, country };
  return isUsState(part) ? { ...NOWHERE, region: part, country: "US" } : { ...NOWHERE, city: part };
}

function placeOf(parts: string[]): Place {
  const [first, ...rest] = parts;
  if (first === undefined) return NOWHERE;
  const last = rest.at(-1);
  if (last === undefined) return lonePlace(first);
  const tail = placeTail(last);
  const middle = rest.length > 1 ? (rest.at(-2) ?? null) : null;
  return { city: first, region: tail.region ?? middle, country: tail.country };
}

/**
 * Parses a free-text location such as "New York, NY", "Berlin, Germany (Remote)" or "New York, NY, United States":
 * the first part is the city, the last the country or region, a middle one the region. Words like "Remote" are
 * dropped here (see `workplaceFromLabel`). The label is kept as written.
 */
export function parseLocationLabel(label: string | null | undefined): NormalizedLocation | null {
  const text = label?.trim();
  if (!text) return null;
  return { label: text, ...placeOf(placeParts(text)) };
}

/** The way of working a location label states ("Remote", "Berlin (Hybrid)"), or undefined when it says nothing. */
export function workplaceFromLabel(label: string | null | undefined): Workplace | undefined {
  if (!label) return undefined;
  if (/\bhybrid\b/i.test(label)) return "hybrid";
  if (/\b(?:remote|anywhere)\b/i.test(label)) return "remote";
  if (/\bon-?site\b/i.test(label)) return "onsite";
  return undefined;
}

const lettersOnly = (value: string) => value.toLowerCase().replace(/[^a-z]/g, "");

const EMPLOYMENT_TYPE_WORDS = new Map<string, EmploymentType>([
  ["fulltime", "full_time"],
  ["parttime", "part_time"],
  ["contract", "contract"],
  ["contractor", "contract"],
  ["temporary", "temporary"],
  ["temp", "temporary"],
  ["intern", "internship"],
  ["internship", "internship"],
]);

/** Greenhouse "Full-time", Lever "Internship", Ashby "PartTime" and the like; null when unknown or absent. */
export function employmentTypeOf(value: string | null | undefined): EmploymentType | null {
  return value ? (EMPLOYMENT_TYPE_WORDS.get(lettersOnly(value)) ?? null) : null;
}

const WORKPLACE_WORDS = new Map<string, Workplace>([
  ["onsite", "onsite"],
  ["inoffice", "onsite"],
  ["office", "onsite"],
  ["hybrid", "hybrid"],
  ["remote", "remote"],
]);

/** Lever "on-site"/"onsite"/"unspecified", Ashby "OnSite"/"Hybrid"/"Remote" and the like; null when unknown. */
export function workplaceOf(value: string | null | undefined): Workplace | null {
  return value ? (WORKPLACE_WORDS.get(lettersOnly(value)) ?? null) : null;
}

const SALARY_PERIODS = new Map<string, SalaryPeriod>([
  ["year", "year"],
  ["month", "month"],
  ["hour", "hour"],
  ["per-year-salary", "year"],
  ["per-month-salary", "month"],
  ["per-hour-wage", "hour"],
  ["1 year", "year"],
  ["1 month", "month"],
  ["1 hour", "hour"],
]);

/** Lever intervals and Ashby "1 YEAR"-style periods; anything else verbatim, for the posting rules to refuse. */
export function salaryPeriodOf(value: string): string {
  return SALARY_PERIODS.get(value.trim().toLowerCase()) ?? value;
}

export type SalaryParts = {
  min?: number | null;
  max?: number | null;
  currency?: string | null;
  period?: string | null;
};

/** A salary from a provider's range, or null when any of its four parts is missing. */
export function salaryOf({ min, max, currency, period }: SalaryParts): NormalizedSalary | null {
  if (min == null || max == null || !currency || !period) return null;
  return { min, max, currency: currency.trim().toUpperCase(), period: salaryPeriodOf(period) };
}

const ESCAPED_TAG = /&lt;\/?[a-z][a-z0-9]*(?:\s[^<>]*?)?\/?&gt;/i;
const MAX_DECODE_PASSES = 3;

/** Decodes entity-escaped HTML, again while escaped tags remain (double-escaped content), at most three passes. */
export function decodeHtmlEntities(text: string): string {
  let decoded = decodeHTML(text);
  for (let pass = 1; pass < MAX_DECODE_PASSES && ESCAPED_TAG.test(decoded); pass++) decoded = decodeHTML(decoded);
  return decoded;
}

/** `map(value)` when the event says something, undefined when it doesn't. */
export function mapDefined<T, R>(value: T | undefined, map: (value: T) => R): R | undefined {
  return value === undefined ? undefined : map(value);
}

/** An http(s) URL as given, or null for anything else (a provider's link must never become a script URL). */
export function webUrl(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  return /^https?:$/.test(new URL(value).protocol) ? value : null;
}

/** Drops the keys whose value is undefined, so "this event doesn't say" never overwrites a stored value. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Checks a header carrying a hex HMAC-SHA256 of the raw body (`pattern` captures the hex) against every secret, in
 * constant time. A short, non-hex or otherwise malformed value is a mismatch.
 */
export function verifyHexHmac(
  header: string | null,
  pattern: RegExp,
  rawBody: Buffer,
  secrets: readonly string[],
): VerifyResult {
  if (!header) return { ok: false, reason: "missing" };
  const given = pattern.exec(header.trim())?.[1]?.toLowerCase() ?? "";
  const matches = secrets.map((secret) => constantTimeEqual(hmacSha256(secret, rawBody).toString("hex"), given));
  return matches.includes(true) ? { ok: true } : { ok: false, reason: "mismatch" };
}

/** The hex SHA-256 of a body: the delivery id when the provider sends none. */
export function bodyDigest(rawBody: Buffer): string {
  return createHash("sha256").update(rawBody).digest("hex");
}

/** zod issues as the portal reports them: a dotted path ("data.title") and a message. */
export function zodIssues(error: z.ZodError): PayloadIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

const actionEnvelope = z.object({ action: z.string() });

/**
 * Parses an `{action, …}` body: an action outside `actions` is ignored (answered 200, so the provider doesn't retry
 * it forever); a known one must match `schema`.
 */
export function parseAction<T>(
  input: unknown,
  actions: readonly string[],
  schema: z.ZodType<T>,
  eventOf: (body: T) => InboundEvent,
): ParseResult {
  const head = actionEnvelope.safeParse(input);
  if (!head.success) return { ok: false, issues: zodIssues(head.error) };
  const { action } = head.data;
  if (!actions.includes(action)) {
    return { ok: true, event: { kind: "ignored", eventType: action, reason: `unsupported action "${action}"` } };
  }
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, event: eventOf(parsed.data) } : { ok: false, issues: zodIssues(parsed.error) };
}

const SUMMARY_ISSUES = 3;

/** Validates a provider response, or throws an Error naming the provider and the first problems (never the data). */
export function parseProviderResponse<T>(what: string, schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const shown = issues.slice(0, SUMMARY_ISSUES).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > SUMMARY_ISSUES ? ` (and ${issues.length - SUMMARY_ISSUES} more)` : "";
  throw new BoardError(`${what} is malformed: ${shown.join("; ")}${more}`);
}
