"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { rotateInboundSecret } from "@/lib/ats/connections/commands";
import { MANAGERS } from "@/lib/auth/guards";
import { scopeOf } from "./connection-scope";
import { memberAction } from "./safe-action";

const input = z.object({
  connectionId: z.string().uuid(),
  signingSecret: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().trim().min(16, "Use at least 16 characters.").max(500).optional(),
  ),
});

export const rotateSecretAction = memberAction(
  "rotate-secret",
  { roles: MANAGERS },
  input,
  async ({ input, actor, db }) => {
    const result = await rotateInboundSecret(db, scopeOf(actor), input.connectionId, input.signingSecret);
    revalidatePath(`/integrations/${input.connectionId}`);
    return result;
  },
);
