import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MessageForm } from "@/components/messages/message-form";
import { MessageList } from "@/components/messages/message-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { now } from "@/lib/access";
import { formatDay, formatMoment } from "@/lib/access/labels";
import { requireCandidatePage } from "@/lib/auth/guards";
import { listReceivedRequests } from "@/lib/candidates/own-profile";
import { isUuid } from "@/lib/ids";
import { conversationState, readConversation } from "@/lib/messages";

export const metadata: Metadata = { title: "Conversation" };

export default async function CandidateConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCandidatePage();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = getDb();
  const at = now();
  const me = { kind: "candidate" as const, candidateId: actor.candidateId, userId: actor.userId };
  const state = await conversationState(db, me, id, at);
  const request = (await listReceivedRequests(db, actor.candidateId, actor.userId)).find((r) => r.id === id);
  if (!state || !request?.decidedAt || request.status === "declined") notFound();
  const messages = await readConversation(db, me, id, at);
  return (
    <>
      <PageHeader
        title={`Conversation with ${request.orgName}`}
        description={`About ${request.jobTitle}. ${state === "open" ? `Open until ${formatDay(request.accessUntil)}.` : "Closed: the access ended."}`}
        actions={
          <Link className="text-sm text-indigo-700 underline" href="/candidate">
            Back to your profile
          </Link>
        }
      />
      <Card>
        <div className="space-y-4">
          <MessageList
            messages={messages.map((m) => ({ ...m, sentAt: formatMoment(m.createdAt) }))}
            empty="No messages yet."
          />
          {state === "open" ? (
            <MessageForm requestId={id} as="candidate" />
          ) : (
            <EmptyState>
              This conversation is closed. {request.orgName} can no longer read it or write to you.
            </EmptyState>
          )}
        </div>
      </Card>
    </>
  );
}
