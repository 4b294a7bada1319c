// GET /admin/audit/export: every chain (or the one filtered), as CSV, for trust & safety.
import { getDb } from "@/db/client";
import { auditCsv } from "@/lib/audit";
import { parseAuditQuery } from "@/lib/audit/filter";
import { currentActor } from "@/lib/auth/actor";

export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (actor?.kind !== "admin") return new Response("Not found", { status: 404 });
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const orgId = query.org === "platform" ? null : query.org;
  const csv = await auditCsv(
    getDb(),
    { orgId, actorUserId: query.actor, action: query.action, from: query.from, to: query.to },
    "trust_safety",
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-all-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
