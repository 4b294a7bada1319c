import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CancelRequestForm } from "@/components/access/cancel-request-form";
import { MessageForm } from "@/components/messages/message-form";
import { MessageList } from "@/components/messages/message-list";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getOrgRequest, markRead, now, type OrgRequestDetail, type SnapshotCard } from "@/lib/access";
import {
  ACCESS_STATUS_LABELS,
  ACCESS_STATUS_TONES,
  ACTOR_LABELS,
  formatDay,
  formatMoment,
  HISTORY_LABELS,
} from "@/lib/access/labels";
import { requireMemberPage } from "@/lib/auth/guards";
import { isUuid } from "@/lib/ids";
import { readConversation } from "@/lib/messages";
import { REGIONS, type Region, ROLE_FAMILIES, type RoleFamily } from "@/lib/taxonomy";

export const metadata: Metadata = { title: "Access request" };

function describeCard(card: SnapshotCard): string {
  const family = card.roleFamily ? (ROLE_FAMILIES[card.roleFamily as RoleFamily]?.label ?? card.roleFamily) : null;
  const region = card.region ? (REGIONS[card.region as Region] ?? card.region) : null;
  const seniority = card.seniority ? card.seniority[0]?.toUpperCase() + card.seniority.slice(1) : null;
  return [seniority, family, card.experienceBand && `${card.experienceBand} years`, region].filter(Boolean).join(" · ");
}

function ends(request: OrgRequestDetail): [string, string] {
  if (request.status === "requested") return ["Expires", formatDay(request.expiresAt)];
  if (request.status === "approved") return ["Access until", formatDay(request.accessUntil)];
  return ["Ended", formatDay(request.closedAt)];
}

export default async function AccessRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireMemberPage();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = getDb();
  const at = now();
  const request = await getOrgRequest(db, actor.org.id, actor.userId, id);
  if (!request) notFound();
  const open = request.status === "approved" && request.accessUntil !== null && request.accessUntil > at;
  const messages = open
    ? await readConversation(db, { kind: "organisation", orgId: actor.org.id, userId: actor.userId }, id, at)
    : [];
  await markRead(db, actor.userId, id, at);
  const { card } = request;
  return (
    <>
      <PageHeader
        title={`${request.candidate} for ${request.jobTitle}`}
        description={describeCard(card)}
        actions={<Badge tone={ACCESS_STATUS_TONES[request.status]}>{ACCESS_STATUS_LABELS[request.status]}</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {open ? (
            <Card title="The candidate approved">
              <p className="text-sm">
                Your organisation may see who this candidate is until {formatDay(request.accessUntil)}. Their profile
                opens only here, in the portal; every view is recorded and the candidate can see it.
              </p>
              <Link className={`${buttonClass()} mt-3`} href={`/candidates/${request.snapshotId}`}>
                Open profile
              </Link>
            </Card>
          ) : null}
          <Card title="Conversation">
            {open ? (
              <div className="space-y-4">
                <MessageList
                  messages={messages.map((m) => ({ ...m, sentAt: formatMoment(m.createdAt) }))}
                  empty="No messages yet. Say hello: only the candidate sees it, inside Wigiwork."
                />
                <MessageForm requestId={request.id} as="member" />
              </div>
            ) : (
              <EmptyState>
                {request.status === "requested"
                  ? "The conversation opens when the candidate approves."
                  : request.status === "revoked" || request.status === "lapsed" || request.status === "approved"
                    ? "This conversation is closed: the access ended."
                    : "There is no conversation: the request was not approved."}
              </EmptyState>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Request">
            <dl className="grid grid-cols-2 gap-1 text-sm">
              <dt className="text-slate-600">Job</dt>
              <dd>
                <Link className="underline" href={`/jobs/${request.jobId}`}>
                  {request.jobTitle}
                </Link>
              </dd>
              <dt className="text-slate-600">Snapshot</dt>
              <dd>
                <Link className="underline" href={`/snapshots/${request.snapshotId}`}>
                  {request.candidate}
                </Link>
              </dd>
              <dt className="text-slate-600">Sent</dt>
              <dd>
                {formatDay(request.createdAt)} by {request.requestedBy ?? "a former member"}
              </dd>
              <dt className="text-slate-600">{ends(request)[0]}</dt>
              <dd>{ends(request)[1]}</dd>
            </dl>
            {request.message ? (
              <blockquote className="mt-3 border-l-4 border-slate-200 pl-3 text-sm text-slate-700">
                {request.message}
              </blockquote>
            ) : null}
            {request.status === "requested" ? (
              <div className="mt-4">
                <CancelRequestForm requestId={request.id} />
              </div>
            ) : null}
          </Card>
          <Card title="History">
            <ol className="space-y-2 text-sm">
              {request.history.map((h) => (
                <li key={`${h.status}-${h.createdAt.toISOString()}`}>
                  <span className="block text-xs text-slate-600">{formatMoment(h.createdAt)}</span>
                  {h.actor === "organisation" ? (h.actorName ?? ACTOR_LABELS.organisation) : ACTOR_LABELS[h.actor]}{" "}
                  {HISTORY_LABELS[h.status]}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
