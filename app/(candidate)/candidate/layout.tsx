import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getDb } from "@/db/client";
import { candidateCounts } from "@/lib/access";
import { plural } from "@/lib/access/labels";
import { requireCandidatePage } from "@/lib/auth/guards";

export default async function CandidateLayout({ children }: { children: ReactNode }) {
  const actor = await requireCandidatePage();
  const counts = await candidateCounts(getDb(), actor.candidateId, actor.userId);
  const count = counts.pendingRequests + counts.unreadMessages;
  return (
    <AppShell
      area="Candidate"
      who={actor.email}
      nav={[
        {
          href: "/candidate",
          label: "Your profile",
          count,
          countLabel: `${plural(counts.pendingRequests, "request")} waiting for you, ${plural(counts.unreadMessages, "new message")}`,
        },
      ]}
    >
      {children}
    </AppShell>
  );
}
