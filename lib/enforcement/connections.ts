// Trust & safety and connections: disable (its webhooks get 403, its deliveries stop) and enable again.
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { atsConnections } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { closeFlag } from "./flags";

export type ConnectionEnforcement = {
  connectionId: string;
  action: "disable" | "enable";
  reason: string;
  flagId?: string;
};

/** Only trust & safety can enable what it disabled; enabling returns the connection to where it was (active or draft). */
export async function enforceConnection(
  db: Database,
  adminUserId: string,
  input: ConnectionEnforcement,
): Promise<{ status: string }> {
  return db.transaction(async (tx) => {
    const [conn] = await tx
      .select({
        orgId: atsConnections.orgId,
        status: atsConnections.status,
        disabledBy: atsConnections.disabledBy,
        activatedAt: atsConnections.activatedAt,
      })
      .from(atsConnections)
      .where(eq(atsConnections.id, input.connectionId))
      .for("update");
    if (!conn) throw new AppError("not_found");
    const now = new Date();
    let status: string;
    if (input.action === "disable") {
      if (conn.disabledBy === "trust_safety") throw new AppError("conflict", "Trust & safety disabled it already.");
      status = "disabled";
      await tx
        .update(atsConnections)
        .set({ status, disabledBy: "trust_safety", disabledReason: input.reason, updatedAt: now })
        .where(eq(atsConnections.id, input.connectionId));
    } else {
      if (conn.disabledBy !== "trust_safety") {
        throw new AppError("conflict", "Only a connection trust & safety disabled can be enabled here.");
      }
      status = conn.activatedAt ? "active" : "draft";
      await tx
        .update(atsConnections)
        .set({ status, disabledBy: null, disabledReason: null, updatedAt: now })
        .where(eq(atsConnections.id, input.connectionId));
    }
    await recordAudit(tx, {
      orgId: conn.orgId,
      actorUserId: adminUserId,
      action: input.action === "disable" ? "enforcement.connection_disabled" : "enforcement.connection_enabled",
      targetType: "connection",
      targetId: input.connectionId,
      detail: { reason: input.reason, from: conn.status, to: status },
    });
    if (input.flagId) await closeFlag(tx, adminUserId, input.flagId, "resolved", input.reason);
    return { status };
  });
}
