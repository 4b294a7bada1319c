"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { SALARY_PERIODS } from "@/db/schema/enums";
import { adjustJob } from "@/lib/jobs/moderation";
import { reasonField } from "./reason-field";
import { adminAction } from "./safe-action";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const amount = z.preprocess(blank, z.coerce.number().positive("Enter a positive amount.").max(1e9).optional());

const input = z
  .object({
    jobId: z.string().uuid(),
    salaryMin: amount,
    salaryMax: amount,
    currency: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{3}$/, "Use a three-letter code.")
        .optional(),
    ),
    period: z.preprocess(blank, z.enum(SALARY_PERIODS).optional()),
    brandName: z.preprocess(blank, z.string().trim().min(1).max(200).optional()),
    reason: reasonField,
  })
  .superRefine((v, ctx) => {
    const salary = [v.salaryMin, v.salaryMax, v.currency, v.period];
    if (salary.some((x) => x !== undefined) && salary.some((x) => x === undefined)) {
      ctx.addIssue({ code: "custom", path: ["salaryMin"], message: "Give the minimum, maximum, currency and period." });
    }
    if (v.salaryMin !== undefined && v.salaryMax !== undefined && v.salaryMin > v.salaryMax) {
      ctx.addIssue({ code: "custom", path: ["salaryMax"], message: "The maximum must be at least the minimum." });
    }
    if (salary.every((x) => x === undefined) && v.brandName === undefined) {
      ctx.addIssue({ code: "custom", path: ["brandName"], message: "Change the salary or the brand." });
    }
  });

export const adjustJobAction = adminAction("adjust-job", input, async ({ input, actor, db }) => {
  const salary =
    input.salaryMin !== undefined && input.salaryMax !== undefined && input.currency && input.period
      ? { min: input.salaryMin, max: input.salaryMax, currency: input.currency, period: input.period }
      : undefined;
  const result = await adjustJob(db, actor.userId, {
    jobId: input.jobId,
    note: input.reason,
    salary,
    brandName: input.brandName,
  });
  revalidatePath("/admin", "layout");
  return result;
});
