"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setDiscoverable } from "@/lib/candidates/privacy";
import { candidateAction } from "./safe-action";

export const setDiscoverableAction = candidateAction(
  "set-discoverable",
  z.object({ discoverable: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async ({ input, actor, db }) => {
    await setDiscoverable(db, actor.candidateId, input.discoverable);
    revalidatePath("/candidate");
    return { discoverable: input.discoverable };
  },
);
