// The candidate's privacy: what employers see, who hides them, who received a Snapshot, who
// looked at their identity, and deleting their data.
import { DeleteMyData } from "@/components/candidate/delete-my-data";
import { DiscoverableSwitch } from "@/components/candidate/discoverable-switch";
import { HideCompanyForm, UnhideButton } from "@/components/candidate/hidden-companies";
import { SnapshotPreview } from "@/components/candidate/snapshot-preview";
import { Card, EmptyState } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { formatDay, formatMoment } from "@/lib/access/labels";
import type { SnapshotCard } from "@/lib/access/snapshot-card";
import type { OwnProfile } from "@/lib/candidates/own-profile";
import type { IdentityView, SnapshotReceipt } from "@/lib/candidates/transparency";

export function Visibility({ profile, card, sent }: { profile: OwnProfile; card: SnapshotCard; sent: boolean }) {
  return (
    <Card title="What employers see">
      <div className="space-y-4">
        <DiscoverableSwitch discoverable={profile.discoverable} />
        <p className="text-sm text-slate-700">
          {sent
            ? "The latest Snapshot of you that a company received:"
            : "No company has received a Snapshot of you yet. One would show no more than this (skills that too few other candidates share are left out):"}
        </p>
        <SnapshotPreview card={card} />
      </div>
    </Card>
  );
}

export function HiddenFrom({ profile }: { profile: OwnProfile }) {
  return (
    <Card title="Hidden from">
      <div className="space-y-4">
        {profile.hiddenFrom.length === 0 ? (
          <EmptyState>You aren&apos;t hiding from any company.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {profile.hiddenFrom.map((org) => (
              <li key={org.orgId} className="flex items-center justify-between gap-3 py-2">
                <span>{org.name}</span>
                <UnhideButton orgId={org.orgId} name={org.name} />
              </li>
            ))}
          </ul>
        )}
        <HideCompanyForm />
        <p className="text-xs text-slate-600">
          Takes effect on the next match; Snapshots that company already has are withdrawn from its ATS.
        </p>
      </div>
    </Card>
  );
}

const RECEIPTS: Column<SnapshotReceipt>[] = [
  { key: "org", header: "Company", rowHeader: true, cell: (r) => r.orgName },
  { key: "job", header: "For the job", wide: true, cell: (r) => r.jobTitle },
  { key: "when", header: "When", nowrap: true, cell: (r) => formatDay(r.createdAt) },
];

const VIEWS: Column<IdentityView>[] = [
  { key: "org", header: "Company", rowHeader: true, cell: (v) => v.orgName },
  { key: "role", header: "Viewer's role", nowrap: true, cell: (v) => v.role },
  { key: "when", header: "When", nowrap: true, cell: (v) => formatMoment(v.createdAt) },
];

export function WhoSawYou({ receipts, views }: { receipts: SnapshotReceipt[]; views: IdentityView[] }) {
  return (
    <Card title="Who saw you">
      <div className="space-y-6">
        <section aria-labelledby="receipts-heading">
          <h3 id="receipts-heading" className="mb-2 text-sm font-semibold">
            Companies that received an anonymous Snapshot of you
          </h3>
          <DataTable
            caption="Snapshots of you, newest first"
            columns={RECEIPTS}
            rows={receipts}
            rowKey={(r) => r.id}
            empty="None yet."
          />
        </section>
        <section aria-labelledby="views-heading">
          <h3 id="views-heading" className="mb-2 text-sm font-semibold">
            Every time someone saw who you are
          </h3>
          <DataTable
            caption="Views of your identity, newest first, from the audit log"
            columns={VIEWS}
            rows={views}
            rowKey={(v) => v.id}
            empty="Nobody has seen who you are."
          />
        </section>
      </div>
    </Card>
  );
}

export function DeleteSection() {
  return (
    <Card title="Delete my data">
      <DeleteMyData />
    </Card>
  );
}
