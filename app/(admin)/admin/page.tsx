import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, NotBuiltYet, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/guards";
import { listOrganisationsForAdmin } from "@/lib/enforcement/organisations";

export const metadata: Metadata = { title: "Trust & safety" };

const STANDING_TONE = { active: "good", suspended: "warn", banned: "bad" } as const;

export default async function AdminPage() {
  const actor = await requireAdminPage();
  const orgs = await listOrganisationsForAdmin(getDb());
  return (
    <AppShell area="Trust & safety" who={actor.name} nav={[{ href: "/admin", label: "Overview" }]}>
      <PageHeader title="Trust & safety" description="Organisations, their integrations and jobs, and abuse flags." />
      <div className="space-y-6">
        <Card title="Organisations">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">All organisations</caption>
            <thead>
              <tr className="border-b text-slate-600">
                <th scope="col" className="py-2">
                  Name
                </th>
                <th scope="col">Kind</th>
                <th scope="col">Verification</th>
                <th scope="col">Standing</th>
                <th scope="col" className="text-right">
                  Members
                </th>
                <th scope="col" className="text-right">
                  Integrations
                </th>
                <th scope="col" className="text-right">
                  Active jobs
                </th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((org) => (
                <tr key={org.id} className="border-b last:border-0">
                  <th scope="row" className="py-2 font-medium">
                    {org.name}
                  </th>
                  <td className="capitalize">{org.kind}</td>
                  <td className="capitalize">{org.verification}</td>
                  <td>
                    <Badge tone={STANDING_TONE[org.standing as keyof typeof STANDING_TONE] ?? "neutral"}>
                      {org.standing}
                    </Badge>
                  </td>
                  <td className="text-right tabular-nums">{org.members}</td>
                  <td className="text-right tabular-nums">{org.connections}</td>
                  <td className="text-right tabular-nums">{org.activeJobs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <NotBuiltYet area="Flags and enforcement actions" arrivesWith="trust & safety enforcement" />
      </div>
    </AppShell>
  );
}
