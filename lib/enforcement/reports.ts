// People report problems: an organisation's member (a Snapshot or access request of theirs, or
// anything else) or a candidate (an access request they received). Each report is a flag.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessRequests, snapshots } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { raiseFlag } from "./flags";

export const REPORT_SUBJECTS = ["snapshot", "access_request", "other"] as const;
export type ReportSubject = (typeof REPORT_SUBJECTS)[number];

export type Reporter =
  | { kind: "member"; userId: string; orgId: string }
  | { kind: "candidate"; userId: string; candidateId: string };

export type Report = { subjectType: ReportSubject; subjectId?: string; reason: string };

const WORDS: Record<ReportSubject, string> = {
  snapshot: "a Snapshot",
  access_request: "an access request",
  other: "something else",
};

/** The organisation a reported subject concerns, when the reporter may see the subject; else not_found. */
async function subjectOrg(db: Database, reporter: Reporter, report: Report): Promise<string | null> {
  if (report.subjectType === "other") return null;
  if (!isUuid(report.subjectId)) throw new AppError("not_found");
  const id = report.subjectId;
  const [row] =
    report.subjectType === "snapshot"
      ? reporter.kind === "member"
        ? await db
            .select({ orgId: snapshots.orgId })
            .from(snapshots)
            .where(and(eq(snapshots.id, id), eq(snapshots.orgId, reporter.orgId)))
        : []
      : await db
          .select({ orgId: accessRequests.orgId })
          .from(accessRequests)
          .where(
            and(
              eq(accessRequests.id, id),
              reporter.kind === "member"
                ? eq(accessRequests.orgId, reporter.orgId)
                : eq(accessRequests.candidateId, reporter.candidateId),
            ),
          );
  if (!row) throw new AppError("not_found");
  return row.orgId;
}

export async function reportProblem(db: Database, reporter: Reporter, report: Report): Promise<{ flagId: string }> {
  const orgId = await subjectOrg(db, reporter, report);
  const who = reporter.kind === "member" ? "An organisation's member" : "A candidate";
  const { id } = await db.transaction((tx) =>
    raiseFlag(tx, {
      kind: "user_report",
      source: "report",
      orgId,
      subjectType: report.subjectType,
      subjectId: report.subjectType === "other" ? null : (report.subjectId ?? null),
      summary: `${who} reported ${WORDS[report.subjectType]}.`,
      reason: report.reason,
      reportedBy: reporter.userId,
      evidence: { reporter: reporter.kind, ...(reporter.kind === "member" ? { reporterOrgId: reporter.orgId } : {}) },
    }),
  );
  return { flagId: id };
}
