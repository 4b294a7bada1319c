import type { Metadata } from "next";
import { NotBuiltYet, PageHeader } from "@/components/ui/card";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  await requireMemberPage({ roles: MANAGERS });
  return (
    <>
      <PageHeader title="Integrations" description="Connect your ATS to publish jobs on Wigiwork." />
      <NotBuiltYet area="ATS integrations" arrivesWith="ATS connections and inbound jobs" />
    </>
  );
}
