"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { reviewFlag } from "@/lib/enforcement/flags";
import { reasonField } from "./reason-field";
import { adminAction } from "./safe-action";

const input = z.object({ flagId: z.string().uuid(), action: z.enum(["resolved", "dismissed"]), reason: reasonField });

export const reviewFlagAction = adminAction("review-flag", input, async ({ input, actor, db }) => {
  await db.transaction((tx) => reviewFlag(tx, actor.userId, input.flagId, input.action, input.reason));
  revalidatePath("/admin", "layout");
  return null;
});
