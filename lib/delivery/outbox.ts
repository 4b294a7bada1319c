// Writing outbound events into the outbox, in the caller's transaction.
import "server-only";
import { insertRows } from "@/db/bulk";
import type { Database } from "@/db/client";
import { outboundEvents } from "@/db/schema";
import { type OutboundData, type OutboundType, serializeOutbound } from "./events";

export type OutboxEvent<T extends OutboundType = OutboundType> = {
  orgId: string;
  connectionId: string;
  type: T;
  data: OutboundData<T>;
};

/** Validates the events against their allowlists and stores them, in one statement. */
export function enqueueOutbound(tx: Database, events: readonly OutboxEvent[]): Promise<unknown> {
  if (events.length === 0) return Promise.resolve();
  const rows = events.map((event) => ({
    orgId: event.orgId,
    connectionId: event.connectionId,
    type: event.type,
    payload: serializeOutbound(event.type, event.data),
  }));
  return insertRows(tx, outboundEvents, rows);
}
