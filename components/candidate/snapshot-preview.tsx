import { Badge } from "@/components/ui/badge";
import type { SnapshotCard } from "@/lib/access/snapshot-card";
import { REGIONS, ROLE_FAMILIES } from "@/lib/taxonomy";

/** An anonymous Snapshot as an employer sees it. */
export function SnapshotPreview({ card }: { card: SnapshotCard }) {
  const family = card.roleFamily
    ? (ROLE_FAMILIES[card.roleFamily as keyof typeof ROLE_FAMILIES]?.label ?? card.roleFamily)
    : null;
  const region = card.region ? (REGIONS[card.region as keyof typeof REGIONS] ?? card.region) : null;
  return (
    <div className="rounded-md border border-slate-200 p-4 text-sm">
      <p className="font-medium capitalize">{[card.seniority, family].filter(Boolean).join(" · ") || "Candidate"}</p>
      <p className="text-slate-700">
        {[card.experienceBand && `${card.experienceBand} years of experience`, region, card.workplace.join(" / ")]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {card.skills.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label="Skills shown">
          {card.skills.map((s) => (
            <li key={s}>
              <Badge>{s}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {card.summary ? <p className="mt-2 text-slate-700">{card.summary}</p> : null}
      <p className="mt-2 text-xs text-slate-600">No name, contact details, employers, schools or exact dates.</p>
    </div>
  );
}
