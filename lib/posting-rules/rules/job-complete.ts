// Rule job.incomplete: a title, a real description, and a location (or remote).
import { POSTING_RULES } from "../config";
import type { Rule } from "../types";

export const jobIsComplete: Rule = (job) => {
  const missing: string[] = [];
  if (job.title.trim().length < POSTING_RULES.title.minLength) missing.push("a title");
  const { minCharacters, minWords } = POSTING_RULES.description;
  const wordCount = job.descriptionText.split(/\s+/).filter(Boolean).length;
  if (job.descriptionText.length < minCharacters || wordCount < minWords) {
    missing.push(`a description of at least ${minWords} words`);
  }
  const located = job.location && (job.location.city || job.location.country || job.location.label);
  if (!located && job.workplace !== "remote") missing.push("a location (or marking the job remote)");
  if (missing.length === 0) return [];
  return [{ code: "job.incomplete", outcome: "needs_info", message: `The job needs ${missing.join(", ")}.` }];
};
