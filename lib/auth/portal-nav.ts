// The portal's areas (CONTRACT.md §5) and which roles see each of them.
import type { MemberRole } from "@/db/schema/enums";
import { MANAGERS } from "./guards";

const AREAS: { href: string; label: string; roles?: readonly MemberRole[] }[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/jobs", label: "Jobs" },
  { href: "/snapshots", label: "Snapshots" },
  { href: "/access-requests", label: "Access requests" },
  { href: "/integrations", label: "Integrations", roles: MANAGERS },
  { href: "/credits", label: "Credits", roles: MANAGERS },
  { href: "/audit", label: "Audit log", roles: MANAGERS },
  { href: "/report", label: "Report a problem" },
];

export function portalNavFor(role: MemberRole, suspended: boolean) {
  if (suspended)
    return [
      { href: "/suspended", label: "Suspension" },
      ...(MANAGERS.includes(role) ? [{ href: "/audit", label: "Audit log" }] : []),
    ];
  return AREAS.filter((a) => !a.roles || a.roles.includes(role)).map(({ href, label }) => ({ href, label }));
}
