import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Pagination } from "@/components/audit/pagination";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { auditFilterOptions, listAudit } from "@/lib/audit";
import { auditQueryString, parseAuditQuery } from "@/lib/audit/filter";
import { requireAdminPage } from "@/lib/auth/guards";
import { listOrganisationsForAdmin } from "@/lib/enforcement/organisations";

export const metadata: Metadata = { title: "Audit log · Trust & safety" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const chainFilter = (org: string | undefined) => (org === "platform" ? null : org);

export default async function AdminAuditPage({ searchParams }: Props) {
  await requireAdminPage();
  const query = parseAuditQuery(await searchParams);
  const db = getDb();
  const orgId = chainFilter(query.org);
  const filter = { orgId, actorUserId: query.actor, action: query.action, from: query.from, to: query.to };
  const [page, options, orgs] = await Promise.all([
    listAudit(db, filter, { page: query.page, viewer: "trust_safety" }),
    auditFilterOptions(db, orgId ?? undefined, "trust_safety"),
    listOrganisationsForAdmin(db),
  ]);
  const keep = { org: query.org, actor: query.actor, action: query.action, from: query.from, to: query.to };
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every chain: each organisation's and the platform's. npm run audit:verify checks them all against the signed checkpoints."
      />
      <Card>
        <AuditFilters
          organisations={[
            { value: "platform", label: "Platform" },
            ...orgs.map((o) => ({ value: o.id, label: o.name })),
          ]}
          actors={options.actors.map((a) => ({ value: a.id, label: a.name }))}
          actions={options.actions.map((a) => ({ value: a.code, label: a.label }))}
          values={keep}
          exportHref={`/admin/audit/export${auditQueryString(keep)}`}
          clearHref="/admin/audit"
        />
        <AuditTable rows={page.rows} showOrganisation />
        <Pagination
          page={page.page}
          pageCount={page.pageCount}
          total={page.total}
          hrefFor={(n) => `/admin/audit${auditQueryString({ ...keep, page: n })}`}
        />
      </Card>
    </>
  );
}
