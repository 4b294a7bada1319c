// The access actions' rows of the server-action × role matrix (lib/testing/action-matrix.ts).
// Every input is made fresh: a new candidate or employer per call, since an organisation has at
// most one open request per candidate.
import { randomUUID } from "node:crypto";
import { grantCredits } from "@/lib/access/credits";
import { decideRequest } from "@/lib/access/decisions";
import { requestAccess } from "@/lib/access/requests";
import { cancelAccessRequestAction } from "@/lib/actions/cancel-access-request";
import { decideAccessRequestAction } from "@/lib/actions/decide-access-request";
import { deleteMyDataAction } from "@/lib/actions/delete-my-data";
import { grantCreditsAction } from "@/lib/actions/grant-credits";
import { hideFromCompanyAction } from "@/lib/actions/hide-from-company";
import { requestAccessAction } from "@/lib/actions/request-access";
import { sendCandidateMessageAction } from "@/lib/actions/send-candidate-message";
import { sendMemberMessageAction } from "@/lib/actions/send-member-message";
import { setDiscoverableAction } from "@/lib/actions/set-discoverable";
import { unhideCompanyAction } from "@/lib/actions/unhide-company";
import { makeCandidate, makeEmployer, makeJob, makeSnapshot } from "./access";
import type { MatrixRow } from "./action-matrix";
import type { Tenant, World } from "./action-world";

const MEMBERS = ["owner", "admin", "recruiter"] as const;

/** A Snapshot of a new candidate for the tenant, and credits for the tenant to spend on it. */
async function tenantSnapshot(w: World, t: Tenant) {
  const candidate = await makeCandidate(w.db);
  const jobId = await makeJob(w.db, t.org.id, t.webhookConnectionId);
  const snapshotId = await makeSnapshot(w.db, { org: { id: t.org.id }, jobId }, candidate.candidateId);
  await grantCredits(w.db, {
    orgId: t.org.id,
    amount: 1,
    idempotencyKey: randomUUID(),
    actorUserId: null,
    note: "Matrix",
  });
  return { candidate, snapshotId };
}

async function tenantRequest(w: World, t: Tenant, approved: boolean) {
  const { candidate, snapshotId } = await tenantSnapshot(w, t);
  const { requestId } = await requestAccess(
    w.db,
    { orgId: t.org.id, userId: t.recruiter.userId },
    { snapshotId, message: null, idempotencyKey: randomUUID() },
    new Date(),
  );
  if (approved) await decideRequest(w.db, candidate, requestId, "approved", new Date());
  return requestId;
}

/** A request to the tenant's own candidate from a new employer (pending, or approved). */
async function requestToCandidate(w: World, t: Tenant, approved: boolean) {
  const employer = await makeEmployer(w.db, { credits: 1 });
  const snapshotId = await makeSnapshot(w.db, employer, t.candidate.candidateId);
  const { requestId } = await requestAccess(
    w.db,
    { orgId: employer.org.id, userId: employer.recruiter.id },
    { snapshotId, message: null, idempotencyKey: randomUUID() },
    new Date(),
  );
  if (approved) await decideRequest(w.db, { ...t.candidate }, requestId, "approved", new Date());
  return requestId;
}

export const ACCESS_ROWS: readonly MatrixRow[] = [
  {
    action: requestAccessAction,
    allowed: MEMBERS,
    input: async (w, t) => ({
      snapshotId: (await tenantSnapshot(w, t)).snapshotId,
      idempotencyKey: randomUUID(),
      message: "We'd like to talk.",
    }),
  },
  {
    action: cancelAccessRequestAction,
    allowed: MEMBERS,
    input: async (w, t) => ({ requestId: await tenantRequest(w, t, false) }),
  },
  {
    action: sendMemberMessageAction,
    allowed: MEMBERS,
    input: async (w, t) => ({ requestId: await tenantRequest(w, t, true), body: "Thanks for approving." }),
  },
  {
    action: decideAccessRequestAction,
    allowed: ["candidate"],
    input: async (w, t) => ({ requestId: await requestToCandidate(w, t, false), decision: "approved" }),
  },
  {
    action: sendCandidateMessageAction,
    allowed: ["candidate"],
    input: async (w, t) => ({ requestId: await requestToCandidate(w, t, true), body: "Hello from the candidate." }),
  },
  {
    action: setDiscoverableAction,
    allowed: ["candidate"],
    foreign: "none",
    input: async () => ({ discoverable: "true" }),
  },
  {
    action: hideFromCompanyAction,
    allowed: ["candidate"],
    foreign: "none",
    input: async (_w, t) => ({ company: t.org.name }),
  },
  {
    action: unhideCompanyAction,
    allowed: ["candidate"],
    foreign: "none",
    input: async (_w, t) => ({ orgId: t.org.id }),
  },
  {
    action: grantCreditsAction,
    allowed: ["platformAdmin"],
    foreign: "none",
    input: async (_w, t) => ({ orgId: t.org.id, amount: "5", note: "Matrix grant", idempotencyKey: randomUUID() }),
  },
  // Last: a success erases tenant a's candidate, whom the rows above act as.
  {
    action: deleteMyDataAction,
    allowed: ["candidate"],
    foreign: "none",
    input: async () => ({ confirm: "DELETE" }),
  },
];
