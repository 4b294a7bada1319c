"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideRequest, now } from "@/lib/access";
import { candidateAction } from "./safe-action";

const input = z.object({
  requestId: z.string().uuid(),
  decision: z.enum(["approved", "declined", "revoked"]),
});

export const decideAccessRequestAction = candidateAction(
  "decide-access-request",
  input,
  async ({ input, actor, db }) => {
    await decideRequest(
      db,
      { candidateId: actor.candidateId, userId: actor.userId },
      input.requestId,
      input.decision,
      now(),
    );
    revalidatePath("/candidate");
    return { decision: input.decision };
  },
);
