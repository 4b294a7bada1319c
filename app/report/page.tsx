import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/app-shell";
import { ReportForm } from "@/components/enforcement/report-form";
import { Card, PageHeader } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/actor";
import { requireMemberPage } from "@/lib/auth/guards";
import { portalNavFor } from "@/lib/auth/portal-nav";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Report a problem" };

type Props = { searchParams: Promise<{ subject?: string }> };

/** `?subject=snapshot:<id>` or `?subject=access_request:<id>` reports that thing (links from those pages). */
function subjectOf(raw: string | undefined): { type: "snapshot" | "access_request"; id: string } | undefined {
  const [type, id] = (raw ?? "").split(":");
  return (type === "snapshot" || type === "access_request") && isUuid(id) ? { type, id } : undefined;
}

export default async function ReportPage({ searchParams }: Props) {
  const actor = await currentActor();
  if (actor?.kind === "admin") notFound();
  const subject = subjectOf((await searchParams).subject);
  const shell =
    actor?.kind === "candidate"
      ? { area: "Candidate", who: actor.email, nav: [{ href: "/candidate", label: "Your profile" }] }
      : await requireMemberPage({ allowSuspended: true }).then((m) => ({
          area: m.org.name,
          who: `${m.name} (${m.role})`,
          nav: portalNavFor(m.role, m.org.standing === "suspended"),
        }));
  return (
    <AppShell {...shell}>
      <PageHeader
        title="Report a problem"
        description="Tell Wigiwork's trust & safety team about misuse: a fake Snapshot, an employer who asks for contact outside the portal, a job posted under your brand."
      />
      <Card>
        <ReportForm subject={subject} />
      </Card>
    </AppShell>
  );
}
