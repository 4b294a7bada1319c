// What an anonymous Snapshot says, read tolerantly from its stored fields (lib/snapshots writes them),
// for the pages that list requests beside the Snapshot they were sent from.
import { z } from "zod";

const fields = z
  .object({
    roleFamily: z.string().optional(),
    seniority: z.string().optional(),
    experienceBand: z.string().optional(),
    region: z.string().optional(),
    workplace: z.union([z.string(), z.array(z.string())]).optional(),
    skills: z.array(z.string()).optional(),
    summary: z.string().optional(),
  })
  .loose();

export type SnapshotCard = {
  roleFamily: string | null;
  seniority: string | null;
  experienceBand: string | null;
  region: string | null;
  workplace: string[];
  skills: string[];
  summary: string | null;
};

export function snapshotCard(stored: unknown): SnapshotCard {
  const parsed = fields.safeParse(stored);
  const f = parsed.success ? parsed.data : {};
  return {
    roleFamily: f.roleFamily ?? null,
    seniority: f.seniority ?? null,
    experienceBand: f.experienceBand ?? null,
    region: f.region ?? null,
    workplace: f.workplace === undefined ? [] : Array.isArray(f.workplace) ? f.workplace : [f.workplace],
    skills: f.skills ?? [],
    summary: f.summary ?? null,
  };
}

/** "Candidate 3f9a12c0": the organisation's pseudonym for the candidate, short enough to read. */
export const candidateLabel = (candidateRef: string) => `Candidate ${candidateRef.replace(/^[a-z]+_/, "").slice(0, 8)}`;
