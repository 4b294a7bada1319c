"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { sendTestEventAction } from "@/lib/actions/send-test-event";
import { setEndpointAction } from "@/lib/actions/set-endpoint";
import { SecretReveal } from "./secret-reveal";

/** Where outbound events go, its secret (shown once), and a signed test event with the receiver's answer. */
export function EndpointSetup({ connectionId, endpointUrl }: { connectionId: string; endpointUrl: string | null }) {
  const [saved, save, saving] = useActionState(setEndpointAction, null);
  const [test, sendTest, testing] = useActionState(sendTestEventAction, null);
  const errors = saved && !saved.ok ? saved.fieldErrors : undefined;
  const hasEndpoint = Boolean(endpointUrl) || saved?.ok;
  return (
    <div className="space-y-4">
      <form action={save} className="space-y-3">
        <input type="hidden" name="connectionId" value={connectionId} />
        <Field
          label="Endpoint URL"
          name="endpointUrl"
          type="url"
          defaultValue={endpointUrl ?? ""}
          placeholder="https://ats.example.com/wigiwork/events"
          hint="Your ATS (or middleware) receives job status changes and anonymous Snapshots here."
          errors={errors?.endpointUrl}
          required
        />
        <FormMessage result={saved && !saved.ok && !errors ? saved : null} name="Endpoint" />
        <Button type="submit" variant="secondary" disabled={saving} aria-busy={saving}>
          {saving ? "Saving…" : "Save endpoint"}
        </Button>
      </form>
      {saved?.ok ? <SecretReveal label="Endpoint secret" value={saved.data.endpointSecret} secret /> : null}
      <form action={sendTest} className="space-y-2">
        <input type="hidden" name="connectionId" value={connectionId} />
        <Button type="submit" variant="secondary" disabled={!hasEndpoint || testing} aria-busy={testing}>
          {testing ? "Sending…" : "Send test event"}
        </Button>
        {test && !test.ok ? <FormMessage result={test} name="Test event" /> : null}
        {test?.ok ? (
          <div role="status" aria-label="Test event result" className="rounded-md bg-slate-100 p-3 text-sm">
            <p className="font-medium">
              {test.data.delivered
                ? `Delivered: the receiver answered ${test.data.status} in ${test.data.durationMs} ms.`
                : test.data.gone
                  ? "Not delivered: the receiver answered 410 Gone, asking us to stop. Save a different endpoint URL."
                  : `Not delivered. ${test.data.error ?? ""}`}
            </p>
            {test.data.responseExcerpt ? (
              <pre className="mt-2 max-h-32 overflow-auto whitespace-pre-wrap text-xs">{test.data.responseExcerpt}</pre>
            ) : null}
          </div>
        ) : null}
      </form>
    </div>
  );
}
