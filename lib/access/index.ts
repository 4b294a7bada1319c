// Access Requests and the credit ledger: the public surface other capabilities and routes use.
import "server-only";

export { advanceClock, now } from "./clock";
export { contactDetailsProblem, findContactDetails } from "./contact-filter";
export { type Credits, getCredits, grantCredits } from "./credits";
export { type CandidateScope, type Decision, decideRequest } from "./decisions";
export { type CandidateCounts, candidateCounts, type MemberCounts, memberCounts } from "./nav-counts";
export {
  findOpenRequestForSnapshot,
  getOrgRequest,
  listOrgRequests,
  markRead,
  type OrgRequestDetail,
  type OrgRequestRow,
} from "./queries";
export { type RequestPanelState, requestPanelState } from "./request-panel";
export { cancelRequest, type NewRequest, type Requester, requestAccess } from "./requests";
export { type AccessActivity, accessActivity } from "./signals";
export { candidateLabel, type SnapshotCard, snapshotCard } from "./snapshot-card";
export { type SweepResult, sweepAccess } from "./sweep";
