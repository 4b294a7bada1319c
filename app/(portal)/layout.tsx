import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getDb } from "@/db/client";
import { portalNavWithCounts } from "@/lib/access/portal-nav";
import { requireMemberPage } from "@/lib/auth/guards";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireMemberPage({ allowSuspended: true });
  const suspended = actor.org.standing === "suspended";
  return (
    <AppShell
      area={actor.org.name}
      who={`${actor.name} (${actor.role})`}
      nav={await portalNavWithCounts(getDb(), actor)}
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
