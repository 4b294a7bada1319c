import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listConnections } from "@/lib/ats/connections/queries";
import { CONNECTION_STATUS_LABELS, formatTime, PROVIDER_LABELS } from "@/lib/ats/labels";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Integrations" };

const TONE = { active: "good", draft: "warn", disabled: "bad" } as const;

export default async function IntegrationsPage() {
  const actor = await requireMemberPage({ roles: MANAGERS });
  const connections = await listConnections(getDb(), actor.org.id);
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Connect your ATS: jobs come in under Wigiwork's posting rules, and status changes go back out."
        actions={
          <Link href="/integrations/new" className={buttonClass()}>
            Connect an ATS
          </Link>
        }
      />
      <Card>
        {connections.length === 0 ? (
          <EmptyState>No ATS connected yet. Connect one to start publishing jobs.</EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your ATS connections</caption>
            <thead>
              <tr className="border-b text-slate-600">
                <th scope="col" className="py-2">
                  Connection
                </th>
                <th scope="col">ATS</th>
                <th scope="col">Status</th>
                <th scope="col">Brand</th>
                <th scope="col">Last event</th>
                <th scope="col">Last sync</th>
              </tr>
            </thead>
            <tbody>
              {connections.map((c) => (
                <tr key={c.id} className="border-b last:border-0">
                  <th scope="row" className="py-2 font-medium">
                    <Link className="text-indigo-700 underline" href={`/integrations/${c.id}`}>
                      {c.name}
                    </Link>
                  </th>
                  <td>{PROVIDER_LABELS[c.provider] ?? c.provider}</td>
                  <td>
                    <Badge tone={TONE[c.status as keyof typeof TONE] ?? "neutral"}>
                      {CONNECTION_STATUS_LABELS[c.status] ?? c.status}
                    </Badge>
                  </td>
                  <td>{c.brandName ?? "—"}</td>
                  <td>{formatTime(c.lastEventAt)}</td>
                  <td>
                    {c.hasBoard
                      ? c.lastSync
                        ? `${c.lastSync.status}${c.lastSync.error ? `: ${c.lastSync.error}` : ""}`
                        : "not yet"
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
