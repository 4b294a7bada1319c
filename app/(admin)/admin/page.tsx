import type { Metadata } from "next";
import { FlagTable } from "@/components/admin/flag-table";
import { OrganisationTable } from "@/components/admin/organisation-table";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/guards";
import { listFlags } from "@/lib/enforcement/flags";
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
          <FlagTable
            flags={openFlags}
            caption="Open flags, most recent activity first"
            empty="Nothing to review: no open flags."
          />
        </Card>
        <Card title="Organisations">
          <OrganisationTable orgs={orgs} />
        </Card>
      </div>
    </>
  );
}
