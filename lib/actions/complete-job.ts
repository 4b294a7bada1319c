"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { SALARY_PERIODS } from "@/db/schema/enums";
import { completeJobInfo } from "@/lib/jobs/complete";
import { memberAction } from "./safe-action";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

const input = z
  .object({
    jobId: z.string().uuid(),
    salaryMin: z.preprocess(blank, z.coerce.number().positive("Enter a positive amount.").max(1e9).optional()),
    salaryMax: z.preprocess(blank, z.coerce.number().positive("Enter a positive amount.").max(1e9).optional()),
    salaryCurrency: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v),
      z
        .string()
        .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as EUR.")
        .optional(),
    ),
    salaryPeriod: z.preprocess(blank, z.enum(SALARY_PERIODS).optional()),
    clientName: z.preprocess(blank, z.string().trim().max(200).optional()),
  })
  .superRefine((v, ctx) => {
    const salaryFields = [v.salaryMin, v.salaryMax, v.salaryCurrency, v.salaryPeriod];
    const given = salaryFields.filter((f) => f !== undefined).length;
    if (given > 0 && given < 4) {
      for (const key of ["salaryMin", "salaryMax", "salaryCurrency", "salaryPeriod"] as const) {
        if (v[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: "Fill in every salary field." });
      }
    }
    if (given === 0 && v.clientName === undefined)
      ctx.addIssue({ code: "custom", path: ["salaryMin"], message: "Nothing to complete." });
  });

export const completeJobAction = memberAction("complete-job", {}, input, async ({ input, actor, db }) => {
  const salary =
    input.salaryMin !== undefined && input.salaryMax !== undefined && input.salaryCurrency && input.salaryPeriod
      ? { min: input.salaryMin, max: input.salaryMax, currency: input.salaryCurrency, period: input.salaryPeriod }
      : undefined;
  const outcome = await completeJobInfo(db, { orgId: actor.org.id, userId: actor.userId }, input.jobId, {
    salary,
    clientName: input.clientName,
  });
  revalidatePath(`/jobs/${input.jobId}`);
  return outcome;
});
