"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { grantCreditsAction } from "@/lib/actions/grant-credits";

/**
 * Trust & safety adds credits to an organisation (for /admin). `idempotencyKey` is made when the
 * page renders, so a double submit grants once.
 */
export function GrantCreditsForm({
  orgId,
  orgName,
  idempotencyKey,
}: {
  orgId: string;
  orgName: string;
  idempotencyKey: string;
}) {
  const [state, grant, pending] = useActionState(grantCreditsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={grant} className="space-y-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field label="Credits to add" name="amount" type="number" min={1} step={1} required errors={errors?.amount} />
      <Field label="Why (shown in the organisation's ledger)" name="note" required errors={errors?.note} />
      <FormMessage
        result={
          state && !state.ok && !errors
            ? state
            : state?.ok
              ? { ok: true, message: `${orgName} now has ${state.data.balance} credits.` }
              : null
        }
        name="Grant"
      />
      <Button type="submit" disabled={pending || state?.ok} aria-busy={pending}>
        Grant credits
      </Button>
    </form>
  );
}
