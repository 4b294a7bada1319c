import type { Metadata } from "next";
import { ConnectionWizard } from "@/components/integrations/connection-wizard";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";
import { listBrands } from "@/lib/orgs/brands";

export const metadata: Metadata = { title: "Connect an ATS" };

export default async function NewIntegrationPage() {
  const actor = await requireMemberPage({ roles: MANAGERS });
  const brands = await listBrands(getDb(), actor.org.id);
  return (
    <>
      <PageHeader
        title="Connect an ATS"
        description="A few steps: choose your ATS, copy the credentials into it, tell us where to send events, activate."
      />
      <ConnectionWizard brands={brands} orgKind={actor.org.kind} />
    </>
  );
}
