// callbackUrl may only lead somewhere inside the portal.
const FALLBACK = "/";

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return FALLBACK;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return FALLBACK;
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch === "\\")) return FALLBACK;
  try {
    const url = new URL(value, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid") return FALLBACK;
    if (url.pathname.startsWith("/api/") || url.pathname === "/sign-in") return FALLBACK;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return FALLBACK;
  }
}
