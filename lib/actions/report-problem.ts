"use server";

import { z } from "zod";
import { currentActor } from "@/lib/auth/actor";
import { REPORT_SUBJECTS, type Reporter, reportProblem } from "@/lib/enforcement/reports";
import { AppError } from "@/lib/errors";
import { defineAction } from "./safe-action";

const input = z.object({
  subjectType: z.enum(REPORT_SUBJECTS, { message: "Say what the report is about." }),
  subjectId: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid().optional()),
  reason: z
    .string()
    .trim()
    .min(10, "Tell us what happened in a sentence or two.")
    .max(2000, "Keep it under 2,000 characters."),
});

/** Members and candidates may report; trust & safety's own staff use the console instead. */
async function reporter(): Promise<Reporter> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated");
  if (actor.kind === "member") return { kind: "member", userId: actor.userId, orgId: actor.org.id };
  if (actor.kind === "candidate") return { kind: "candidate", userId: actor.userId, candidateId: actor.candidateId };
  throw new AppError("not_found");
}

export const reportProblemAction = defineAction("report-problem", reporter, input, async ({ input, actor, db }) =>
  reportProblem(db, actor, input),
);
