// Rule job.inactive: a job is published only while it is open in the ATS.
import type { Rule } from "../types";

export const jobIsActive: Rule = (job) =>
  job.atsStatus === "open"
    ? []
    : [
        {
          code: "job.inactive",
          outcome: "reject",
          message: "The job isn't open in your ATS, so it can't be published.",
        },
      ];
