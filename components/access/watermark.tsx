/**
 * Tiles the viewer's e-mail and the time over the profile, so a screenshot names who took it. It is
 * a background image rather than text: screen readers and copy-paste skip it, screenshots don't.
 */
export function Watermark({ text }: { text: string }) {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="160"><text x="10" y="110" transform="rotate(-14 210 80)" font-family="sans-serif" font-size="13" fill="rgba(15,23,42,0.13)">${escaped}</text></svg>`;
  return (
    <div
      aria-hidden="true"
      data-testid="watermark"
      className="pointer-events-none absolute inset-0 z-10"
      style={{ backgroundImage: `url("data:image/svg+xml,${encodeURIComponent(svg)}")` }}
    />
  );
}
