"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { adjustJobAction } from "@/lib/actions/adjust-job";

type Salary = { min: number; max: number; currency: string; period: string } | null;

/** Trust & safety corrects a job's salary or brand; what was typed stays when something is refused. */
export function AdjustJobForm({
  jobId,
  salary,
  brand,
  brands,
}: {
  jobId: string;
  salary: Salary;
  brand: string | null;
  brands: string[];
}) {
  const [state, adjust, pending] = useActionState(adjustJobAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={adjust} className="space-y-3">
      <input type="hidden" name="jobId" value={jobId} />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label="Minimum"
          name="salaryMin"
          inputMode="decimal"
          defaultValue={salary?.min}
          errors={errors?.salaryMin}
        />
        <Field
          label="Maximum"
          name="salaryMax"
          inputMode="decimal"
          defaultValue={salary?.max}
          errors={errors?.salaryMax}
        />
        <Field
          label="Currency"
          name="currency"
          defaultValue={salary?.currency}
          maxLength={3}
          errors={errors?.currency}
        />
        <Select
          label="Period"
          name="period"
          defaultValue={salary?.period ?? ""}
          options={[
            { value: "", label: "—" },
            { value: "year", label: "per year" },
            { value: "month", label: "per month" },
            { value: "hour", label: "per hour" },
          ]}
          errors={errors?.period}
        />
      </div>
      <Select
        label="Brand"
        name="brandName"
        defaultValue=""
        options={[{ value: "", label: `Keep ${brand ?? "no brand"}` }, ...brands.map((b) => ({ value: b, label: b }))]}
        errors={errors?.brandName}
      />
      <Field label="Note to the organisation" name="reason" required minLength={5} errors={errors?.reason} />
      <FormMessage result={state && !state.ok ? state : null} name="Adjustment" />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-900">
          Adjusted. The organisation sees your note on the job&apos;s page.
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Adjust job"}
      </Button>
    </form>
  );
}
