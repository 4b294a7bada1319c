import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCandidatePage } from "@/lib/auth/guards";
import { getOwnProfile } from "@/lib/candidates/own-profile";
import { COUNTRIES, REGIONS, ROLE_FAMILIES } from "@/lib/taxonomy";

export const metadata: Metadata = { title: "Your Wigiwork profile" };

export default async function CandidatePage() {
  const actor = await requireCandidatePage();
  const profile = await getOwnProfile(getDb(), actor.candidateId);
  return (
    <AppShell area="Candidate" who={actor.email} nav={[{ href: "/candidate", label: "Your profile" }]}>
      <PageHeader
        title="Your profile and requests"
        description="Employers see only an anonymous Snapshot of you. They learn who you are only if you approve their request."
      />
      {profile ? (
        <div className="grid gap-6 md:grid-cols-2">
          <Card title="What employers can discover">
            <p className="mb-2">
              <Badge tone={profile.discoverable ? "good" : "neutral"}>
                {profile.discoverable ? "Discoverable" : "Hidden from Discovery"}
              </Badge>
            </p>
            <dl className="grid grid-cols-2 gap-2 text-sm">
              <dt className="text-slate-600">Role family</dt>
              <dd>{ROLE_FAMILIES[profile.roleFamily as keyof typeof ROLE_FAMILIES]?.label ?? profile.roleFamily}</dd>
              <dt className="text-slate-600">Seniority</dt>
              <dd className="capitalize">{profile.seniority}</dd>
              <dt className="text-slate-600">Experience</dt>
              <dd>{profile.yearsExperience} years</dd>
              <dt className="text-slate-600">Where</dt>
              <dd>
                {COUNTRIES[profile.country]?.name ?? profile.country}, {REGIONS[profile.region as keyof typeof REGIONS]}
              </dd>
              <dt className="text-slate-600">Skills</dt>
              <dd>{profile.skills.join(", ")}</dd>
            </dl>
          </Card>
          <Card title="Hidden from">
            {profile.hiddenFrom.length === 0 ? (
              <EmptyState>You aren&apos;t hiding from any company.</EmptyState>
            ) : (
              <ul className="list-disc pl-5 text-sm">
                {profile.hiddenFrom.map((org) => (
                  <li key={org.orgId}>{org.name}</li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Access requests">
            {profile.requests.length === 0 ? (
              <EmptyState>No company has asked to see your profile yet.</EmptyState>
            ) : (
              <ul className="text-sm">
                {profile.requests.map((r) => (
                  <li key={r.id}>
                    {r.orgName}: {r.status}
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-3 text-xs text-slate-600">
              Approving, declining and revoking requests arrives with the Access Requests capability.
            </p>
          </Card>
        </div>
      ) : (
        <EmptyState>Your profile isn&apos;t set up yet.</EmptyState>
      )}
    </AppShell>
  );
}
