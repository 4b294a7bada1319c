// Rule org.verification_required: jobs of an unverified organisation wait for review.
import type { Rule } from "../types";

export const organisationVerified: Rule = (_job, ctx) =>
  ctx.org.verification === "verified"
    ? []
    : [
        {
          code: "org.verification_required",
          outcome: "review",
          message: "Your organisation isn't verified yet, so jobs wait for review by Wigiwork.",
        },
      ];
