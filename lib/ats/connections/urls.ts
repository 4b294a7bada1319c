// Where an ATS sends a connection's events.
import "server-only";
import { env } from "@/lib/env";

export function webhookUrlFor(connectionId: string): string {
  return `${env().publicUrl}/api/ats/${connectionId}/events`;
}
