"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { decideAccessRequestAction } from "@/lib/actions/decide-access-request";

const DONE = { approved: "Approved.", declined: "Declined.", revoked: "Access revoked." } as const;

/** Approve or decline a pending request. */
export function DecisionButtons({ requestId, orgName }: { requestId: string; orgName: string }) {
  const [state, decide, pending] = useActionState(decideAccessRequestAction, null);
  return (
    <form action={decide} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="approved" disabled={pending} aria-label={`Approve ${orgName}`}>
          Approve
        </Button>
        <Button
          type="submit"
          name="decision"
          value="declined"
          variant="secondary"
          disabled={pending}
          aria-label={`Decline ${orgName}`}
        >
          Decline
        </Button>
      </div>
      <FormMessage
        result={state && !state.ok ? state : state?.ok ? { ok: true, message: DONE[state.data.decision] } : null}
        name="Decision"
      />
    </form>
  );
}

/** Revoke an access granted earlier, after a confirmation step. */
export function RevokeButton({ requestId, orgName }: { requestId: string; orgName: string }) {
  const [state, decide, pending] = useActionState(decideAccessRequestAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${orgName}`}>
        Revoke
      </Button>
    );
  }
  return (
    <form action={decide} className="space-y-2 rounded-md bg-amber-50 p-3 text-sm">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="decision" value="revoked" />
      <p>{orgName} loses access to who you are at once, and your conversation closes.</p>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
          Yes, revoke access
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          Keep access
        </Button>
      </div>
      <FormMessage result={state && !state.ok ? state : null} name="Revoke" />
    </form>
  );
}
