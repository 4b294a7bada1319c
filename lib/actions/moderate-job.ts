"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { JOB_ACTIONS, moderateJob } from "@/lib/jobs/moderation";
import { reasonField } from "./reason-field";
import { adminAction } from "./safe-action";

const input = z.object({ jobId: z.string().uuid(), action: z.enum(JOB_ACTIONS), reason: reasonField });

export const moderateJobAction = adminAction("moderate-job", input, async ({ input, actor, db }) => {
  const result = await moderateJob(db, actor.userId, { jobId: input.jobId, action: input.action, note: input.reason });
  revalidatePath("/admin", "layout");
  return result;
});
