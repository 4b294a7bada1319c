/** The outcome of a form: a named alert for problems, a status line for success. */
export function FormMessage({
  result,
  name,
}: {
  result: { ok: boolean; error?: string; message?: string } | null;
  name: string;
}) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <div role="alert" aria-label={`${name} problem`} className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        {result.error}
      </div>
    );
  }
  return result.message ? (
    <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
      {result.message}
    </p>
  ) : null;
}
