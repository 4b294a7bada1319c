"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { deleteMyDataAction } from "@/lib/actions/delete-my-data";

/** "Delete my data" (GDPR Art. 17), behind a typed confirmation. */
export function DeleteMyData() {
  const [state, erase, pending] = useActionState(deleteMyDataAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={erase} className="space-y-3">
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>Your name, contact details, links, employers and schools are erased, and your account is closed.</li>
        <li>Your anonymous profile is removed and every Snapshot of you is withdrawn from every company&apos;s ATS.</li>
        <li>Open requests are cancelled (the companies get their credits back) and granted accesses end at once.</li>
        <li>The audit log keeps only that this happened, never the data.</li>
      </ul>
      <Field label="Type DELETE to confirm" name="confirm" autoComplete="off" errors={errors?.confirm} />
      <FormMessage result={state && !state.ok && !errors ? state : null} name="Delete" />
      <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
        {pending ? "Deleting…" : "Delete my data"}
      </Button>
    </form>
  );
}
