import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getCredits } from "@/lib/access/credits";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Credits" };

export default async function CreditsPage() {
  const actor = await requireMemberPage({ roles: MANAGERS });
  const { balance, ledger } = await getCredits(getDb(), actor.org.id);
  return (
    <>
      <PageHeader
        title="Credits"
        description="Credits pay for candidate access: held when you request, spent when a candidate approves."
      />
      <Card title="Balance">
        <p className="text-3xl font-semibold tabular-nums">{balance} credits</p>
      </Card>
      <div className="mt-6">
        <Card title="Ledger">
          {ledger.length === 0 ? (
            <EmptyState>No credit movements yet.</EmptyState>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Credit movements, newest first</caption>
              <thead>
                <tr className="border-b text-slate-600">
                  <th scope="col" className="py-2">
                    When (UTC)
                  </th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="text-right">
                    Change
                  </th>
                  <th scope="col" className="text-right">
                    Balance
                  </th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {ledger.map((row) => (
                  <tr key={row.id} className="border-b last:border-0">
                    <td className="py-2">{row.createdAt.toISOString().replace("T", " ").slice(0, 16)}</td>
                    <td>{row.kind}</td>
                    <td className="text-right tabular-nums">{row.delta > 0 ? `+${row.delta}` : row.delta}</td>
                    <td className="text-right tabular-nums">{row.balanceAfter}</td>
                    <td>{row.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
