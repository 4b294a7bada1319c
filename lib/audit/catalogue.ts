// Every audit action code and how it reads to a person. Codes are stable (filters, CSV exports and
// the hash chain keep them); add a line here when you record a new kind of entry.
export const AUDIT_ACTIONS = {
  "auth.signed_in": "Signed in",
  "org.created": "Organisation created",
  "membership.invited": "Member invited",
  "membership.joined": "Member joined",
  "membership.role_changed": "Member's role changed",
  "membership.removed": "Member removed",
  "connection.created": "Integration created",
  "connection.endpoint_set": "Integration endpoint set",
  "connection.test_event_sent": "Test event sent",
  "connection.activated": "Integration activated",
  "connection.disabled": "Integration disabled",
  "connection.secret_rotated": "Signing secret rotated",
  "job.completed": "Job completed in the portal",
  "job.rejected": "Job rejected by the posting rules",
  "delivery.replayed": "Delivery sent again",
  "access.requested": "Access requested",
  "access.approved": "Access approved",
  "access.declined": "Access declined",
  "access.revoked": "Access revoked",
  "access.cancelled": "Access request cancelled",
  "access.expired": "Access request expired",
  "identity.viewed": "Candidate identity viewed",
  "flag.reported": "Problem reported",
  "flag.raised": "Abuse signal raised",
  "enforcement.flag_resolved": "Flag resolved",
  "enforcement.flag_dismissed": "Flag dismissed",
  "enforcement.org_verified": "Organisation verified",
  "enforcement.org_suspended": "Organisation suspended",
  "enforcement.org_banned": "Organisation banned",
  "enforcement.org_reinstated": "Suspension or ban lifted",
  "enforcement.org_held": "Organisation held for review",
  "enforcement.connection_disabled": "Integration disabled by trust & safety",
  "enforcement.connection_enabled": "Integration enabled by trust & safety",
  "enforcement.connection_held": "Integration held for review",
  "enforcement.job_removed": "Job removed by trust & safety",
  "enforcement.job_reinstated": "Job reinstated by trust & safety",
  "enforcement.job_restricted": "Job kept from matching",
  "enforcement.job_unrestricted": "Job returned to matching",
  "enforcement.job_adjusted": "Job adjusted by trust & safety",
  "enforcement.throttled": "Activity throttled",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const TARGET_LABELS: Record<string, string> = {
  organisation: "Organisation",
  connection: "Integration",
  job: "Job",
  user: "Person",
  flag: "Flag",
  snapshot: "Snapshot",
  access_request: "Access request",
  candidate: "Candidate",
  message: "Message",
};

/** The plain words for an action code; an unknown code reads as itself. */
export function actionLabel(code: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[code] ?? code;
}

/** Trust & safety's own entries, which an organisation sees as the platform's, not a named person's. */
export const isEnforcementAction = (code: string) => code.startsWith("enforcement.");
