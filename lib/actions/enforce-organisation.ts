"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { enforceOrganisation, ORG_ACTIONS } from "@/lib/enforcement/organisations";
import { reasonField } from "./reason-field";
import { adminAction } from "./safe-action";

const input = z.object({
  orgId: z.string().uuid(),
  action: z.enum(ORG_ACTIONS),
  reason: reasonField,
  flagId: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid().optional()),
});

export const enforceOrganisationAction = adminAction("enforce-organisation", input, async ({ input, actor, db }) => {
  const result = await enforceOrganisation(db, actor.userId, input);
  revalidatePath("/admin", "layout");
  return result;
});
