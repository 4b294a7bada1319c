// Every server action, who may call it and what its input looks like: the table the action × role
// matrix (lib/actions/matrix.test.ts) runs. ADD A ROW FOR EVERY NEW SERVER ACTION: the matrix
// fails while an exported action of a "use server" module has no row here.
//
// A row says:
// - `action`: the exported server action itself;
// - `allowed`: the roles that succeed (every other role is refused: signed out with
//   `unauthenticated`, anyone else with `not_found`, so nothing reveals that a row exists);
// - `input(world, tenant)`: a valid input naming rows of `tenant` (create them here, fresh per
//   call). The matrix acts as tenant a's people with `input(w, w.a)`, as the other organisation's
//   owner with the same input (the "outsider"), and as tenant a's allowed people with
//   `input(w, w.b)`: another organisation's ids;
// - `foreign`: the answer to another organisation's ids (`not_found` unless said otherwise), or
//   "none" when the input names no organisation's rows;
// - optional `effect`: what a successful call must have done (it must also have written something,
//   unless `writes: false`); `refusals`: further refused cases.
import { eq } from "drizzle-orm";
import { syncRuns } from "@/db/schema";
import { activateConnectionAction } from "@/lib/actions/activate-connection";
import { adjustJobAction } from "@/lib/actions/adjust-job";
import { completeJobAction } from "@/lib/actions/complete-job";
import { createConnectionAction } from "@/lib/actions/create-connection";
import { disableConnectionAction } from "@/lib/actions/disable-connection";
import { enforceConnectionAction } from "@/lib/actions/enforce-connection";
import { enforceOrganisationAction } from "@/lib/actions/enforce-organisation";
import { moderateJobAction } from "@/lib/actions/moderate-job";
import { reportProblemAction } from "@/lib/actions/report-problem";
import { reviewFlagAction } from "@/lib/actions/review-flag";
import { rotateSecretAction } from "@/lib/actions/rotate-secret";
import type { ActionInput } from "@/lib/actions/safe-action";
import { sendTestEventAction } from "@/lib/actions/send-test-event";
import { setEndpointAction } from "@/lib/actions/set-endpoint";
import { signInAction } from "@/lib/actions/sign-in";
import { signOutAction } from "@/lib/actions/sign-out";
import { syncNowAction } from "@/lib/actions/sync-now";
import { storeSecret } from "@/lib/ats/connections/secrets";
import { raiseFlag } from "@/lib/enforcement/flags";
import type { ErrorCode } from "@/lib/errors";
import { ACCESS_ROWS } from "./access-matrix";
import type { TestBrowser } from "./act-as";
import { connectionOf, jobNeedingInfo, PASSWORD, ROLES, type Role, type Tenant, type World } from "./action-world";
import { makeOrg } from "./factories";

// biome-ignore lint/suspicious/noExplicitAny: server actions take different inputs; rows pass each its own.
export type ServerAction = (previous: any, input: any) => Promise<unknown>;
export type Outcome = { ok: true; data?: unknown; redirect?: string } | { ok: false; code: ErrorCode; error: string };

export type Refusal = {
  name: string;
  as: Role;
  input: (w: World, t: Tenant) => Promise<ActionInput>;
  code: ErrorCode;
  /** Tables the refusal may change (e.g. a failed sign-in counts against the throttle). */
  mayWrite?: readonly string[];
};

export type MatrixRow = {
  action: ServerAction;
  allowed: readonly Role[];
  input: (w: World, t: Tenant) => Promise<ActionInput>;
  foreign?: ErrorCode | "none";
  effect?: (w: World, outcome: Outcome, browser: TestBrowser) => Promise<void> | void;
  /** False for an action that may succeed without writing to the database (e.g. signing out). */
  writes?: boolean;
  refusals?: readonly Refusal[];
};

const MANAGERS = ["owner", "admin"] as const;
const MEMBERS = ["owner", "admin", "recruiter"] as const;
const TRUST_SAFETY = ["platformAdmin"] as const;

function expectOk(outcome: Outcome, check: (data: unknown) => boolean, what: string) {
  if (!outcome.ok || !check(outcome.data)) throw new Error(`Expected ${what}, got ${JSON.stringify(outcome)}.`);
}

