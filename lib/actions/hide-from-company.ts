"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { hideFromCompany } from "@/lib/candidates/privacy";
import { candidateAction } from "./safe-action";

export const hideFromCompanyAction = candidateAction(
  "hide-from-company",
  z.object({ company: z.string().max(300) }),
  async ({ input, actor, db }) => {
    const names = await hideFromCompany(db, actor.candidateId, input.company);
    revalidatePath("/candidate");
    return { names };
  },
);
