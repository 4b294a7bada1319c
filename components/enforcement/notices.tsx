/** What trust & safety did to the organisation (or one of its jobs) and why, for its members. */
export type EnforcementNotice = { id: number; label: string; reason: string | null; createdAt: Date };

const when = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;

export function EnforcementNotices({ notices, title }: { notices: EnforcementNotice[]; title: string }) {
  if (notices.length === 0) return null;
  return (
    <section
      aria-label={title}
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 className="font-semibold">{title}</h2>
      <ul className="mt-2 space-y-1">
        {notices.map((n) => (
          <li key={n.id}>
            <span className="font-medium">{n.label}</span>
            {n.reason ? `: ${n.reason}` : ""} <span className="text-xs text-amber-800">({when(n.createdAt)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
