// Writing outbound events into the outbox, in the caller's transaction.
import "server-only";
import type { Database } from "@/db/client";
import { outboundEvents } from "@/db/schema";
import { type OutboundData, type OutboundType, serializeOutbound } from "./events";

export async function enqueueOutbound<T extends OutboundType>(
  tx: Database,
  event: { orgId: string; connectionId: string; type: T; data: OutboundData<T> },
): Promise<string> {
  const payload = serializeOutbound(event.type, event.data);
  const [row] = await tx
    .insert(outboundEvents)
    .values({ orgId: event.orgId, connectionId: event.connectionId, type: event.type, payload })
    .returning({ id: outboundEvents.id });
  return row?.id as string;
}
