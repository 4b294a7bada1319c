"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { activateConnectionAction } from "@/lib/actions/activate-connection";
import { disableConnectionAction } from "@/lib/actions/disable-connection";
import { rotateSecretAction } from "@/lib/actions/rotate-secret";
import { syncNowAction } from "@/lib/actions/sync-now";
import { SecretReveal } from "./secret-reveal";

export function RotateSecretForm({ connectionId, canPaste }: { connectionId: string; canPaste: boolean }) {
  const [state, rotate, pending] = useActionState(rotateSecretAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={rotate} className="space-y-3">
      <input type="hidden" name="connectionId" value={connectionId} />
      {canPaste ? (
        <Field
          label="New secret you set in your ATS (optional)"
          name="signingSecret"
          type="password"
          autoComplete="off"
          hint="Leave empty to generate one."
          errors={errors?.signingSecret}
        />
      ) : null}
      <FormMessage result={state && !state.ok && !errors ? state : null} name="Rotation" />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {pending ? "Rotating…" : "Rotate secret"}
      </Button>
      {state?.ok ? (
        state.data.signingSecret ? (
          <SecretReveal label="Signing secret" value={state.data.signingSecret} secret />
        ) : (
          <p role="status" className="text-sm text-emerald-900">
            Secret replaced. The previous one keeps working for 24 hours.
          </p>
        )
      ) : null}
    </form>
  );
}

export function DisableForm({ connectionId }: { connectionId: string }) {
  const [state, disable, pending] = useActionState(disableConnectionAction, null);
  return (
    <form
      action={disable}
      className="space-y-3"
      onSubmit={(e) => {
        if (!window.confirm("Disable this connection? Its webhooks will be refused and syncs stop."))
          e.preventDefault();
      }}
    >
      <input type="hidden" name="connectionId" value={connectionId} />
      <Field label="Reason (optional)" name="reason" />
      <FormMessage result={state && !state.ok ? state : null} name="Disable" />
      <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
        {pending ? "Disabling…" : "Disable"}
      </Button>
    </form>
  );
}

export function ActivateForm({ connectionId, label = "Activate" }: { connectionId: string; label?: string }) {
  const [state, activate, pending] = useActionState(activateConnectionAction, null);
  return (
    <form action={activate} className="space-y-3">
      <input type="hidden" name="connectionId" value={connectionId} />
      <FormMessage result={state && !state.ok ? state : null} name="Activation" />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Activating…" : label}
      </Button>
    </form>
  );
}

export function SyncNowForm({ connectionId, disabled }: { connectionId: string; disabled: boolean }) {
  const [state, sync, pending] = useActionState(syncNowAction, null);
  return (
    <form action={sync} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="connectionId" value={connectionId} />
      <Button type="submit" variant="secondary" disabled={disabled || pending} aria-busy={pending}>
        {pending ? "Starting…" : "Sync now"}
      </Button>
      {state?.ok ? (
        <span role="status" className="text-sm text-slate-700">
          {state.data.alreadyRunning ? "A sync is already running." : "Sync started."}
        </span>
      ) : null}
      <FormMessage result={state && !state.ok ? state : null} name="Sync" />
    </form>
  );
}
