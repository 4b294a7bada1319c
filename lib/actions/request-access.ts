"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { now, requestAccess } from "@/lib/access";
import { memberAction } from "./safe-action";

const input = z.object({
  snapshotId: z.string().uuid(),
  idempotencyKey: z.string().uuid(),
  message: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(1000, "Keep the message under 1,000 characters.").optional(),
  ),
});

export const requestAccessAction = memberAction("request-access", {}, input, async ({ input, actor, db }) => {
  const sent = await requestAccess(
    db,
    { orgId: actor.org.id, userId: actor.userId },
    { snapshotId: input.snapshotId, message: input.message ?? null, idempotencyKey: input.idempotencyKey },
    now(),
  );
  revalidatePath("/access-requests");
  return sent;
});
