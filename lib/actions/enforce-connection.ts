"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { enforceConnection } from "@/lib/enforcement/connections";
import { reasonField } from "./reason-field";
import { adminAction } from "./safe-action";

const input = z.object({
  connectionId: z.string().uuid(),
  action: z.enum(["disable", "enable"]),
  reason: reasonField,
  flagId: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid().optional()),
});

export const enforceConnectionAction = adminAction("enforce-connection", input, async ({ input, actor, db }) => {
  const result = await enforceConnection(db, actor.userId, input);
  revalidatePath("/admin", "layout");
  return result;
});
