import "server-only";
// Classifies IP addresses: only globally routable unicast addresses count as public.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// Everything outside 2000::/3 is unallocated or special-purpose (including the deprecated
// IPv4-compatible ::/96 form), so a public IPv6 address must also sit in the global unicast block.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

function parseCanonical(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (isIP(ip) === 0) return null; // only dotted-quad IPv4 and standard IPv6 text, no "0x7f.1"-style forms
  try {
    return ipaddr.process(ip); // IPv4-mapped IPv6 becomes IPv4
  } catch {
    return null;
  }
}

/** True only for a public unicast address; IPv4-mapped IPv6 is judged as IPv4; anything unparseable is false. */
export function isPublicAddress(ip: string): boolean {
  const address = parseCanonical(ip);
  if (address?.range() !== "unicast") return false;
  return address.kind() === "ipv4" || address.match(GLOBAL_UNICAST_V6);
}
