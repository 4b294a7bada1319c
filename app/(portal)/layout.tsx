import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import type { NavItem } from "@/components/nav-links";
import { getDb } from "@/db/client";
import { memberCounts } from "@/lib/access";
import { plural } from "@/lib/access/labels";
import { requireMemberPage } from "@/lib/auth/guards";
import { portalNavFor } from "@/lib/auth/portal-nav";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireMemberPage({ allowSuspended: true });
  const suspended = actor.org.standing === "suspended";
  const nav: NavItem[] = portalNavFor(actor.role, suspended);
  if (!suspended) {
    const counts = await memberCounts(getDb(), actor.org.id, actor.userId);
    const access = nav.find((item) => item.href === "/access-requests");
    if (access && counts.newDecisions + counts.unreadMessages > 0) {
      access.count = counts.newDecisions + counts.unreadMessages;
      access.countLabel = `${plural(counts.newDecisions, "new decision")}, ${plural(counts.unreadMessages, "new message")}`;
    }
  }
  return (
    <AppShell
      area={actor.org.name}
      who={`${actor.name} (${actor.role})`}
      nav={nav}
      banner={
        suspended ? (
          <p role="status" className="bg-amber-100 px-6 py-2 text-center text-sm text-amber-900">
            {actor.org.name} is suspended. You can read the audit log; everything else is paused.
          </p>
        ) : null
      }
    >
      {children}
    </AppShell>
  );
}
