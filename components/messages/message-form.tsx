"use client";

import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/safe-action";
import { sendCandidateMessageAction } from "@/lib/actions/send-candidate-message";
import { sendMemberMessageAction } from "@/lib/actions/send-member-message";
import { TextAreaField } from "./text-area-field";

type Send = (previous: unknown, payload: FormData) => Promise<ActionResult<{ id: string }>>;
const ACTIONS: Record<"member" | "candidate", Send> = {
  member: sendMemberMessageAction,
  candidate: sendCandidateMessageAction,
};

/** Writes into an open conversation. What was typed stays when sending fails. */
export function MessageForm({ requestId, as }: { requestId: string; as: "member" | "candidate" }) {
  const [state, send, pending] = useActionState(ACTIONS[as], null);
  const [body, setBody] = useState("");
  useEffect(() => {
    if (state?.ok) setBody("");
  }, [state]);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={send} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <TextAreaField
        label="Message"
        name="body"
        rows={3}
        maxLength={4000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        errors={errors?.body}
        hint="Only the other side sees it, inside Wigiwork. Notifications say only that there is a new message."
      />
      <FormMessage
        result={state && !state.ok && !errors ? state : state?.ok ? { ok: true, message: "Message sent." } : null}
        name="Message"
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Sending…" : "Send message"}
      </Button>
    </form>
  );
}
