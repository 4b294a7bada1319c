// The portal's navigation for a member, with what is new behind "Access requests" (new decisions
// and unread messages).
import "server-only";
import type { NavItem } from "@/components/nav-links";
import type { Database } from "@/db/client";
import type { MemberActor } from "@/lib/auth/actor";
import { portalNavFor } from "@/lib/auth/portal-nav";
import { plural } from "./labels";
import { memberCounts } from "./nav-counts";

export async function portalNavWithCounts(db: Database, actor: MemberActor): Promise<NavItem[]> {
  const suspended = actor.org.standing === "suspended";
  const nav: NavItem[] = portalNavFor(actor.role, suspended);
  if (suspended) return nav;
  const counts = await memberCounts(db, actor.org.id, actor.userId);
  const total = counts.newDecisions + counts.unreadMessages;
  return nav.map((item) =>
    item.href === "/access-requests" && total > 0
      ? {
          ...item,
          count: total,
          countLabel: `${plural(counts.newDecisions, "new decision")}, ${plural(counts.unreadMessages, "new message")}`,
        }
      : item,
  );
}
