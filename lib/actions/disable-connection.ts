"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { disableConnection } from "@/lib/ats/connections/commands";
import { MANAGERS } from "@/lib/auth/guards";
import { scopeOf } from "./connection-scope";
import { memberAction } from "./safe-action";

const input = z.object({
  connectionId: z.string().uuid(),
  reason: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(500).optional()),
});

export const disableConnectionAction = memberAction(
  "disable-connection",
  { roles: MANAGERS },
  input,
  async ({ input, actor, db }) => {
    await disableConnection(db, scopeOf(actor), input.connectionId, input.reason ?? null);
    revalidatePath(`/integrations/${input.connectionId}`);
    return null;
  },
);
