// React's taint APIs (experimental.taint in next.config.js): identity values marked here can't be
// handed to a client component; trying fails the render. Outside Next (tests, scripts) there is no
// client to protect and the APIs are absent; inside Next their absence is a misconfiguration.
import * as React from "react";

type TaintApi = {
  experimental_taintUniqueValue?: (message: string, lifetime: object, value: string) => void;
  experimental_taintObjectReference?: (message: string, object: object) => void;
};

const api = React as unknown as TaintApi;
const MESSAGE = "Candidate identity must not be passed to a client component.";

export function taintAvailable(): boolean {
  return typeof api.experimental_taintUniqueValue === "function";
}

function requireTaint(): boolean {
  if (taintAvailable()) return true;
  if (process.env.NEXT_RUNTIME) throw new Error("React's taint APIs are missing: enable experimental.taint");
  return false;
}

/** Taints each object (by reference) and each string (by value) for as long as `lifetime` lives. */
export function taintIdentity(lifetime: object, objects: object[], values: (string | null)[]): void {
  if (!requireTaint()) return;
  for (const object of objects) api.experimental_taintObjectReference?.(MESSAGE, object);
  for (const value of values) if (value) api.experimental_taintUniqueValue?.(MESSAGE, lifetime, value);
}
