import { getDb } from "@/db/client";
import { handleInboundRequest } from "@/lib/ats/inbound/handle-request";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await params;
  return handleInboundRequest(getDb(), request, connectionId);
}
