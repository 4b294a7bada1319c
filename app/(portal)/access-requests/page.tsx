import type { Metadata } from "next";
import { NotBuiltYet, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Access requests" };

export default async function AccessRequestsPage() {
  await requireMemberPage();
  return (
    <>
      <PageHeader title="Access requests" description="Requests you have sent to candidates, and their answers." />
      <NotBuiltYet area="Access requests" arrivesWith="Access Requests and credits" />
    </>
  );
}
