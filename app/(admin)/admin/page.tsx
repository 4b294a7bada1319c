import type { Metadata } from "next";
import Link from "next/link";
import { FlagTable } from "@/components/admin/flag-table";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/guards";
import { listFlags } from "@/lib/enforcement/flags";
import { STANDING_TONES } from "@/lib/enforcement/labels";
import { listOrganisationsForAdmin } from "@/lib/enforcement/organisations";

export const metadata: Metadata = { title: "Trust & safety" };

// The console's sections, in order: flags to review, then (accounts) verification requests and
// brand/client review, then organisations with their standing.
export default async function AdminPage() {
  await requireAdminPage();
  const db = getDb();
  const [openFlags, orgs] = await Promise.all([listFlags(db, { status: "open" }), listOrganisationsForAdmin(db)]);
  return (
    <>
      <PageHeader
        title="Trust & safety"
        description="Flags raised by abuse signals and reported by users; organisations, their integrations and jobs. Every action needs a reason, is shown to the organisation and is audited."
      />
      <div className="space-y-6">
        <Card title={`Flags to review (${openFlags.length})`}>
          {openFlags.length === 0 ? (
            <EmptyState>Nothing to review: no open flags.</EmptyState>
          ) : (
            <FlagTable flags={openFlags} caption="Open flags, most recent activity first" />
          )}
        </Card>
        <Card title="Organisations">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">All organisations</caption>
              <thead>
                <tr className="border-b text-slate-600">
                  <th scope="col" className="py-2 pr-3">
                    Name
                  </th>
                  <th scope="col" className="pr-3">
                    Kind
                  </th>
                  <th scope="col" className="pr-3">
                    Verification
                  </th>
                  <th scope="col" className="pr-3">
                    Standing
                  </th>
                  <th scope="col" className="pr-3 text-right">
                    Members
                  </th>
                  <th scope="col" className="pr-3 text-right">
                    Integrations
                  </th>
                  <th scope="col" className="pr-3 text-right">
                    Active jobs
                  </th>
                  <th scope="col" className="text-right">
                    Open flags
                  </th>
                </tr>
              </thead>
              <tbody>
                {orgs.map((org) => (
                  <tr key={org.id} className="border-b align-top last:border-0">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link className="text-indigo-700 underline" href={`/admin/organisations/${org.id}`}>
                        {org.name}
                      </Link>
                    </th>
                    <td className="pr-3 capitalize">{org.kind}</td>
                    <td className="pr-3 capitalize">{org.verification}</td>
                    <td className="pr-3">
                      <Badge tone={STANDING_TONES[org.standing as keyof typeof STANDING_TONES] ?? "neutral"}>
                        {org.standing}
                      </Badge>
                      {org.standingReason ? (
                        <span className="block max-w-xs text-xs text-slate-600">{org.standingReason}</span>
                      ) : null}
                    </td>
                    <td className="pr-3 text-right tabular-nums">{org.members}</td>
                    <td className="pr-3 text-right tabular-nums">{org.connections}</td>
                    <td className="pr-3 text-right tabular-nums">{org.activeJobs}</td>
                    <td className="text-right tabular-nums">
                      {org.openFlags > 0 ? (
                        <Link className="text-indigo-700 underline" href={`/admin/organisations/${org.id}#flags`}>
                          {org.openFlags}
                        </Link>
                      ) : (
                        0
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
