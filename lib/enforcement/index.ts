// Trust & safety: what other capabilities call. Flags and the console's reads live beside it.
import "server-only";

export { type ActivityKind, type ActivityResult, offPortalReasons, recordActivity, screenMessage } from "./activity";
export { ABUSE_SIGNALS } from "./config";
export { type Screening, screenConnectionSettings, screenNewOrganisation } from "./screening";
export { isJobMatchable, matchableJob } from "./standing";
export { evaluateSignals, type SweepResult } from "./sweep";
