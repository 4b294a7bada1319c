import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireAdminPage } from "@/lib/auth/guards";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireAdminPage();
  return (
    <AppShell
      area="Trust & safety"
      who={actor.name}
      nav={[
        { href: "/admin", label: "Console" },
        { href: "/admin/audit", label: "Audit log" },
      ]}
    >
      {children}
    </AppShell>
  );
}
