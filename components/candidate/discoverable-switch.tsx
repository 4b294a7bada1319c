"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { setDiscoverableAction } from "@/lib/actions/set-discoverable";

/** The "Discoverable" switch: on, employers can receive anonymous Snapshots of you; off, none, and existing ones are withdrawn. */
export function DiscoverableSwitch({ discoverable }: { discoverable: boolean }) {
  const [state, set, pending] = useActionState(setDiscoverableAction, null);
  const on = state?.ok ? state.data.discoverable : discoverable;
  return (
    <form action={set} className="space-y-2">
      <input type="hidden" name="discoverable" value={on ? "false" : "true"} />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          role="switch"
          aria-checked={on}
          aria-labelledby="discoverable-label"
          disabled={pending}
          className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors ${on ? "bg-indigo-600" : "bg-slate-300"}`}
        >
          <span
            aria-hidden="true"
            className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0.5"}`}
          />
        </button>
        <span id="discoverable-label" className="text-sm font-medium">
          Discoverable
        </span>
      </div>
      <p className="text-xs text-slate-600">
        {on
          ? "On: matching employers can receive an anonymous Snapshot of you."
          : "Off: no employer receives a Snapshot of you, and the ones they have are withdrawn from their ATS."}
      </p>
      <FormMessage result={state && !state.ok ? state : null} name="Discoverable" />
    </form>
  );
}
