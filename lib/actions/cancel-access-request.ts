"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelRequest, now } from "@/lib/access";
import { memberAction } from "./safe-action";

const input = z.object({ requestId: z.string().uuid() });

export const cancelAccessRequestAction = memberAction(
  "cancel-access-request",
  {},
  input,
  async ({ input, actor, db }) => {
    await cancelRequest(db, { orgId: actor.org.id, userId: actor.userId }, input.requestId, now());
    revalidatePath(`/access-requests/${input.requestId}`);
    return null;
  },
);
