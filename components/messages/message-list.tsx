import { EmptyState } from "@/components/ui/card";

export type ShownMessage = { id: string; mine: boolean; from: string; body: string; sentAt: string };

/** A conversation, oldest first; one's own messages on the right. */
export function MessageList({ messages, empty }: { messages: ShownMessage[]; empty: string }) {
  if (messages.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ol className="space-y-3" aria-label="Messages">
      {messages.map((m) => (
        <li key={m.id} className={`flex ${m.mine ? "justify-end" : "justify-start"}`}>
          <div className={`max-w-prose rounded-lg px-4 py-2 text-sm ${m.mine ? "bg-indigo-50" : "bg-slate-100"}`}>
            <p className="text-xs text-slate-600">
              {m.mine ? "You" : m.from} · {m.sentAt}
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
