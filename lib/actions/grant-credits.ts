"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { grantCredits } from "@/lib/access";
import { adminAction } from "./safe-action";

const input = z.object({
  orgId: z.string().uuid(),
  amount: z.coerce.number().int("Grant whole credits.").min(1, "Grant at least 1 credit.").max(1_000_000),
  note: z.string().trim().min(3, "Say why, for the organisation's ledger.").max(200),
  idempotencyKey: z.string().uuid(),
});

export const grantCreditsAction = adminAction("grant-credits", input, async ({ input, actor, db }) => {
  const granted = await grantCredits(db, {
    orgId: input.orgId,
    amount: input.amount,
    note: input.note,
    idempotencyKey: input.idempotencyKey,
    actorUserId: actor.userId,
  });
  revalidatePath("/admin");
  return granted;
});
