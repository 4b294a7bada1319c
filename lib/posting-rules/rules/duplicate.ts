// Rule job.duplicate: not the same job as another active one of the organisation, even after small edits.

import type { NormalizedSalary } from "@/lib/ats/normalized-job";
import { hammingDistance } from "@/lib/jobs/text";
import { POSTING_RULES } from "../config";
import type { Rule } from "../types";

function sameBand(a: NormalizedSalary | null, b: NormalizedSalary | null): boolean {
  if (!a || !b) return !a && !b;
  if (a.currency !== b.currency || a.period !== b.period) return false;
  const midA = (a.min + a.max) / 2;
  const midB = (b.min + b.max) / 2;
  return Math.abs(midA - midB) <= POSTING_RULES.duplicate.sameBandTolerance * Math.max(midA, midB);
}

/**
 * The twins already share the normalised title (case, whitespace, markup and punctuation don't
 * count). A twin is a duplicate when it is at the same place, in the same pay band, and its
 * description is the same text give or take small edits (SimHash distance).
 */
export const notDuplicate: Rule = (job, ctx) => {
  const twin = ctx.activeTwins.find(
    (t) =>
      t.locationKey === job.locationKey &&
      sameBand(t.salary, job.salary) &&
      t.descriptionHash !== null &&
      hammingDistance(t.descriptionHash, job.descriptionHash) <= POSTING_RULES.duplicate.maxDescriptionDistance,
  );
  if (!twin) return [];
  return [
    {
      code: "job.duplicate",
      outcome: "reject",
      message: "This repeats a job you already have active (same title, place, pay and description).",
    },
  ];
};
