"use client";

import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { hideFromCompanyAction } from "@/lib/actions/hide-from-company";
import { unhideCompanyAction } from "@/lib/actions/unhide-company";

export function HideCompanyForm() {
  const [state, hide, pending] = useActionState(hideFromCompanyAction, null);
  const [company, setCompany] = useState("");
  useEffect(() => {
    if (state?.ok) setCompany("");
  }, [state]);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const done = state?.ok
    ? `Hidden from ${state.data.names.join(", ")}. Their Snapshots of you are withdrawn.`
    : undefined;
  return (
    <form action={hide} className="space-y-3">
      <Field
        label="Company name or e-mail domain"
        name="company"
        value={company}
        onChange={(e) => setCompany(e.target.value)}
        hint="For example your current employer, or the domain of its e-mail addresses (acme.com)."
        errors={errors?.company}
      />
      <FormMessage
        result={state && !state.ok && !errors ? state : done ? { ok: true, message: done } : null}
        name="Hide"
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        Hide from a company
      </Button>
    </form>
  );
}

export function UnhideButton({ orgId, name }: { orgId: string; name: string }) {
  const [state, unhide, pending] = useActionState(unhideCompanyAction, null);
  return (
    <form action={unhide} className="inline">
      <input type="hidden" name="orgId" value={orgId} />
      <button
        type="submit"
        disabled={pending}
        className="text-sm text-indigo-700 underline"
        aria-label={`Show again to ${name}`}
      >
        Show again
      </button>
      <FormMessage result={state && !state.ok ? state : null} name="Show again" />
    </form>
  );
}
