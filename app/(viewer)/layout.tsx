// The profile viewer's frame: the portal's, but anyone who isn't a member (signed out included)
// gets a 404, never a sign-in redirect that would confirm the page exists.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getDb } from "@/db/client";
import { portalNavWithCounts } from "@/lib/access/portal-nav";
import { currentActor } from "@/lib/auth/actor";

export default async function ViewerLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (actor?.kind !== "member") notFound();
  return (
    <AppShell
      area={actor.org.name}
      who={`${actor.name} (${actor.role})`}
      nav={await portalNavWithCounts(getDb(), actor)}
    >
      {children}
    </AppShell>
  );
}
