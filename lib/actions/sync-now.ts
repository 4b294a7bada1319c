"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { requestSync, runSync } from "@/lib/ats/sync";
import { recordAudit } from "@/lib/audit";
import { MANAGERS } from "@/lib/auth/guards";
import { memberAction } from "./safe-action";

const input = z.object({ connectionId: z.string().uuid() });

/** Starts a sync and answers at once; the run continues after the response and the page shows its progress. */
export const syncNowAction = memberAction("sync-now", { roles: MANAGERS }, input, async ({ input, actor, db }) => {
  const started = await requestSync(db, actor.org.id, input.connectionId);
  if (!started.alreadyRunning) {
    await recordAudit(db, {
      orgId: actor.org.id,
      actorUserId: actor.userId,
      action: "connection.sync_requested",
      targetType: "connection",
      targetId: input.connectionId,
    });
    after(() => runSync(db, started.runId, input.connectionId));
  }
  revalidatePath(`/integrations/${input.connectionId}`);
  return started;
});
