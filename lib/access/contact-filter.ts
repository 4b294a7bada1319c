// Finds contact details (links, e-mail addresses, phone numbers) in text people write to each other,
// so requests and messages keep the conversation inside the portal.
import { findPhoneNumbersInText } from "libphonenumber-js/max";
import { LinkifyIt } from "linkify-it";

export type ContactKind = "link" | "email" | "phone";

// Every real TLD linkify knows, plus the reserved ones people use in examples and tests.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true }).tlds(
  ["example", "test", "invalid", "localhost"],
  true,
);
/** Technology names that look like domains ("ASP.NET"): not links. */
const NOT_LINKS = new Set(["asp.net", "vb.net", "ado.net"]);
/** Numbers written without a country code are read as numbers of these countries. */
const NATIONAL_FORMATS = ["US", "GB", "DE", "FR", "NL", "ES", "IT", "PL", "IN", "BR"] as const;
/** "name at domain dot com", "name [at] domain", "name(at)domain". */
const SPELLED_EMAIL =
  /\b[\w.+-]+\s*(?:\(|\[|\{)?\s*(?:at|@)\s*(?:\)|\]|\})?\s*[\w-]+\s*(?:\(|\[|\{)?\s*(?:dot|\.)\s*(?:\)|\]|\})?\s*[a-z]{2,}\b/i;
const SPELLED_MARKER = /(?:\(|\[|\{)\s*(?:at|dot)\s*(?:\)|\]|\})|\s(?:at|dot)\s/i;

/** "+44 7700 900461": an international number, whatever the library makes of its range. */
const INTERNATIONAL = /\+\d[\d\s().-]{6,}\d/g;

function hasPhone(text: string): boolean {
  const international = text.match(INTERNATIONAL) ?? [];
  if (international.some((m) => m.replace(/\D/g, "").length >= 8)) return true;
  return NATIONAL_FORMATS.some((country) =>
    findPhoneNumbersInText(text, { defaultCountry: country }).some((found) => found.number.isValid()),
  );
}

/** The kinds of contact detail found in `text`, each at most once, in a fixed order. */
export function findContactDetails(text: string): ContactKind[] {
  const found = new Set<ContactKind>();
  for (const match of linkify.match(text) ?? []) {
    if (match.schema === "mailto:") found.add("email");
    else if (!NOT_LINKS.has(match.raw.toLowerCase())) found.add("link");
  }
  const spelled = text.match(SPELLED_EMAIL)?.[0];
  if (spelled && SPELLED_MARKER.test(spelled)) found.add("email");
  if (hasPhone(text)) found.add("phone");
  return (["link", "email", "phone"] as const).filter((k) => found.has(k));
}

const NAMES: Record<ContactKind, string> = { link: "links", email: "e-mail addresses", phone: "phone numbers" };

/** A plain sentence naming what was found, or null when the text is fine. */
export function contactDetailsProblem(text: string): string | null {
  const kinds = findContactDetails(text);
  if (kinds.length === 0) return null;
  const list = kinds.map((k) => NAMES[k]);
  const named = list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
  return `Please remove the ${named}. Conversations stay inside Wigiwork, where the candidate decides what to share.`;
}
