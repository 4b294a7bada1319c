"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { now } from "@/lib/access";
import { sendMessage } from "@/lib/messages";
import { candidateAction } from "./safe-action";

const input = z.object({ requestId: z.string().uuid(), body: z.string().max(8000) });

export const sendCandidateMessageAction = candidateAction(
  "send-candidate-message",
  input,
  async ({ input, actor, db }) => {
    const sent = await sendMessage(
      db,
      { kind: "candidate", candidateId: actor.candidateId, userId: actor.userId },
      input.requestId,
      input.body,
      now(),
    );
    revalidatePath(`/candidate/conversations/${input.requestId}`);
    return sent;
  },
);
