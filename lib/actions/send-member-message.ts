"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { now } from "@/lib/access";
import { sendMessage } from "@/lib/messages";
import { memberAction } from "./safe-action";

const input = z.object({ requestId: z.string().uuid(), body: z.string().max(8000) });

export const sendMemberMessageAction = memberAction("send-member-message", {}, input, async ({ input, actor, db }) => {
  const sent = await sendMessage(
    db,
    { kind: "organisation", orgId: actor.org.id, userId: actor.userId },
    input.requestId,
    input.body,
    now(),
  );
  revalidatePath(`/access-requests/${input.requestId}`);
  return sent;
});
