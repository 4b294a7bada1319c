/** A job description that lib/jobs/html.ts sanitised with an allowlist before it was stored. */
export function JobDescription({ sanitizedHtml }: { sanitizedHtml: string }) {
  return (
    <div
      className="max-w-none text-sm [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_li]:list-disc [&_p]:mb-2"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: allowlist-sanitised ATS HTML, never candidate data
      dangerouslySetInnerHTML={{ __html: sanitizedHtml }}
    />
  );
}
