"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { TextAreaField } from "@/components/messages/text-area-field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { requestAccessAction } from "@/lib/actions/request-access";

type Props = {
  snapshotId: string;
  /** Made when the page rendered: a double click or a retry sends the same key, so one request. */
  idempotencyKey: string;
  cost: number;
  balance: number;
};

const credits = (n: number) => `${n} credit${n === 1 ? "" : "s"}`;

/** "Request access" on a Snapshot: an optional message, and the credit it holds until the candidate answers. */
export function RequestAccessForm({ snapshotId, idempotencyKey, cost, balance }: Props) {
  const [state, send, pending] = useActionState(requestAccessAction, null);
  const [message, setMessage] = useState("");
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) {
    return (
      <div role="status" className="space-y-2 rounded-md bg-emerald-50 p-4 text-sm text-emerald-900">
        <p>Request sent. {credits(cost)} stays held until the candidate answers; it comes back if they decline.</p>
        <Link className="font-medium underline" href={`/access-requests/${state.data.requestId}`}>
          See the request
        </Link>
      </div>
    );
  }
  return (
    <form action={send} className="space-y-3">
      <input type="hidden" name="snapshotId" value={snapshotId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <TextAreaField
        label="Message to the candidate (optional)"
        name="message"
        maxLength={1000}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        hint="Say why they could be a fit. No links, e-mail addresses or phone numbers: the conversation stays in Wigiwork."
        errors={errors?.message}
      />
      <FormMessage result={state && !state.ok && !errors ? state : null} name="Request" />
      <p className="text-xs text-slate-600">
        Holds {credits(cost)} of your {credits(balance)}. The candidate sees your organisation, the job and your
        message.
      </p>
      <Button type="submit" disabled={pending || balance < cost} aria-busy={pending}>
        {pending ? "Sending…" : "Request access"}
      </Button>
      {balance < cost ? (
        <p className="text-xs text-red-800">
          Your organisation has no credits left. An owner can see the balance under Credits.
        </p>
      ) : null}
    </form>
  );
}
