"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { unhideCompany } from "@/lib/candidates/privacy";
import { candidateAction } from "./safe-action";

export const unhideCompanyAction = candidateAction(
  "unhide-company",
  z.object({ orgId: z.string().uuid() }),
  async ({ input, actor, db }) => {
    await unhideCompany(db, actor.candidateId, input.orgId);
    revalidatePath("/candidate");
    return null;
  },
);
