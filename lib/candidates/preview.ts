// "What employers see" before any Snapshot of the candidate was sent: the generalised fields a
// Snapshot is built from (CONTRACT.md §4's experience bands, the region, never a city or a name).
import type { SnapshotCard } from "@/lib/access/snapshot-card";
import type { OwnProfile } from "./own-profile";

const BANDS: readonly [number, string][] = [
  [1, "0-1"],
  [3, "1-3"],
  [5, "3-5"],
  [8, "5-8"],
  [12, "8-12"],
];

export function experienceBand(years: number): string {
  return BANDS.find(([upTo]) => years < upTo)?.[1] ?? "12+";
}

export function previewCard(profile: OwnProfile): SnapshotCard {
  return {
    roleFamily: profile.roleFamily,
    seniority: profile.seniority,
    experienceBand: experienceBand(profile.yearsExperience),
    region: profile.region,
    workplace: profile.workplaces,
    skills: profile.skills,
    summary: null,
  };
}
