"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { completeJobAction } from "@/lib/actions/complete-job";

type Props = {
  jobId: string;
  askSalary: boolean;
  clients: { name: string }[] | null;
  salary: { min: number; max: number; currency: string; period: string } | null;
};

/** Lets a recruiter supply what the ATS didn't send; the posting rules run again on save. */
export function CompleteJobForm({ jobId, askSalary, clients, salary }: Props) {
  const [state, complete, pending] = useActionState(completeJobAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={complete} className="space-y-4">
      <input type="hidden" name="jobId" value={jobId} />
      {askSalary ? (
        <fieldset className="grid grid-cols-2 gap-3">
          <legend className="col-span-2 mb-1 text-sm font-medium">Salary</legend>
          <Field
            label="Minimum salary"
            name="salaryMin"
            type="number"
            step="0.01"
            min="0"
            defaultValue={salary?.min}
            errors={errors?.salaryMin}
          />
          <Field
            label="Maximum salary"
            name="salaryMax"
            type="number"
            step="0.01"
            min="0"
            defaultValue={salary?.max}
            errors={errors?.salaryMax}
          />
          <Field
            label="Currency"
            name="salaryCurrency"
            maxLength={3}
            placeholder="EUR"
            defaultValue={salary?.currency}
            errors={errors?.salaryCurrency}
          />
          <Select
            label="Period"
            name="salaryPeriod"
            defaultValue={salary?.period ?? "year"}
            options={[
              { value: "year", label: "per year" },
              { value: "month", label: "per month" },
              { value: "hour", label: "per hour" },
            ]}
            errors={errors?.salaryPeriod}
          />
        </fieldset>
      ) : null}
      {clients ? (
        <Select
          label="Client"
          name="clientName"
          options={[
            { value: "", label: "Choose the employer you hire for" },
            ...clients.map((c) => ({ value: c.name, label: c.name })),
          ]}
          errors={errors?.clientName}
        />
      ) : null}
      <FormMessage result={state && !state.ok && !errors ? state : null} name="Completion" />
      {state?.ok ? (
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          Saved. The posting rules ran again.
        </p>
      ) : null}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Checking…" : "Save and re-check"}
      </Button>
    </form>
  );
}
