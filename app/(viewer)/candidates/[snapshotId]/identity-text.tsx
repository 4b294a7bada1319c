// Renders one identity value inside the profile viewer. Identity strings are tainted (lib/identity),
// and React refuses a tainted string anywhere in the page's payload, so the viewer sends each value
// only inside escaped markup of its own: a component that hands the bare value to a client
// component still fails the render.
import { escapeUTF8 } from "entities";

export function IdentityText({
  value,
  as = "span",
  className,
}: {
  value: string;
  as?: "span" | "h2";
  className?: string;
}) {
  const Tag = as;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the value is HTML-escaped and wrapped here.
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: `<bdi>${escapeUTF8(value)}</bdi>` }} />;
}
