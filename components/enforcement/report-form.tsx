"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { reportProblemAction } from "@/lib/actions/report-problem";

const SUBJECT_WORDS = { snapshot: "this Snapshot", access_request: "this access request" } as const;

/** Report a problem to trust & safety; with `subject`, about that Snapshot or access request. */
export function ReportForm({ subject }: { subject?: { type: "snapshot" | "access_request"; id: string } }) {
  const [state, report, pending] = useActionState(reportProblemAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
        Thank you. Trust &amp; safety will look at your report; it is kept with the reference{" "}
        {state.data.flagId.slice(0, 8)}.
      </p>
    );
  }
  return (
    <form action={report} className="space-y-3">
      <input type="hidden" name="subjectType" value={subject?.type ?? "other"} />
      {subject ? (
        <>
          <input type="hidden" name="subjectId" value={subject.id} />
          <p className="text-sm">You are reporting {SUBJECT_WORDS[subject.type]}.</p>
        </>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="report-reason" className="block text-sm font-medium text-slate-800">
          What happened?
        </label>
        <textarea
          id="report-reason"
          name="reason"
          rows={5}
          required
          minLength={10}
          maxLength={2000}
          aria-invalid={errors?.reason ? true : undefined}
          aria-describedby={errors?.reason ? "report-reason-error" : "report-reason-hint"}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-500"
        />
        <p id="report-reason-hint" className="text-xs text-slate-600">
          Only trust &amp; safety reads this. Don&apos;t include anyone&apos;s contact details.
        </p>
        {errors?.reason ? (
          <p id="report-reason-error" className="text-xs text-red-700">
            {errors.reason.join(" ")}
          </p>
        ) : null}
      </div>
      <FormMessage result={state && !state.ok && !errors ? state : null} name="Report" />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Sending…" : "Send report"}
      </Button>
    </form>
  );
}
