"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sendTestEvent } from "@/lib/ats/connections/commands";
import { MANAGERS } from "@/lib/auth/guards";
import { scopeOf } from "./connection-scope";
import { memberAction } from "./safe-action";

const input = z.object({ connectionId: z.string().uuid() });

export const sendTestEventAction = memberAction(
  "send-test-event",
  { roles: MANAGERS },
  input,
  async ({ input, actor, db }) => {
    const attempt = await sendTestEvent(db, scopeOf(actor), input.connectionId);
    revalidatePath(`/integrations/${input.connectionId}`);
    return attempt;
  },
);
