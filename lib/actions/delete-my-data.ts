"use server";

import { z } from "zod";
import { now } from "@/lib/access";
import { signOut } from "@/lib/auth/config";
import { eraseCandidate } from "@/lib/candidates/erase";
import { candidateAction } from "./safe-action";

const input = z.object({
  confirm: z
    .string()
    .trim()
    .refine((v) => v.toUpperCase() === "DELETE", "Type DELETE to confirm."),
});

export const deleteMyDataAction = candidateAction("delete-my-data", input, async ({ actor, db }) => {
  const erased = await eraseCandidate(db, { candidateId: actor.candidateId, userId: actor.userId }, now());
  await signOut({ redirectTo: "/sign-in?deleted=1" });
  return erased;
});
