// Text normalisation for job comparison: plain text from HTML, keys, and 64-bit SimHash.
import "server-only";
import { hash } from "node:crypto";
import { decodeHTML } from "entities";

/** Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const withoutBlocks = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, " ");
  const withBreaks = withoutBlocks.replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|tr|section)\b[^>]*>/gi, " ");
  return decodeHTML(withBreaks.replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/** Lower case, no accents, no punctuation, single spaces: "Sr. Backend-Engineer!" → "sr backend engineer". */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Gender markers and common abbreviations that don't make a job title different. */
const TITLE_NOISE = /\((?:[mwfdx]\s*\/\s*){1,3}[mwfdx]\)|\((?:all genders?|gn)\)|\*in\b/gi;
const TITLE_ABBREVIATIONS: Record<string, string> = {
  sr: "senior",
  jr: "junior",
  eng: "engineer",
  mgr: "manager",
  dev: "developer",
};

/** A job title reduced to what identifies the role: "Sr. Backend-Engineer (m/w/d)" → "senior backend engineer". */
export function titleKey(title: string): string {
  return normalizeText(htmlToText(title).replace(TITLE_NOISE, " "))
    .split(" ")
    .map((word) => TITLE_ABBREVIATIONS[word] ?? word)
    .join(" ");
}

export function words(text: string): string[] {
  const normal = normalizeText(text);
  return normal ? normal.split(" ") : [];
}

/** The first 64 bits of the value's MD5, as two unsigned 32-bit halves: [high, low]. */
function hash64(value: string): [number, number] {
  const digest = hash("md5", value, "buffer");
  return [digest.readUInt32BE(0), digest.readUInt32BE(4)];
}

const MASK = (1n << 64n) - 1n;

/**
 * SimHash over word 3-shingles: near-identical texts get hashes a few bits apart, so small
 * edits (a word changed, punctuation, case, markup) keep a small Hamming distance.
 * Returned as a signed 64-bit value so it fits a PostgreSQL bigint.
 */
export function simhash(text: string): bigint {
  const tokens = words(text);
  const shingles =
    tokens.length < 3 ? [tokens.join(" ")] : tokens.slice(2).map((_, i) => tokens.slice(i, i + 3).join(" "));
  const weights = new Int32Array(64);
  for (const shingle of shingles) {
    const [high, low] = hash64(shingle);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit] = (weights[bit] ?? 0) + ((low >>> bit) & 1 ? 1 : -1);
      weights[bit + 32] = (weights[bit + 32] ?? 0) + ((high >>> bit) & 1 ? 1 : -1);
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((weights[bit] as number) > 0) low |= 1 << bit;
    if ((weights[bit + 32] as number) > 0) high |= 1 << bit;
  }
  return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0));
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = (a ^ b) & MASK;
  let count = 0;
  while (x) {
    x &= x - 1n;
    count++;
  }
  return count;
}

export function sha256Hex(value: string): string {
  return hash("sha256", value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text PostgreSQL can store in text and jsonb: no NUL, no lone surrogates, and cut to at most
 * `maxLength` characters without splitting a character in two.
 */
export function cleanText(value: string, maxLength = 100_000): string {
  const wellFormed = value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
  if (wellFormed.length <= maxLength) return wellFormed;
  return wellFormed.slice(0, maxLength).replace(LONE_SURROGATE, "");
}

/** Every string inside a value made storable (for payloads from outside, before they go anywhere). */
export function cleanDeep<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k, 200), cleanDeep(v)])) as T;
  }
  return value;
}

/** An ATS's id for a job, as we store it; null when nothing usable is left. */
export function cleanExternalId(value: string): string | null {
  const id = cleanText(value, 200).trim();
  return id.length > 0 ? id : null;
}
