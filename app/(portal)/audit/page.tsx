import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Pagination } from "@/components/audit/pagination";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { auditFilterOptions, listAudit } from "@/lib/audit";
import { auditQueryString, parseAuditQuery } from "@/lib/audit/filter";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireMemberPage({ roles: MANAGERS, allowSuspended: true });
  const query = parseAuditQuery(await searchParams);
  const db = getDb();
  const filter = {
    orgId: actor.org.id,
    actorUserId: query.actor,
    action: query.action,
    from: query.from,
    to: query.to,
  };
  const [page, options] = await Promise.all([
    listAudit(db, filter, { page: query.page, viewer: "organisation" }),
    auditFilterOptions(db, actor.org.id, "organisation"),
  ]);
  const keep = { actor: query.actor, action: query.action, from: query.from, to: query.to };
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sensitive action in your organisation, append-only and hash-chained. Trust & safety's actions appear here with their reasons."
      />
      <Card>
        <AuditFilters
          actors={options.actors.map((a) => ({ value: a.id, label: a.name }))}
          actions={options.actions.map((a) => ({ value: a.code, label: a.label }))}
          values={keep}
          exportHref={`/audit/export${auditQueryString(keep)}`}
          clearHref="/audit"
        />
        <AuditTable rows={page.rows} showOrganisation={false} />
        <Pagination
          page={page.page}
          pageCount={page.pageCount}
          total={page.total}
          hrefFor={(n) => `/audit${auditQueryString({ ...keep, page: n })}`}
        />
      </Card>
    </>
  );
}
