"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setEndpoint } from "@/lib/ats/connections/commands";
import { MANAGERS } from "@/lib/auth/guards";
import { scopeOf } from "./connection-scope";
import { memberAction } from "./safe-action";

const input = z.object({
  connectionId: z.string().uuid(),
  endpointUrl: z.url({ protocol: /^https?$/, message: "Enter a full http(s) address." }).max(2000),
});

export const setEndpointAction = memberAction(
  "set-endpoint",
  { roles: MANAGERS },
  input,
  async ({ input, actor, db }) => {
    const result = await setEndpoint(db, scopeOf(actor), input.connectionId, input.endpointUrl);
    revalidatePath(`/integrations/${input.connectionId}`);
    return result;
  },
);
