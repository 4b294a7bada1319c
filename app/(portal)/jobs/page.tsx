import type { Metadata } from "next";
import { NotBuiltYet, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  await requireMemberPage();
  return (
    <>
      <PageHeader title="Jobs" description="Jobs published from your ATS and what Wigiwork's posting rules said." />
      <NotBuiltYet area="Jobs" arrivesWith="ATS connections and inbound jobs" />
    </>
  );
}
