import type { Metadata } from "next";
import { NotBuiltYet, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Snapshots" };

export default async function SnapshotsPage() {
  await requireMemberPage();
  return (
    <>
      <PageHeader title="Snapshots" description="Discovery: anonymous candidates matched to your active jobs." />
      <NotBuiltYet area="Discovery" arrivesWith="matching and anonymous Snapshots" />
    </>
  );
}