export const MATRIX: readonly MatrixRow[] = [
  {
    action: createConnectionAction,
    allowed: MANAGERS,
    input: async (_w, t) => ({ name: "Matrix ATS", provider: "generic", brandId: t.org.brandId }),
    // The brand is a choice in the form: another organisation's brand is "not one of yours".
    foreign: "invalid_input",
    effect: (_w, outcome) =>
      expectOk(outcome, (d) => typeof (d as { signingSecret?: unknown }).signingSecret === "string", "a secret"),
  },
  {
    action: setEndpointAction,
    allowed: MANAGERS,
    input: async (w, t) => ({ connectionId: await connectionOf(w, t), endpointUrl: `${w.receiverUrl}/hooks` }),
  },
  {
    action: sendTestEventAction,
    allowed: MANAGERS,
    input: async (w, t) => {
      const connectionId = await connectionOf(w, t, { endpointUrl: `${w.receiverUrl}/hooks` });
      await storeSecret(
        w.db,
        connectionId,
        "outbound",
        `whsec_${Buffer.from("matrix-outbound-secret").toString("base64")}`,
      );
      return { connectionId };
    },
    effect: (_w, outcome) => expectOk(outcome, (d) => (d as { delivered?: boolean }).delivered === true, "a delivery"),
  },
  {
    action: activateConnectionAction,
    allowed: MANAGERS,
    input: async (w, t) => ({ connectionId: await connectionOf(w, t, { status: "draft" }) }),
  },
  {
    action: disableConnectionAction,
    allowed: MANAGERS,
    input: async (w, t) => ({ connectionId: await connectionOf(w, t), reason: "Matrix" }),
  },
  {
    action: rotateSecretAction,
    allowed: MANAGERS,
    input: async (w, t) => ({ connectionId: await connectionOf(w, t) }),
  },
  {
    action: syncNowAction,
    allowed: MANAGERS,
    input: async (w, t) => ({
      connectionId: await connectionOf(w, t, { provider: "lever", boardToken: "matrix", boardBaseUrl: w.receiverUrl }),
    }),
    // The sync itself runs after the answer (`after`); the board it reads is the local receiver.
    effect: async (w, outcome) => {
      const runId = outcome.ok ? (outcome.data as { runId: string }).runId : "";
      const [run] = await w.db.select({ status: syncRuns.status }).from(syncRuns).where(eq(syncRuns.id, runId));
      if (run?.status !== "succeeded") throw new Error(`The sync run ended ${run?.status}.`);
    },
  },
  {
    action: completeJobAction,
    allowed: MEMBERS,
    input: async (w, t) => ({
      jobId: await jobNeedingInfo(w, t),
      salaryMin: "70000",
      salaryMax: "90000",
      salaryCurrency: "EUR",
      salaryPeriod: "year",
    }),
  },
  {
    action: signInAction,
    allowed: ROLES,
    input: async (_w, t) => ({ email: t.owner.email, password: PASSWORD }),
    foreign: "none",
    effect: (_w, outcome, browser) => {
      if (!outcome.ok || !browser.sessionCookie) throw new Error("Signing in set no session.");
    },
    refusals: [
      {
        name: "a wrong password",
        as: "signedOut",
        input: async (_w, t) => ({ email: t.owner.email, password: `${PASSWORD}-wrong` }),
        code: "invalid_credentials",
        mayWrite: ["rate_limit_counters"],
      },
    ],
  },
  {
    action: signOutAction,
    allowed: ROLES,
    input: async () => ({}),
    foreign: "none",
    writes: false,
    effect: (_w, outcome, browser) => {
      if (!outcome.ok || browser.sessionCookie) throw new Error("Signing out left the session cookie.");
    },
  },
  {
    action: enforceOrganisationAction,
    allowed: TRUST_SAFETY,
    input: async (w) => ({ orgId: (await makeOrg(w.db)).id, action: "suspend", reason: "Matrix suspension" }),
    foreign: "none",
  },
  {
    action: enforceConnectionAction,
    allowed: TRUST_SAFETY,
    input: async (w, t) => ({ connectionId: await connectionOf(w, t), action: "disable", reason: "Matrix disabling" }),
    foreign: "none",
  },
  {
    action: moderateJobAction,
    allowed: TRUST_SAFETY,
    input: async (w, t) => ({ jobId: await jobNeedingInfo(w, t), action: "remove", reason: "Matrix removal" }),
    foreign: "none",
  },
  {
    action: adjustJobAction,
    allowed: TRUST_SAFETY,
    input: async (w, t) => ({
      jobId: await jobNeedingInfo(w, t),
      salaryMin: "60000",
      salaryMax: "70000",
      currency: "EUR",
      period: "year",
      reason: "Matrix adjustment",
    }),
    foreign: "none",
  },
  {
    action: reviewFlagAction,
    allowed: TRUST_SAFETY,
    input: async (w, t) => {
      const flag = await w.db.transaction((tx) =>
        raiseFlag(tx, {
          kind: "user_report",
          source: "report",
          orgId: t.org.id,
          subjectType: "other",
          summary: "Matrix report",
        }),
      );
      return { flagId: flag.id, action: "dismissed", reason: "Matrix review" };
    },
    foreign: "none",
  },
  {
    action: reportProblemAction,
    allowed: ["owner", "admin", "recruiter", "outsider", "candidate", "suspended"],
    input: async () => ({ subjectType: "other", reason: "Someone posts our jobs under their own name." }),
    foreign: "none",
  },
  ...ACCESS_ROWS,
];
