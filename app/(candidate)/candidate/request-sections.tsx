// The candidate's requests: those waiting for an answer, the accesses granted, and the rest.
import Link from "next/link";
import { DecisionButtons, RevokeButton } from "@/components/candidate/decision-buttons";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ACCESS_STATUS_TONES, CANDIDATE_STATUS_LABELS, formatDay, plural } from "@/lib/access/labels";
import type { ReceivedRequest } from "@/lib/candidates/own-profile";

export function PendingRequests({ requests }: { requests: ReceivedRequest[] }) {
  return (
    <Card title="Requests waiting for your answer">
      {requests.length === 0 ? (
        <EmptyState>No company is waiting for an answer from you.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {requests.map((r) => (
            <li key={r.id} className="rounded-md border border-slate-200 p-4">
              <p className="font-medium">{r.orgName}</p>
              <p className="text-sm text-slate-700">for {r.jobTitle}</p>
              {r.message ? (
                <blockquote className="mt-2 border-l-4 border-slate-200 pl-3 text-sm text-slate-700">
                  {r.message}
                </blockquote>
              ) : null}
              <p className="mt-2 text-xs text-slate-600">
                Sent {formatDay(r.createdAt)} · expires {formatDay(r.expiresAt)} if you don&apos;t answer. Approving
                shows {r.orgName} who you are, inside Wigiwork only, and opens a conversation.
              </p>
              <div className="mt-3">
                <DecisionButtons requestId={r.id} orgName={r.orgName} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function GrantedAccess({ requests }: { requests: ReceivedRequest[] }) {
  return (
    <Card title="Companies that can see who you are">
      {requests.length === 0 ? (
        <EmptyState>No company can see who you are.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {requests.map((r) => (
            <li
              key={r.id}
              className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-slate-200 p-4"
            >
              <div>
                <p className="font-medium">{r.orgName}</p>
                <p className="text-sm text-slate-700">
                  for {r.jobTitle} · since {formatDay(r.decidedAt)} · until {formatDay(r.accessUntil)}
                </p>
                <Link className="text-sm text-indigo-700 underline" href={`/candidate/conversations/${r.id}`}>
                  Conversation{r.unreadMessages > 0 ? ` (${plural(r.unreadMessages, "new message")})` : ""}
                </Link>
              </div>
              <RevokeButton requestId={r.id} orgName={r.orgName} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const PAST: Column<ReceivedRequest>[] = [
  { key: "org", header: "Company", rowHeader: true, cell: (r) => r.orgName },
  { key: "job", header: "Job", wide: true, cell: (r) => r.jobTitle },
  {
    key: "status",
    header: "Outcome",
    nowrap: true,
    cell: (r) => <Badge tone={ACCESS_STATUS_TONES[r.status]}>{CANDIDATE_STATUS_LABELS[r.status]}</Badge>,
  },
  { key: "sent", header: "Sent", nowrap: true, cell: (r) => formatDay(r.createdAt) },
  { key: "closed", header: "Ended", nowrap: true, cell: (r) => formatDay(r.closedAt) },
  {
    key: "conversation",
    header: "Conversation",
    hideHeader: true,
    nowrap: true,
    cell: (r) =>
      r.decidedAt && r.status !== "declined" ? (
        <Link className="text-indigo-700 underline" href={`/candidate/conversations/${r.id}`}>
          Conversation
        </Link>
      ) : null,
  },
];

export function PastRequests({ requests }: { requests: ReceivedRequest[] }) {
  return (
    <Card title="Earlier requests">
      <DataTable
        caption="Requests you answered, or that ended"
        columns={PAST}
        rows={requests}
        rowKey={(r) => r.id}
        empty="Nothing here yet."
      />
    </Card>
  );
}
