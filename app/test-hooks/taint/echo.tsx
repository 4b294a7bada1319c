"use client";

/** Test hook: a client component that shows what it was handed. */
export function Echo({ value }: { value: string }) {
  return <p data-testid="echo">{value}</p>;
}
