// GET /audit/export: the organisation's audit log, as filtered on /audit, as CSV (owners and admins).
import { getDb } from "@/db/client";
import { auditCsv } from "@/lib/audit";
import { parseAuditQuery } from "@/lib/audit/filter";
import { currentActor } from "@/lib/auth/actor";
import { MANAGERS } from "@/lib/auth/guards";

export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (actor?.kind !== "member" || !MANAGERS.includes(actor.role)) {
    return new Response("Not found", { status: 404 });
  }
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const csv = await auditCsv(
    getDb(),
    { orgId: actor.org.id, actorUserId: query.actor, action: query.action, from: query.from, to: query.to },
    "organisation",
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
