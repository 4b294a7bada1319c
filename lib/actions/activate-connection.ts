"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { activateConnection } from "@/lib/ats/connections/commands";
import { MANAGERS } from "@/lib/auth/guards";
import { scopeOf } from "./connection-scope";
import { memberAction } from "./safe-action";

const input = z.object({ connectionId: z.string().uuid() });

export const activateConnectionAction = memberAction(
  "activate-connection",
  { roles: MANAGERS },
  input,
  async ({ input, actor, db }) => {
    await activateConnection(db, scopeOf(actor), input.connectionId);
    revalidatePath(`/integrations/${input.connectionId}`);
    return { connectionId: input.connectionId };
  },
);
