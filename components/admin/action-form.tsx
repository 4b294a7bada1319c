"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/safe-action";

type Action = (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;

type ActionFormProps = {
  action: Action;
  /** Hidden fields: ids and the verb (e.g. `{ orgId, action: "suspend" }`). */
  fields: Record<string, string>;
  /** The button's words, e.g. "Suspend organisation". */
  label: string;
  reasonLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  done: string;
  confirm?: string;
};

/** One trust & safety action with its required reason: the reason is kept if the action is refused. */
export function ActionForm({
  action,
  fields,
  label,
  reasonLabel = "Reason",
  variant = "primary",
  done,
  confirm,
}: ActionFormProps) {
  const [state, run, pending] = useActionState(action, null);
  const id = useId();
  const reasonErrors = state && !state.ok ? state.fieldErrors?.reason : undefined;
  return (
    <form
      action={run}
      className="space-y-2 rounded-md border border-slate-200 p-3"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">
        {reasonLabel} <span className="font-normal text-slate-600">({label.toLowerCase()})</span>
      </label>
      <textarea
        id={`${id}-reason`}
        name="reason"
        required
        minLength={5}
        maxLength={500}
        rows={2}
        aria-invalid={reasonErrors ? true : undefined}
        aria-describedby={reasonErrors ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-500"
      />
      {reasonErrors ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {reasonErrors.join(" ")}
        </p>
      ) : null}
      <FormMessage result={state && !state.ok && !reasonErrors ? state : null} name={label} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-900">
          {done}
        </p>
      ) : null}
      <Button type="submit" variant={variant} disabled={pending} aria-busy={pending}>
        {pending ? "Working…" : label}
      </Button>
    </form>
  );
}
