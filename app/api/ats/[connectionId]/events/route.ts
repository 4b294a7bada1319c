import { handleInboundRequest } from "@/lib/ats/inbound/handle-request";
import { serverDeliveryQueue } from "@/lib/ats/inbound/server-queue";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await params;
  return handleInboundRequest(serverDeliveryQueue(), request, connectionId);
}
