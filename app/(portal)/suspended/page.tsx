import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Organisation suspended" };

export default async function SuspendedPage() {
  const actor = await requireMemberPage({ allowSuspended: true });
  if (actor.org.standing !== "suspended") redirect("/dashboard");
  return (
    <>
      <PageHeader title="Organisation suspended" />
      <Card>
        <p className="text-sm">
          Trust &amp; safety has suspended {actor.org.name}
          {actor.org.standingReason ? `: ${actor.org.standingReason}` : "."} Jobs, integrations, Snapshots and access
          are paused until the suspension is lifted.
        </p>
        {MANAGERS.includes(actor.role) ? (
          <p className="mt-3 text-sm">
            <Link className="text-indigo-700 underline" href="/audit">
              Read the audit log
            </Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
