import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { getCredits } from "@/lib/access";
import type { CreditLedgerRow } from "@/lib/access/credits";
import { formatMoment, LEDGER_KIND_LABELS, plural } from "@/lib/access/labels";
import { MANAGERS, requireMemberPage } from "@/lib/auth/guards";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Credits" };

const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? "0" : `−${-n}`);

const COLUMNS: Column<CreditLedgerRow>[] = [
  { key: "when", header: "When", nowrap: true, cell: (r) => formatMoment(r.createdAt) },
  {
    key: "what",
    header: "What",
    rowHeader: true,
    wide: true,
    cell: (r) => (
      <>
        {LEDGER_KIND_LABELS[r.kind] ?? r.kind}
        <span className="block text-xs font-normal text-slate-600">
          {r.note}
          {r.note && r.accessRequestId ? " · " : null}
          {r.accessRequestId ? (
            <Link className="text-indigo-700 underline" href={`/access-requests/${r.accessRequestId}`}>
              See the request
            </Link>
          ) : null}
        </span>
      </>
    ),
  },
  { key: "delta", header: "Balance change", numeric: true, cell: (r) => signed(r.delta) },
  { key: "held-delta", header: "Held change", numeric: true, cell: (r) => signed(r.heldDelta) },
  { key: "balance", header: "Balance after", numeric: true, cell: (r) => r.balanceAfter },
  { key: "held", header: "Held after", numeric: true, cell: (r) => r.heldAfter },
];

export default async function CreditsPage() {
  const actor = await requireMemberPage({ roles: MANAGERS });
  const { balance, held, ledger } = await getCredits(getDb(), actor.org.id);
  const { cost, requestDays } = env().access;
  return (
    <>
      <PageHeader
        title="Credits"
        description={`An access request holds ${plural(cost, "credit")} when it is sent. The candidate's approval spends it; a decline, a cancellation or no answer within ${requestDays} days returns it.`}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <Card title="Balance">
          <p className="text-3xl font-semibold tabular-nums">{plural(balance, "credit")}</p>
          <p className="mt-1 text-sm text-slate-600">Free to spend on new requests.</p>
        </Card>
        <Card title="Held">
          <p className="text-3xl font-semibold tabular-nums">{plural(held, "credit")}</p>
          <p className="mt-1 text-sm text-slate-600">
            By requests still{" "}
            <Link className="underline" href="/access-requests?status=requested">
              waiting for an answer
            </Link>
            .
          </p>
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Ledger">
          <DataTable
            caption="Credit movements, newest first"
            columns={COLUMNS}
            rows={ledger}
            rowKey={(r) => r.id}
            empty="No credit movements yet. Trust & safety adds credits to your organisation; each request then holds one."
          />
        </Card>
      </div>
    </>
  );
}
