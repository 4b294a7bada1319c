"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/** A value shown once (a URL or a secret) with a copy button. */
export function SecretReveal({ label, value, secret = false }: { label: string; value: string; secret?: boolean }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          aria-describedby={secret ? `${id}-once` : undefined}
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {secret ? (
        <p id={`${id}-once`} className="text-xs text-amber-800">
          Shown once. Store it now: afterwards it can only be rotated.
        </p>
      ) : null}
    </div>
  );
}
