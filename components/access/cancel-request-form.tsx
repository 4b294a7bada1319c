"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { cancelAccessRequestAction } from "@/lib/actions/cancel-access-request";

export function CancelRequestForm({ requestId }: { requestId: string }) {
  const [state, cancel, pending] = useActionState(cancelAccessRequestAction, null);
  return (
    <form
      action={cancel}
      className="space-y-2"
      onSubmit={(e) => {
        if (!window.confirm("Cancel this request? The held credit comes back to your balance.")) e.preventDefault();
      }}
    >
      <input type="hidden" name="requestId" value={requestId} />
      <FormMessage result={state && !state.ok ? state : null} name="Cancel" />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {pending ? "Cancelling…" : "Cancel request"}
      </Button>
    </form>
  );
}
