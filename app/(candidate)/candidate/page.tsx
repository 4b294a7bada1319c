import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCandidatePage } from "@/lib/auth/guards";
import { getOwnProfile, listReceivedRequests } from "@/lib/candidates/own-profile";
import { previewCard } from "@/lib/candidates/preview";
import { listIdentityViews, listSnapshotReceipts } from "@/lib/candidates/transparency";
import { DeleteSection, HiddenFrom, Visibility, WhoSawYou } from "./privacy-sections";
import { GrantedAccess, PastRequests, PendingRequests } from "./request-sections";

export const metadata: Metadata = { title: "Your Wigiwork profile" };

export default async function CandidatePage() {
  const actor = await requireCandidatePage();
  const db = getDb();
  const profile = await getOwnProfile(db, actor.candidateId);
  if (!profile) return <EmptyState>Your profile isn&apos;t set up yet.</EmptyState>;
  const [requests, receipts, views] = await Promise.all([
    listReceivedRequests(db, actor.candidateId, actor.userId),
    listSnapshotReceipts(db, actor.candidateId),
    listIdentityViews(db, actor.candidateId),
  ]);
  const pending = requests.filter((r) => r.status === "requested");
  const granted = requests.filter((r) => r.status === "approved");
  const past = requests.filter((r) => r.status !== "requested" && r.status !== "approved");
  const latest = receipts[0];
  return (
    <>
      <PageHeader
        title="Your profile and requests"
        description="Employers see only an anonymous Snapshot of you. They learn who you are only if you approve their request, and only inside Wigiwork."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <PendingRequests requests={pending} />
          <GrantedAccess requests={granted} />
          <PastRequests requests={past} />
        </div>
        <div className="space-y-6">
          <Visibility profile={profile} card={latest?.card ?? previewCard(profile)} sent={Boolean(latest)} />
          <HiddenFrom profile={profile} />
        </div>
      </div>
      <div className="mt-6 space-y-6">
        <WhoSawYou receipts={receipts} views={views} />
        <DeleteSection />
      </div>
    </>
  );
}
