import { buttonClass } from "@/components/ui/button";

type Option = { value: string; label: string };

export type AuditFiltersProps = {
  actors: Option[];
  actions: Option[];
  organisations?: Option[];
  values: { actor?: string; action?: string; from?: string; to?: string; org?: string };
  exportHref: string;
  clearHref: string;
};

const selectClass = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

function Choice({
  id,
  label,
  name,
  options,
  value,
}: {
  id: string;
  label: string;
  name: string;
  options: Option[];
  value?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: the filter lives in the address, so a filtered view can be shared and exported. */
export function AuditFilters({ actors, actions, organisations, values, exportHref, clearHref }: AuditFiltersProps) {
  return (
    <form method="get" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-6" aria-label="Filter the audit log">
      {organisations ? (
        <Choice id="audit-org" label="Chain" name="org" options={organisations} value={values.org} />
      ) : null}
      <Choice id="audit-actor" label="Who" name="actor" options={actors} value={values.actor} />
      <Choice id="audit-action" label="What" name="action" options={actions} value={values.action} />
      <div className="space-y-1">
        <label htmlFor="audit-from" className="block text-sm font-medium text-slate-800">
          From (UTC day)
        </label>
        <input id="audit-from" type="date" name="from" defaultValue={values.from} className={selectClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-to" className="block text-sm font-medium text-slate-800">
          To (UTC day)
        </label>
        <input id="audit-to" type="date" name="to" defaultValue={values.to} className={selectClass} />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <a href={clearHref} className="text-sm text-indigo-700 underline">
          Clear
        </a>
        <a href={exportHref} className="text-sm text-indigo-700 underline" download>
          Download CSV
        </a>
      </div>
    </form>
  );
}
