import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { type Column, DataTable } from "@/components/ui/data-table";
import { STANDING_TONES } from "@/lib/enforcement/labels";
import type { AdminOrgRow } from "@/lib/enforcement/organisations";

type OrganisationListItem = AdminOrgRow;

const orgLink = (org: OrganisationListItem, anchor: string, value: number) => (
  <Link className="text-indigo-700 underline" href={`/admin/organisations/${org.id}#${anchor}`}>
    {value}
  </Link>
);

const COLUMNS: Column<OrganisationListItem>[] = [
  {
    key: "name",
    header: "Name",
    rowHeader: true,
    cell: (org) => (
      <Link className="text-indigo-700 underline" href={`/admin/organisations/${org.id}`}>
        {org.name}
      </Link>
    ),
  },
  { key: "kind", header: "Kind", cell: (org) => <span className="capitalize">{org.kind}</span> },
  {
    key: "verification",
    header: "Verification",
    cell: (org) => <span className="capitalize">{org.verification}</span>,
  },
  {
    key: "standing",
    header: "Standing",
    wide: true,
    cell: (org) => (
      <>
        <Badge tone={STANDING_TONES[org.standing as keyof typeof STANDING_TONES] ?? "neutral"}>{org.standing}</Badge>
        {org.standingReason ? <span className="block text-xs text-slate-600">{org.standingReason}</span> : null}
      </>
    ),
  },
  { key: "members", header: "Members", numeric: true, cell: (org) => orgLink(org, "members", org.members) },
  {
    key: "connections",
    header: "Integrations",
    numeric: true,
    cell: (org) => orgLink(org, "integrations", org.connections),
  },
  { key: "jobs", header: "Active jobs", numeric: true, cell: (org) => orgLink(org, "jobs", org.activeJobs) },
  { key: "flags", header: "Open flags", numeric: true, cell: (org) => orgLink(org, "flags", org.openFlags) },
];

export function OrganisationTable({ orgs }: { orgs: OrganisationListItem[] }) {
  return (
    <DataTable
      caption="All organisations"
      columns={COLUMNS}
      rows={orgs}
      rowKey={(org) => org.id}
      empty="No organisations have signed up yet."
    />
  );
}
